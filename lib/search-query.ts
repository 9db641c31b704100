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

/**
 * What ranking needs to know about a query beyond Postgres's own reading of
 * it (websearch_to_tsquery: words are ANDed, "quotes" make a phrase, `or`
 * and a leading `-` are operators).
 */
export type SearchQueryShape = {
  /**
   * Every word of the query in order, without quotes, for the "the headline
   * says exactly this" rank; null for one word (nothing to keep together)
   * and for queries with `or` or an excluded word, where "every word in
   * order" is not what the reader asked for.
   */
  phrase: string | null;
  /**
   * The query excludes a word (`lao cai -sapa`): a headline can match it
   * while the article's text does not, so headline matches must also be
   * checked against the whole text.
   */
  excludes: boolean;
  /** The query has a "quoted phrase", whose word order is checked on candidates. */
  quoted: boolean;
};

/** `query` as returned by normalizeSearchQuery. */
export function searchQueryShape(query: string): SearchQueryShape {
  // Postgres reads the operators after folding ("ỎR" is `or` to it).
  const folded = foldVietnamese(query);
  // Outside quotes is where websearch_to_tsquery reads operators; inside,
  // `or` and `-` are plain text.
  const outside = folded.split('"').filter((_, i) => i % 2 === 0).join(' ');
  const hasOr = /(^|\s)or(\s|$)/i.test(outside);
  // Postgres reads `-x`, `- x`, `(-x)` and `-"x y"` as excluding; a hyphen inside a word is not.
  const excludes = /(^|[^\p{L}\p{N}])-/u.test(outside);
  const words = folded
    .replace(/"/g, ' ')
    .split(' ')
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  const phrase = words.length >= 2 && !hasOr && !excludes ? words.join(' ') : null;
  return { phrase, excludes, quoted: /"[^"]*[\p{L}\p{N}][^"]*"/u.test(folded) };
}
