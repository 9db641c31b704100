// Storage keys of uploaded images and the URLs they are served at
// (app/media/[...key]/route.ts). Pure, so feeds, JSON-LD and queries can map
// a cover image URL back to its stored object without touching storage.

/** The path prefix uploads are served under. */
export const MEDIA_URL_PREFIX = '/media/';

/**
 * `2026/11/<32 hex>[-w800|-c16x9|-c16x9-f500-370].webp`: nothing a path could
 * escape from. No suffix is an uploaded original; `-w…` a responsive width
 * made at upload; `-c…` a crop (lib/media/crops.ts), `-f…` naming the focal
 * point it is centred on, in thousandths of the width and height.
 */
export const MEDIA_KEY_PATTERN = /^\d{4}\/\d{2}\/[a-f0-9]{32}(?:-w\d{2,4}|-c(?:16x9|4x3|1x1)(?:-f\d{3}-\d{3})?)?\.(?:jpg|png|webp|gif)$/;

/** An original upload: the only kind of key a media row names. */
export const ORIGINAL_MEDIA_KEY_PATTERN = /^\d{4}\/\d{2}\/[a-f0-9]{32}\.(?:jpg|png|webp|gif)$/;

export const mediaUrl = (key: string) => `${MEDIA_URL_PREFIX}${key}`;

/**
 * `2026/11/<32 hex>`: what the original and every file made from it (widths,
 * crops) share. Random and never reused, so finding it in a URL or in HTML
 * means that upload, whichever of its files is linked.
 */
export function mediaStemOf(storageKey: string): string {
  return storageKey.slice(0, storageKey.lastIndexOf('.'));
}

/** The storage key behind a `/media/…` URL, or null for any other URL (bundled, external, malformed). */
export function mediaKeyOfUrl(url: string): string | null {
  if (!url.startsWith(MEDIA_URL_PREFIX)) return null;
  const key = url.slice(MEDIA_URL_PREFIX.length);
  return MEDIA_KEY_PATTERN.test(key) ? key : null;
}
