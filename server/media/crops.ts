import 'server-only';
import sharp from 'sharp';
import { getMediaFocalPointByKey } from '@/db/queries/media';
import { AppError } from '@/lib/http/errors';
import { cropKeyOf, cropKeysOf, cropRect, cropSize, CROP_RATIOS, parseCropKey, sameFocalPoint, type CropRatio, type FocalPoint } from '@/lib/media/crops';
import { BoundedQueue } from '@/lib/media/job-queue';
import { mediaUrl } from '@/lib/media/keys';
import { CROP_PROCESSING } from '@/lib/media/limits';
import { detectImageKind, encode, MAX_INPUT_PIXELS, mimeOf } from './process';
import { getMediaStorage, type MediaStorage } from './storage';

type MediaFile = { data: Buffer; contentType: string };

/**
 * One crop of an image, encoded like its source. With a focal point, the
 * largest rectangle of the ratio centred on it (lib/media/crops.ts cropRect);
 * without one, sharp's attention strategy keeps the most salient region
 * (faces, contrast) rather than the middle. The same source and point give
 * the same pixels every time. An animated image gives its first frame.
 */
export async function cropImage(data: Buffer, ratio: CropRatio, focal?: FocalPoint): Promise<MediaFile & { width: number; height: number }> {
  const kind = detectImageKind(data);
  if (!kind) throw new Error('not an image this site stores');
  const image = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient();
  const meta = await image.metadata();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.pageHeight ?? meta.height;
  const size = cropSize(width, height, ratio);
  const framed = focal
    ? image.extract(cropRect(width, height, ratio, focal)).resize(size.width, size.height, { fit: 'fill' })
    : image.resize(size.width, size.height, { fit: 'cover', position: sharp.strategy.attention });
  const out = await encode(framed, kind).toBuffer();
  return { data: out, contentType: mimeOf[kind], ...size };
}

/** Crops being made in this process, one queue slot at a time (see CROP_PROCESSING). */
export const cropQueue = new BoundedQueue({
  ...CROP_PROCESSING,
  busyMessage: 'Máy chủ đang xử lý nhiều ảnh cùng lúc. Vui lòng thử lại sau ít giây.',
});

/** The focal point an original's crops are centred on now, or null when no media row names that key. */
export type FocalPointLookup = (sourceKey: string) => Promise<FocalPoint | null>;

type ReadDeps = { storage?: MediaStorage; queue?: BoundedQueue; focalPointOf?: FocalPointLookup };

// Readers asking for the same missing crop at once share one computation.
const inFlight = new Map<string, Promise<MediaFile | null>>();

/**
 * A stored file by key. A crop key (lib/media/crops.ts) that is not stored
 * yet is made from its original, stored under that key and returned, so it
 * is computed once, ever. The key grammar allows three crops of an original
 * and nothing else; a crop centred on a focal point is made only for the
 * point the media row holds now (the admin moves it, the old crops are
 * deleted: see currentCropUrl), and a missing original or row gives null
 * (404), so requests can never create files that do not belong to an upload.
 */
export async function readMediaFile(key: string, deps: ReadDeps = {}): Promise<MediaFile | null> {
  const storage = deps.storage ?? getMediaStorage();
  const crop = parseCropKey(key);
  const stored = await storage.get(key);
  if (stored || !crop) return stored;
  const focalPointOf = deps.focalPointOf ?? getMediaFocalPointByKey;
  const isCurrent = async () => {
    if (!crop.focal) return true;
    const current = await focalPointOf(crop.sourceKey);
    return current !== null && sameFocalPoint(current, crop.focal);
  };
  if (!(await isCurrent())) return null;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = (deps.queue ?? cropQueue)
      .run(async () => {
        // Read inside the queue: waiting requests hold no source image in memory.
        const source = await storage.get(crop.sourceKey);
        if (!source) return null;
        const made = await cropImage(source.data, crop.ratio, crop.focal);
        await storage.put(key, made.data, made.contentType);
        // The point moved while this crop was being made: the change deleted the old crops before this one
        // was stored, so this one goes too, rather than stay behind as a file nothing names.
        if (!(await isCurrent())) await storage.delete(key).catch(() => {});
        return { data: made.data, contentType: made.contentType };
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/**
 * For a crop centred on a focal point the image no longer has (a page or a
 * share made before the point moved): the URL of the same crop centred on
 * the current point. Null for anything else.
 */
export async function currentCropUrl(key: string, deps: Pick<ReadDeps, 'focalPointOf'> = {}): Promise<string | null> {
  const crop = parseCropKey(key);
  if (!crop?.focal) return null;
  const current = await (deps.focalPointOf ?? getMediaFocalPointByKey)(crop.sourceKey);
  if (!current || sameFocalPoint(current, crop.focal)) return null;
  return mediaUrl(cropKeyOf(crop.sourceKey, crop.ratio, current));
}

/**
 * Makes and stores an original's three crops centred on `focal`, in the crop
 * queue (429 when it is full), before the new point is saved: the pages that
 * link them once it is find them ready. A failed write leaves none of them.
 */
export async function storeFocalCrops(storageKey: string, focal: FocalPoint, deps: { storage?: MediaStorage; queue?: BoundedQueue } = {}): Promise<string[]> {
  const storage = deps.storage ?? getMediaStorage();
  return (deps.queue ?? cropQueue).run(async () => {
    const source = await storage.get(storageKey);
    if (!source) {
      console.warn(`[media] thiếu tệp gốc ${storageKey} trong kho ảnh: không làm lại được các khung cắt`);
      throw new AppError('conflict', 'Không tìm thấy tệp gốc của ảnh trong kho ảnh nên chưa làm lại được các khung cắt. Hãy báo quản trị hệ thống.');
    }
    const written: string[] = [];
    try {
      for (const ratio of CROP_RATIOS) {
        const made = await cropImage(source.data, ratio, focal);
        const key = cropKeyOf(storageKey, ratio, focal);
        await storage.put(key, made.data, made.contentType);
        written.push(key);
      }
    } catch (error) {
      await Promise.all(written.map((key) => storage.delete(key).catch(() => {})));
      throw error;
    }
    return written;
  });
}

/** Every file an upload may have in the store: the original, its widths, its automatic crops and the crops of `focal`. */
export function mediaFileKeys(media: { storageKey: string; variants: { url: string }[] }, focal: FocalPoint): string[] {
  const widths = media.variants.map((v) => v.url.replace(/^\/media\//, ''));
  return [...new Set([media.storageKey, ...widths, ...cropKeysOf(media.storageKey), ...cropKeysOf(media.storageKey, focal)])];
}

/** Deletes these keys, each attempted; the keys that could not be deleted are returned (and logged) rather than thrown. */
export async function deleteMediaFiles(keys: readonly string[], storage: MediaStorage = getMediaStorage()): Promise<string[]> {
  const failed: string[] = [];
  await Promise.all(
    keys.map((key) =>
      storage.delete(key).catch((error: unknown) => {
        failed.push(key);
        console.warn(`[media] không xóa được ${key} khỏi kho ảnh:`, error instanceof Error ? error.message : error);
      }),
    ),
  );
  return failed;
}
