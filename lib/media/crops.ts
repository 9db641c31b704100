import { mediaKeyOfUrl, mediaUrl, ORIGINAL_MEDIA_KEY_PATTERN } from './keys';

// The three crops search engines ask for in an article's structured data.
// A crop's name is derived from its source's, so a page can link it before it
// exists: an upload's crops are made on first request and stored
// (server/media/crops.ts); the bundled images' crops ship beside them in
// public/images (scripts/make-bundled-crops.ts).
//
// An upload's crops are centred on its focal point, and the point is part of
// the crop's name (`-c16x9-f500-370`): moving the point gives the crops new
// URLs, so no browser, proxy or social network can keep showing the old
// framing from a cache that was told the file never changes. A crop name
// without a point (`-c16x9`) is the older automatic crop (sharp's attention
// strategy), still served for pages and shares that link it.

export const CROP_RATIOS = ['16x9', '4x3', '1x1'] as const;
export type CropRatio = (typeof CROP_RATIOS)[number];

/** Wide enough for large previews (1200 px is what search and social previews ask for), small enough to stay light. */
export const CROP_MAX_WIDTH = 1200;

const ratioParts: Record<CropRatio, readonly [number, number]> = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] };

/** How the admin names a ratio. */
export const cropRatioLabels: Record<CropRatio, string> = { '16x9': '16:9', '4x3': '4:3', '1x1': '1:1' };

/** The point of an image the crops keep in frame, as fractions of its width and height (0 left/top, 1 right/bottom). */
export type FocalPoint = { x: number; y: number };
export const CENTRE: FocalPoint = { x: 0.5, y: 0.5 };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const fraction = (value: number) => (Number.isFinite(value) ? clamp(value, 0, 1) : 0.5);

/** A focal coordinate as crop names write it: thousandths, 000–999 (the very edge, 1, is written 999). */
export function focalPermille(value: number): number {
  return Math.min(999, Math.round(fraction(value) * 1000));
}

/** Whether two points give the same crops (they are named, and so compared, to the thousandth). */
export function sameFocalPoint(a: FocalPoint, b: FocalPoint): boolean {
  return focalPermille(a.x) === focalPermille(b.x) && focalPermille(a.y) === focalPermille(b.y);
}

/**
 * The largest `ratio` rectangle inside a `width` × `height` image, scaled
 * down to CROP_MAX_WIDTH, never up: a crop adds no pixels its source lacks.
 */
export function cropSize(width: number, height: number, ratio: CropRatio): { width: number; height: number } {
  const [rw, rh] = ratioParts[ratio];
  const fitted = Math.min(width, Math.floor((height * rw) / rh), CROP_MAX_WIDTH);
  const w = Math.max(1, fitted);
  return { width: w, height: Math.max(1, Math.round((w * rh) / rw)) };
}

export type CropRect = { left: number; top: number; width: number; height: number };

/**
 * Where the `ratio` crop of a `width` × `height` image is cut, in the
 * image's pixels: the largest such rectangle (as cropSize, before scaling),
 * centred on the focal point, and pushed back inside the image when the
 * point is nearer an edge than half the crop. The axis the crop spans whole
 * cannot move; the other follows the point.
 */
export function cropRect(width: number, height: number, ratio: CropRatio, focal: FocalPoint): CropRect {
  const [rw, rh] = ratioParts[ratio];
  const w = Math.max(1, Math.min(width, Math.floor((height * rw) / rh)));
  const h = Math.max(1, Math.min(height, Math.round((w * rh) / rw)));
  return {
    left: clamp(Math.round(fraction(focal.x) * width - w / 2), 0, Math.max(0, width - w)),
    top: clamp(Math.round(fraction(focal.y) * height - h / 2), 0, Math.max(0, height - h)),
    width: w,
    height: h,
  };
}

const CROP_SUFFIX = /-c(16x9|4x3|1x1)(?:-f(\d{3})-(\d{3}))?(\.[a-z]+)$/;
const pad = (n: number) => String(n).padStart(3, '0');

function withCropSuffix(name: string, ratio: CropRatio, focal?: FocalPoint): string {
  const dot = name.lastIndexOf('.');
  const point = focal ? `-f${pad(focalPermille(focal.x))}-${pad(focalPermille(focal.y))}` : '';
  return `${name.slice(0, dot)}-c${ratio}${point}${name.slice(dot)}`;
}

/** The storage key of one crop of an uploaded original: centred on `focal`, or the automatic crop without it. */
export function cropKeyOf(storageKey: string, ratio: CropRatio, focal?: FocalPoint): string {
  return withCropSuffix(storageKey, ratio, focal);
}

/** The keys of an original's three crops for `focal` (or its automatic ones), widest first. */
export function cropKeysOf(storageKey: string, focal?: FocalPoint): string[] {
  return CROP_RATIOS.map((ratio) => cropKeyOf(storageKey, ratio, focal));
}

/**
 * The original, ratio and focal point a crop key was derived from, or null
 * when `key` names no crop (only originals have crops: not widths, not crops
 * of crops). No `focal`: the automatic crop.
 */
export function parseCropKey(key: string): { sourceKey: string; ratio: CropRatio; focal?: FocalPoint } | null {
  const match = CROP_SUFFIX.exec(key);
  if (!match) return null;
  const sourceKey = `${key.slice(0, match.index)}${match[4]}`;
  if (!ORIGINAL_MEDIA_KEY_PATTERN.test(sourceKey)) return null;
  const ratio = match[1] as CropRatio;
  return match[2] && match[3] ? { sourceKey, ratio, focal: { x: Number(match[2]) / 1000, y: Number(match[3]) / 1000 } } : { sourceKey, ratio };
}

/** An image shipped in public/images (demo covers, the default share image). */
export const BUNDLED_IMAGE_PATTERN = /^\/images\/(?:[a-z0-9-]+\/)*[a-z0-9-]+\.(?:jpg|png|webp)$/;

/** Whether a bundled image's file name is one of its crops. */
export function isBundledCrop(path: string): boolean {
  return CROP_SUFFIX.test(path);
}

/**
 * The 16:9, 4:3 and 1:1 crops of an image, as site paths, widest first. An
 * upload's are centred on `focal` when the caller knows it (the cover's media
 * row), the automatic ones otherwise; bundled images ship one set of crops;
 * an image that has no crops (another shape of URL) is given alone.
 */
export function cropPaths(imagePath: string, focal?: FocalPoint | null): string[] {
  const key = mediaKeyOfUrl(imagePath);
  if (key) return ORIGINAL_MEDIA_KEY_PATTERN.test(key) ? cropKeysOf(key, focal ?? undefined).map(mediaUrl) : [imagePath];
  if (BUNDLED_IMAGE_PATTERN.test(imagePath) && !isBundledCrop(imagePath)) return CROP_RATIOS.map((ratio) => withCropSuffix(imagePath, ratio));
  return [imagePath];
}
