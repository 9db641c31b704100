import { SLUG_PATTERN } from './slug';
import { MAX_SLUG_LENGTH, PAGE_NUMBER_SOURCE } from './slug-pattern.mjs';

const PAGE_NUMBER = new RegExp(`^${PAGE_NUMBER_SOURCE}$`);

/** Page numbers from the path: "2" → 2; anything else → null (the page answers 404). */
export function parsePageParam(value: string | undefined): number | null {
  if (value === undefined) return 1;
  if (!PAGE_NUMBER.test(value)) return null;
  return Number(value);
}

/** Slugs from the path; a malformed one cannot exist, so it is a 404 without a query. */
export function parseSlugParam(value: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  return decoded.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(decoded) ? decoded : null;
}
