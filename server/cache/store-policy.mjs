// What the route and data cache keep, whatever the storage behind it (files
// today, a shared store for several instances later). Plain ESM without
// imports: Next loads the cache handler at run time, outside the bundle.
//
// Every URL a visitor can invent must not become a stored entry: a 404 for
// an unknown slug, and the null an `unstable_cache` read returns for it, are
// answered fresh each time instead (the not-found render is cheap and reads
// the same few cached layout entries). A bounded key space (real slugs, real
// page numbers) is what the cache holds.

/** Cached value kinds, as Next spells them (`CachedRouteKind`). */
export const ValueKind = Object.freeze({
  APP_PAGE: 'APP_PAGE',
  APP_ROUTE: 'APP_ROUTE',
  PAGES: 'PAGES',
  FETCH: 'FETCH',
});

const responseKinds = new Set([ValueKind.APP_PAGE, ValueKind.APP_ROUTE, ValueKind.PAGES]);

/**
 * Whether a value Next hands to the cache handler's `set` may be stored.
 * Refused: nothing (`null`), a page or route response with an error status
 * (404 from `notFound()`), and a data-cache entry whose result is `null`
 * (`unstable_cache` stores `JSON.stringify(result)`; a `fetch()` body is
 * base64 and can never be the bare string `null`).
 *
 * @param {unknown} data the value passed to `set(key, data, ctx)`
 * @returns {boolean}
 */
export function isStorable(data) {
  if (data === null || typeof data !== 'object') return false;
  const value = /** @type {{ kind?: unknown, status?: unknown, data?: { body?: unknown } }} */ (data);
  if (typeof value.kind === 'string' && responseKinds.has(value.kind)) {
    return !(typeof value.status === 'number' && value.status >= 400);
  }
  if (value.kind === ValueKind.FETCH) return value.data?.body !== 'null';
  return true;
}
