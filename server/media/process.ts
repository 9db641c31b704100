import 'server-only';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { AppError } from '@/lib/http/errors';
import { BoundedQueue } from '@/lib/media/job-queue';
import { IMAGE_PROCESSING, MAX_STORED_SIDE, MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from '@/lib/media/limits';

// One libvips worker thread per image (sharp's default is one per core on some
// platforms): several uploads are paced by the queue below, not by more threads
// competing with the request handlers on a small machine.
sharp.concurrency(1);

export { MAX_UPLOAD_BYTES };
/** Responsive widths; only those narrower than the original are made. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
/**
 * Decompression bombs: a 173 KB PNG may claim 59 Mpx. Above this, refused
 * before decoding. High enough for every camera a newsroom carries (61 Mpx
 * bodies, 100-Mpx medium format). A JPEG is decoded at a fraction of its
 * size when it is scaled down (libjpeg's shrink-on-load); a PNG that large
 * is a rare, slow upload, paced by the queue below.
 */
export const MAX_INPUT_PIXELS = 100_000_000;
/** The decoded, shrunk pixels kept in memory for the variants: a 2560 × 2560 RGBA image fits. */
const MAX_DECODED_BYTES = 32 * 1024 * 1024;

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'gif';
export const extensionOf: Record<ImageKind, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' };
export const mimeOf: Record<ImageKind, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

const startsWith = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);

/** HEIC/HEIF, what iPhones save by default: recognised only to say so (sharp's libheif here cannot decode HEVC). */
function isHeif(buf: Buffer): boolean {
  if (buf.subarray(4, 8).toString('latin1') !== 'ftyp') return false;
  return ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(buf.subarray(8, 12).toString('latin1'));
}

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

/** The stored encoding of each kind, shared by uploads and the crops made from them (server/media/crops.ts). */
export function encode(pipeline: Sharp, kind: ImageKind): Sharp {
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
 * Uploads being processed in this server process: one at a time, a few more
 * waiting, the rest refused with 429 (`too_many_requests`, Retry-After).
 */
export const imageProcessingQueue = new BoundedQueue({
  ...IMAGE_PROCESSING,
  busyMessage: 'Máy chủ đang xử lý nhiều ảnh cùng lúc. Vui lòng thử lại sau ít giây.',
});

/** The factor that brings an image of `width` × `height` to its stored size (1: already small enough). */
function storedScale(width: number, height: number): number {
  return Math.min(1, MAX_STORED_SIDE / Math.max(width, height));
}

/** The stored image's bounds: the longest side at most MAX_STORED_SIDE, never enlarged. */
const storedBounds = { width: MAX_STORED_SIDE, height: MAX_STORED_SIDE, fit: 'inside', withoutEnlargement: true } as const;

/**
 * Re-encodes the upload: what is stored is pixels sharp produced, not the
 * bytes that were sent, turned upright by its EXIF orientation, scaled down
 * so that its longest side is at most MAX_STORED_SIDE (a camera's 6000 ×
 * 4000 becomes 2560 × 1707), and with no metadata left (EXIF with the GPS
 * position and the camera's serial, XMP, IPTC, comments).
 *
 * The upload is decoded once. A still image is decoded, oriented and shrunk
 * in one pipeline into raw pixels; the stored image and every variant are
 * encoded from those pixels (sharp clones of a raw input decode nothing). An
 * animated GIF/WebP keeps its frames and timing through the encoder, so it
 * gets its variants from the (already shrunk) stored image instead.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  if (input.length > MAX_UPLOAD_BYTES) throw new AppError('payload_too_large', UPLOAD_TOO_LARGE_MESSAGE);
  const kind = detectImageKind(input);
  if (!kind) {
    const head = input.subarray(0, 512).toString('utf8').toLowerCase();
    throw new AppError(
      'unsupported_media_type',
      head.includes('<svg') || head.includes('<?xml')
        ? 'Không nhận ảnh SVG. Chỉ nhận JPEG, PNG, WebP hoặc GIF.'
        : isHeif(input)
          ? 'Chưa nhận ảnh HEIC (định dạng mặc định của iPhone). Hãy chuyển ảnh sang JPEG rồi tải lên lại.'
          : 'Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF.',
    );
  }
  const animated = kind === 'gif' || kind === 'webp';
  const upload = sharp(input, { animated, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  let inMemory: boolean;
  try {
    // The header only: size, pages, and the pixel limit, before any decoding.
    const meta = await upload.metadata();
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    const scale = storedScale(width, height);
    inMemory = (meta.pages ?? 1) === 1 && Math.ceil(width * scale) * Math.ceil(height * scale) * 4 <= MAX_DECODED_BYTES;
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new AppError('unsupported_media_type', `Ảnh có quá nhiều điểm ảnh (tối đa ${MAX_INPUT_PIXELS / 1_000_000} triệu). Hãy thu nhỏ ảnh rồi tải lên lại.`);
    }
    throw new AppError('unsupported_media_type', 'Tệp ảnh bị hỏng hoặc không đọc được.');
  }
  try {
    return inMemory ? await processInMemory(upload, kind) : await processFromStored(upload, kind);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unsupported_media_type', 'Tệp ảnh bị hỏng hoặc không đọc được.');
  }
}

async function processInMemory(upload: Sharp, kind: ImageKind): Promise<ProcessedImage> {
  // The one decode of the upload.
  const { data: pixels, info } = await upload.autoOrient().resize(storedBounds).raw().toBuffer({ resolveWithObject: true });
  const decoded = sharp(pixels, { raw: { width: info.width, height: info.height, channels: info.channels } });
  const data = await encode(decoded.clone(), kind).toBuffer();
  const variants: ProcessedImage['variants'] = [];
  for (const width of VARIANT_WIDTHS) {
    if (width >= info.width) continue;
    variants.push({ width, data: await encode(decoded.clone().resize({ width }), kind).toBuffer() });
  }
  return { kind, data, width: info.width, height: info.height, variants };
}

async function processFromStored(upload: Sharp, kind: ImageKind): Promise<ProcessedImage> {
  // The one decode of the upload, streamed; the variants decode the stored image, at most MAX_STORED_SIDE on its longest side.
  const main = await encode(upload.autoOrient().resize(storedBounds), kind).toBuffer({ resolveWithObject: true });
  const decoded = sharp(main.data, { animated: true, limitInputPixels: MAX_INPUT_PIXELS });
  const variants: ProcessedImage['variants'] = [];
  for (const width of VARIANT_WIDTHS) {
    if (width >= main.info.width) continue;
    variants.push({ width, data: await encode(decoded.clone().resize({ width }), kind).toBuffer() });
  }
  // Animated images report all frames stacked; one frame's height is what a page lays out.
  const height = (main.info as OutputInfo & { pageHeight?: number }).pageHeight ?? main.info.height;
  return { kind, data: main.data, width: main.info.width, height, variants };
}
