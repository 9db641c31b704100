import { mediaKeyOfUrl, mediaUrl, ORIGINAL_MEDIA_KEY_PATTERN } from './keys';

// The three crops search engines ask for in an article's structured data.
// A crop's name is derived from its source's, so a page can link it before it
// exists: an upload's crops are made on first request and stored
// (server/media/crops.ts); the bundled images' crops ship beside them in
// public/images (scripts/make-bundled-crops.ts).

export const CROP_RATIOS = ['16x9', '4x3', '1x1'] as const;
export type CropRatio = (typeof CROP_RATIOS)[number];

/** Wide enough for large previews (1200 px is what search and social previews ask for), small enough to stay light. */
export const CROP_MAX_WIDTH = 1200;

const ratioParts: Record<CropRatio, readonly [number, number]> = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] };

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

const CROP_SUFFIX = /-c(16x9|4x3|1x1)(\.[a-z]+)$/;

function withCropSuffix(name: string, ratio: CropRatio): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}-c${ratio}${name.slice(dot)}`;
}

/** The original and ratio a crop key was derived from, or null when `key` names no crop (only originals have crops: not widths, not crops of crops). */
export function parseCropKey(key: string): { sourceKey: string; ratio: CropRatio } | null {
  const match = CROP_SUFFIX.exec(key);
  if (!match) return null;
  const sourceKey = `${key.slice(0, match.index)}${match[2]}`;
  return ORIGINAL_MEDIA_KEY_PATTERN.test(sourceKey) ? { sourceKey, ratio: match[1] as CropRatio } : null;
}

/** An image shipped in public/images (demo covers, the default share image). */
export const BUNDLED_IMAGE_PATTERN = /^\/images\/(?:[a-z0-9-]+\/)*[a-z0-9-]+\.(?:jpg|png|webp)$/;

/** Whether a bundled image's file name is one of its crops. */
export function isBundledCrop(path: string): boolean {
  return CROP_SUFFIX.test(path);
}

/**
 * The 16:9, 4:3 and 1:1 crops of an image, as site paths, widest first; an
 * image that has no crops (another shape of URL) is given alone.
 */
export function cropPaths(imagePath: string): string[] {
  const key = mediaKeyOfUrl(imagePath);
  if (key) return ORIGINAL_MEDIA_KEY_PATTERN.test(key) ? CROP_RATIOS.map((ratio) => mediaUrl(withCropSuffix(key, ratio))) : [imagePath];
  if (BUNDLED_IMAGE_PATTERN.test(imagePath) && !isBundledCrop(imagePath)) return CROP_RATIOS.map((ratio) => withCropSuffix(imagePath, ratio));
  return [imagePath];
}
