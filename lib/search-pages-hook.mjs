// Where the production server (scripts/search-page-cache.mjs) leaves the function that drops
// the search pages it keeps, so the app can call it when it clears the search results
// (server/search/search-articles.ts). A registered symbol: the same in every bundle of the process.
export const CLEAR_SEARCH_PAGES = Symbol.for('toa-soan.clear-search-pages');

/** Drops every search page the server keeps in this process; a no-op where no server keeps any. */
export function clearSearchPages() {
  const clear = globalThis[CLEAR_SEARCH_PAGES];
  if (typeof clear === 'function') clear();
}
