import 'server-only';
import sharp from 'sharp';
import { cropSize, parseCropKey, type CropRatio } from '@/lib/media/crops';
import { BoundedQueue } from '@/lib/media/job-queue';
import { CROP_PROCESSING } from '@/lib/media/limits';
import { detectImageKind, encode, MAX_INPUT_PIXELS, mimeOf } from './process';
import { getMediaStorage, type MediaStorage } from './storage';

type MediaFile = { data: Buffer; contentType: string };

/**
 * One crop of an image, encoded like its source. Sharp's attention strategy
 * keeps the most salient region (faces, contrast) rather than the middle, and
 * gives the same pixels for the same source every time. An animated image
 * gives its first frame.
 */
export async function cropImage(data: Buffer, ratio: CropRatio): Promise<MediaFile & { width: number; height: number }> {
  const kind = detectImageKind(data);
  if (!kind) throw new Error('not an image this site stores');
  const image = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient();
  const meta = await image.metadata();
  const size = cropSize(meta.autoOrient?.width ?? meta.width, meta.autoOrient?.height ?? meta.pageHeight ?? meta.height, ratio);
  const out = await encode(image.resize(size.width, size.height, { fit: 'cover', position: sharp.strategy.attention }), kind).toBuffer();
  return { data: out, contentType: mimeOf[kind], ...size };
}

/** Crops being made in this process, one queue slot at a time (see CROP_PROCESSING). */
export const cropQueue = new BoundedQueue({
  ...CROP_PROCESSING,
  busyMessage: 'Máy chủ đang xử lý nhiều ảnh cùng lúc. Vui lòng thử lại sau ít giây.',
});

// Readers asking for the same missing crop at once share one computation.
const inFlight = new Map<string, Promise<MediaFile | null>>();

/**
 * A stored file by key. A crop key (lib/media/crops.ts) that is not stored
 * yet is made from its original, stored under that key and returned, so it
 * is computed once, ever; the key grammar allows three crops of an original
 * and nothing else, and a missing original gives null (404), so requests can
 * never create files that do not belong to an upload.
 */
export async function readMediaFile(key: string, deps: { storage?: MediaStorage; queue?: BoundedQueue } = {}): Promise<MediaFile | null> {
  const storage = deps.storage ?? getMediaStorage();
  const crop = parseCropKey(key);
  const stored = await storage.get(key);
  if (stored || !crop) return stored;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = (deps.queue ?? cropQueue)
      .run(async () => {
        // Read inside the queue: waiting requests hold no source image in memory.
        const source = await storage.get(crop.sourceKey);
        if (!source) return null;
        const made = await cropImage(source.data, crop.ratio);
        await storage.put(key, made.data, made.contentType);
        return { data: made.data, contentType: made.contentType };
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}
