import { SLUG_SOURCE } from './slug-pattern.mjs';

/** Vietnamese title → ASCII slug: `Đường về Tả Phời` → `duong-ve-ta-phoi`. */
export function slugify(input: string, maxLength = 100): string {
  const ascii = input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, maxLength).replace(/-+$/g, '');
}

/** The first of `base`, `base-2`, `base-3`, … that is not taken. */
export function nextFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const root = base || 'bai-viet';
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** A whole string that is a slug; the shape is shared with the routes and next.config.mjs. */
export const SLUG_PATTERN = new RegExp(`^${SLUG_SOURCE}$`);
