import { z } from 'zod';
import { MEDIA_ALT_MAX, MEDIA_CAPTION_MAX, MEDIA_CREDIT_MAX } from '@/lib/media/limits';
import { CONTROL_CHARACTERS } from './params';

/**
 * One line of plain text: in NFC (one code point per Vietnamese letter, as
 * search expects), trimmed, runs of whitespace (a pasted line break
 * included) made one space, no control characters, at most `max` characters.
 * It is stored and shown as text, never as markup: `<b>` stays those three
 * characters, escaped wherever it is rendered.
 */
const plainLine = (label: string, max: number) =>
  z
    .string({ error: `${label} không hợp lệ.` })
    .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${label} không được chứa ký tự điều khiển.`)
    .refine((value) => value.length <= max, `${label} tối đa ${max} ký tự.`);

const captionField = plainLine('Chú thích', MEDIA_CAPTION_MAX);
const altField = plainLine('Mô tả ảnh', MEDIA_ALT_MAX);
// The page writes "Ảnh: " before the credit; one typed in as well ("Ảnh: Lâm Tú") is kept once.
const creditField = plainLine('Nguồn ảnh', MEDIA_CREDIT_MAX).transform((value) => value.replace(/^(?:ảnh|nguồn ảnh|nguồn)\s*:\s*/iu, ''));

/** The words sent with an upload (multipart fields); each may be left out. */
export const uploadFieldsSchema = z
  .object({ caption: captionField.default(''), alt: altField.default(''), credit: creditField.default('') })
  .strict();

const mediaId = z
  .union([z.number(), z.string()], { error: 'Mã ảnh không hợp lệ.' })
  .transform((value) => (typeof value === 'number' ? value : /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN))
  .refine((value) => Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647, 'Mã ảnh không hợp lệ.');

/** A coordinate of the focal point: a fraction 0–1 (a number, or its text from a form), kept to the thousandth the crop names use. */
const focalCoordinate = (label: string) =>
  z
    .union([z.number(), z.string().trim().min(1, `Hãy nhập ${label}.`)], { error: `Hãy nhập ${label}.` })
    .transform((value) => Number(value))
    .refine((value) => Number.isFinite(value) && value >= 0 && value <= 1, `${label[0]!.toUpperCase()}${label.slice(1)} phải từ 0 đến 100 %.`)
    .transform((value) => Math.round(value * 1000) / 1000);

/** "Lưu thông tin ảnh": every editable field at once, as the form holds them. */
export const updateMediaInput = z
  .object({
    mediaId,
    caption: captionField,
    alt: altField,
    credit: creditField,
    focalX: focalCoordinate('vị trí ngang của điểm lấy nét'),
    focalY: focalCoordinate('vị trí dọc của điểm lấy nét'),
  })
  .strict();
export type UpdateMediaInput = z.output<typeof updateMediaInput>;

/** "Xóa ảnh". */
export const deleteMediaInput = z.object({ mediaId }).strict();
export type DeleteMediaInput = z.output<typeof deleteMediaInput>;
