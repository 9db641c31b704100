// The shape of a slug and of a page number in public URLs, shared by
// lib/slug.ts, lib/route-params.ts, the visit beacon (lib/visits/beacon-body.ts)
// and the 404 rewrites in next.config.mjs. Plain ESM so next.config.mjs can
// import it; types in slug-pattern.d.mts.
//
// Regex sources rather than RegExp objects: each user anchors them its own way
// (whole string, one path segment, a capture group). Neither has a top-level
// alternation, so they can be embedded as they are.

/** Lowercase ASCII words joined by single dashes: `le-hoi-den-thuong`. Unanchored. */
export const SLUG_SOURCE = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** No slug is longer; a longer path segment names nothing (and would not fit a cache file name). */
export const MAX_SLUG_LENGTH = 200;

/** Page numbers in `…/trang/<n>`: 1 to 999999, no leading zero. Unanchored. */
export const PAGE_NUMBER_SOURCE = '[1-9][0-9]{0,5}';
