// Where the production server (scripts/rendered-page-cache.mjs) leaves the function that drops
// the rendered pages it keeps, so the app can call it whenever public content changes: the
// route cache's tag invalidation (server/cache/isr-handler.mjs, every revalidateTag and
// revalidatePath) and the search results' clear (server/search/search-articles.ts).
// A registered symbol: the same in every bundle of the process.
export const CLEAR_RENDERED_PAGES = Symbol.for('toa-soan.clear-rendered-pages');

/** Drops every page the server keeps in this process; a no-op where no server keeps any. */
export function clearRenderedPages() {
  const clear = globalThis[CLEAR_RENDERED_PAGES];
  if (typeof clear === 'function') clear();
}
