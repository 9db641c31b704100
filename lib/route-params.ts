import { SLUG_PATTERN } from './slug';

/** Page numbers from the path: "2" → 2; anything else → null (the page answers 404). */
export function parsePageParam(value: string | undefined): number | null {
  if (value === undefined) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(value)) return null;
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
  return decoded.length <= 200 && SLUG_PATTERN.test(decoded) ? decoded : null;
}
