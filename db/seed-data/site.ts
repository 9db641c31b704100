import type { UserRole } from '../schema';

export const demoCategories = [
  { slug: 'tin-tuc-su-kien', name: 'Tin tức – Sự kiện', description: 'Tin tức, sự kiện nổi bật của thành phố' },
  { slug: 'xay-dung-dang', name: 'Xây dựng Đảng', description: 'Công tác xây dựng Đảng, hệ thống chính trị' },
  { slug: 'kinh-te', name: 'Kinh tế', description: 'Sản xuất, kinh doanh, thương mại cửa khẩu, đầu tư' },
  { slug: 'van-hoa-xa-hoi', name: 'Văn hóa – Xã hội', description: 'Giáo dục, y tế, văn hóa, đời sống' },
  { slug: 'quoc-phong-an-ninh', name: 'Quốc phòng – An ninh', description: 'Quốc phòng, an ninh, trật tự an toàn xã hội' },
  { slug: 'du-lich', name: 'Du lịch', description: 'Điểm đến, lễ hội, ẩm thực Lào Cai' },
] as const;

/**
 * One account per role for the demo; the README lists them. A production
 * install creates its own with `npm run user:create`.
 */
export const demoUsers: { key: string; name: string; email: string; role: UserRole; password: string; bio?: string }[] = [
  { key: 'quan-tri', name: 'Quản trị hệ thống', email: 'quantri@laocai.vn', role: 'admin', password: 'QuanTri@2026' },
  { key: 'bien-tap', name: 'Nguyễn Thu Hà', email: 'bientap@laocai.vn', role: 'moderator', password: 'BienTap@2026' },
  { key: 'lam-tu', name: 'Lâm Tú', email: 'lamtu@laocai.vn', role: 'journalist', password: 'PhongVien@2026', bio: 'Phóng viên Trung tâm Văn hóa – Thể thao – Truyền thông thành phố Lào Cai.' },
  { key: 'phong-vien-1', name: 'Hoàng Minh Đức', email: 'minhduc@laocai.vn', role: 'journalist', password: 'PhongVien@2026' },
  { key: 'phong-vien-2', name: 'Vàng Thị Mai', email: 'vangmai@laocai.vn', role: 'journalist', password: 'PhongVien@2026' },
];
