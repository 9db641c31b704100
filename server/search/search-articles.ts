import 'server-only';
import { getReadDb } from '@/db';
import { searchPublishedArticles, type SearchPage } from '@/db/queries/search';
import { ResultCache } from '@/lib/cache/result-cache';
import { foldVietnamese } from '@/lib/search-query';
import { clearRenderedPages } from '@/lib/rendered-pages-hook.mjs';

/**
 * Search results are kept for a few seconds, so a popular query costs one
 * database query however many readers send it at once. Publishing, editing
 * or unpublishing an article clears them in this process
 * (clearSearchResults); other instances see the change within the TTL.
 * A scheduled article may likewise appear up to one TTL late.
 */
export const SEARCH_CACHE_TTL_MS = 10_000;
/** ~12 KB a page of results: at most ~8 MB in all. */
export const SEARCH_CACHE_MAX_ENTRIES = 1_000;
export const SEARCH_CACHE_MAX_BYTES = 8 * 1024 * 1024;

// One cache per process, even if the module is loaded by several bundles
// (pages, route handlers and server actions), so a clear reaches every reader.
const globalForSearch = globalThis as unknown as { __toaSoanSearchCache?: ResultCache<SearchPage> };

function searchCache(): ResultCache<SearchPage> {
  globalForSearch.__toaSoanSearchCache ??= new ResultCache<SearchPage>({
    ttlMs: SEARCH_CACHE_TTL_MS,
    maxEntries: SEARCH_CACHE_MAX_ENTRIES,
    maxSize: SEARCH_CACHE_MAX_BYTES,
    // UTF-16 length of the JSON form: close enough to what the page holds.
    sizeOf: (page) => JSON.stringify(page).length * 2,
  });
  return globalForSearch.__toaSoanSearchCache;
}

/**
 * One page of results for a query already normalised by
 * searchParamsSchema, for the search page and /api/search alike. The result
 * is shared between callers: read it, do not change it.
 */
export function searchArticles(query: string, page: number): Promise<SearchPage> {
  if (!query) return searchPublishedArticles(query, page);
  // The database folds case and diacritics before matching, so "Lào Cai"
  // and "lao cai" are one query and share one entry.
  // On a replica when there are some (getReadDb): the results are kept only
  // SEARCH_CACHE_TTL_MS, so a replica's lag adds to that delay and is gone with it.
  return searchCache().get(`${page} ${foldVietnamese(query)}`, async () => searchPublishedArticles(query, page, undefined, await getReadDb()));
}

/** After an editorial change to public content: the next search reads the database. */
export function clearSearchResults(): void {
  searchCache().clear();
  // And the rendered pages the production server keeps (scripts/rendered-page-cache.mjs).
  clearRenderedPages();
}
