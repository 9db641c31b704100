/**
 * Whole numbers as Vietnamese staff write them: "1.784.275" (vi-VN groups thousands with a dot;
 * a comma is the decimal mark). Pure, shared by the forms and the server's validation.
 */

/** 1784275 → "1.784.275". */
export function formatViInteger(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

// Spaces a number may be grouped with when copied from a document or another locale.
const SPACES = /[\s\u00a0\u202f]/g;

/**
 * "1.784.275", "1 784 275", "1784275" (and "1,784,275" as pasted from an English sheet) → 1784275;
 * null for anything else: a decimal ("1,5"), mixed or misplaced separators ("1.78.4275"), letters.
 * A dot or a comma is a thousands separator only between groups of exactly three digits, so
 * "1.5" is refused rather than read as 15 or 1.5.
 */
export function parseViInteger(text: string): number | null {
  const compact = text.trim().replace(SPACES, ' ');
  if (compact === '') return null;
  const negative = compact.startsWith('-');
  const digits = negative ? compact.slice(1).trim() : compact;
  const separator = /^\d{1,3}(?:([. ,])\d{3})(?:\1\d{3})*$/.exec(digits)?.[1];
  const plain = separator ? digits.split(separator).join('') : /^\d+$/.test(digits) ? digits : null;
  if (plain === null) return null;
  const value = Number(plain);
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}
