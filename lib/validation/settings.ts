import { z } from 'zod';
import { wholeNumberInput } from './whole-number';

/** The site settings as stored (one JSON value) and as the public pages read them. */
export const siteSettingsSchema = z.object({
  portalName: z.string().min(1).max(200),
  tagline: z.string().max(300),
  contact: z.object({
    agency: z.string().max(300),
    address: z.string().max(300),
    phone: z.string().max(100),
    email: z.string().max(200),
    editorInChief: z.string().max(200),
    license: z.string().max(300),
  }),
  /** Visits counted by the portal this one replaces, added to "Tất cả". */
  statsBaseline: z.number().int().min(0).max(1e12),
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** What the site shows until an admin saves settings (or when the stored value no longer parses). */
export const defaultSiteSettings: SiteSettings = {
  portalName: 'Cổng thông tin điện tử Thành phố Lào Cai',
  tagline: 'Tin tức – Sự kiện – Chính quyền – Người dân',
  contact: {
    agency: 'Cơ quan chủ quản: Ủy ban nhân dân thành phố Lào Cai',
    address: 'Địa chỉ: Đường Hoàng Liên, phường Cốc Lếu, thành phố Lào Cai, tỉnh Lào Cai',
    phone: 'Điện thoại: 0214 3 840 888',
    email: 'Email: banbientap@laocaicity.gov.vn',
    editorInChief: 'Trưởng Ban biên tập: Chánh Văn phòng HĐND – UBND thành phố',
    license: 'Giấy phép số 05/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Lào Cai cấp',
  },
  statsBaseline: 0,
};

/**
 * The settings form's input: the same schema, strict at every level, so unknown keys are refused,
 * not ignored; the baseline may come as text the way staff write it ("1.784.275").
 */
export const siteSettingsInput = siteSettingsSchema
  .extend({ contact: siteSettingsSchema.shape.contact.strict(), statsBaseline: wholeNumberInput('Số lượt truy cập của cổng cũ', 0, 1e12) })
  .strict();
