import 'server-only';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { AppError } from '@/lib/http/errors';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Responsive widths; only those narrower than the original are made. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
const MAX_WIDTH = 2400;

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'gif';
export const extensionOf: Record<ImageKind, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' };
export const mimeOf: Record<ImageKind, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

const startsWith = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);

/** The type from the first bytes of the file; the name and the browser's claim are ignored. */
export function detectImageKind(buf: Buffer): ImageKind | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38]) && (buf[4] === 0x37 || buf[4] === 0x39) && buf[5] === 0x61) return 'gif';
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

export type ProcessedImage = {
  kind: ImageKind;
  data: Buffer;
  width: number;
  height: number;
  variants: { width: number; data: Buffer }[];
};

function encode(pipeline: Sharp, kind: ImageKind): Sharp {
  switch (kind) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 82, mozjpeg: true });
    case 'png':
      return pipeline.png({ compressionLevel: 9 });
    case 'webp':
      return pipeline.webp({ quality: 82 });
    case 'gif':
      return pipeline.gif();
  }
}

/**
 * Re-encodes the upload: what is stored is pixels sharp produced, not the
 * bytes that were sent, and carries no metadata (EXIF, GPS, XMP, comments).
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  if (input.length > MAX_UPLOAD_BYTES) throw new AppError('payload_too_large', 'Ảnh vượt quá 10 MB.');
  const kind = detectImageKind(input);
  if (!kind) {
    const head = input.subarray(0, 512).toString('utf8').toLowerCase();
    throw new AppError(
      'unsupported_media_type',
      head.includes('<svg') || head.includes('<?xml') ? 'Không nhận ảnh SVG. Chỉ nhận JPEG, PNG, WebP hoặc GIF.' : 'Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF.',
    );
  }
  const animated = kind === 'gif' || kind === 'webp';
  const open = () => sharp(input, { animated, limitInputPixels: 60_000_000, failOn: 'error' });
  try {
    await open().metadata();
  } catch {
    throw new AppError('unsupported_media_type', 'Tệp ảnh bị hỏng hoặc không đọc được.');
  }
  try {
    const main = await encode(open().autoOrient().resize({ width: MAX_WIDTH, withoutEnlargement: true }), kind).toBuffer({ resolveWithObject: true });
    const variants: ProcessedImage['variants'] = [];
    for (const width of VARIANT_WIDTHS) {
      if (width >= main.info.width) continue;
      variants.push({ width, data: await encode(open().autoOrient().resize({ width }), kind).toBuffer() });
    }
    // Animated images report all frames stacked; one frame's height is what a page lays out.
    const height = (main.info as OutputInfo & { pageHeight?: number }).pageHeight ?? main.info.height;
    return { kind, data: main.data, width: main.info.width, height, variants };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unsupported_media_type', 'Tệp ảnh bị hỏng hoặc không đọc được.');
  }
}
