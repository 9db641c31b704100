export const MAX_SEARCH_QUERY_LENGTH = 200;

/**
 * Cleans what a reader typed into something safe to hand to Postgres:
 * well-formed Unicode (no lone surrogates, which cannot be encoded), no
 * control or invisible format characters (NUL is rejected by Postgres),
 * NFC, single spaces, bounded length. The result may be empty.
 */
export function normalizeSearchQuery(raw: string): string {
  return raw
    .toWellFormed()
    .replace(/\uFFFD/g, ' ')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SEARCH_QUERY_LENGTH)
    .trim();
}

/** Lowercase without diacritics, the form the search index stores (`Lào Cai` → `lao cai`). */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
