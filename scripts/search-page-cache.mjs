// The search page's answers, kept for a few seconds.
//
// Search results are cached for 10 s in the app (server/search/search-articles.ts), so a
// popular query costs one database query, but the page itself is rendered for every request
// (it depends on the query string, so Next's route cache does not hold it): ~11 ms of one core
// each, about 90 searches a second in all. Like the results, the rendered page is the same for
// every reader, so the production server keeps it for the same time, in memory and bounded,
// and answers a repeated search without asking Next. Publishing, editing or unpublishing an
// article clears it together with the results (clearSearchResults calls clearSearchPages
// from lib/search-pages-hook.mjs); other instances see the change within the TTL, as for the results.
//
// Never kept: an answer with Set-Cookie (it belongs to one client), anything but a complete
// 200 HTML answer, a request carrying a conditional or a Range header.
import { CLEAR_SEARCH_PAGES } from '../lib/search-pages-hook.mjs';
import { BoundedMap, holdResponseBody, isPlainHtml, isRouterRequest } from './held-response.mjs';

export const SEARCH_PAGE_TTL_MS = 10_000;
export const SEARCH_PAGE_MAX_ENTRIES = 500;
const SEARCH_PATH = '/tim-kiem';

/** Headers that describe the body or the connection, not the page: set afresh on every answer. */
const PER_ANSWER = new Set(['content-length', 'connection', 'keep-alive', 'transfer-encoding', 'date', 'set-cookie']);

export function createSearchPageCache({ ttlMs = SEARCH_PAGE_TTL_MS, maxEntries = SEARCH_PAGE_MAX_ENTRIES, now = () => Date.now() } = {}) {
  /** url → { at, headers, body }. */
  const entries = new BoundedMap(maxEntries);
  /** Bumped by clear(): an answer rendered before a clear is not kept after it. */
  let generation = 0;

  const clear = () => {
    generation++;
    entries.clear();
  };
  globalThis[CLEAR_SEARCH_PAGES] = clear;

  function fresh(url) {
    const entry = entries.get(url);
    if (!entry) return null;
    if (now() - entry.at >= ttlMs) {
      entries.delete(url);
      return null;
    }
    return entry;
  }

  /** Answers `req` from the cache (true), or wraps `res` to keep the answer Next gives (false). */
  function serve(req, res) {
    if (req.method !== 'GET' || isRouterRequest(req)) return false;
    const url = req.url ?? '/';
    if (url.split('?')[0] !== SEARCH_PATH) return false;
    if (req.headers['if-none-match'] || req.headers['if-modified-since'] || req.headers.range) return false;

    const entry = fresh(url);
    if (entry) {
      res.statusCode = 200;
      for (const [name, value] of entry.headers) res.setHeader(name, value);
      res.setHeader('content-length', String(entry.body.byteLength));
      res.setHeader('x-search-page-cache', 'HIT');
      res.end(entry.body);
      return true;
    }

    const startedIn = generation;
    holdResponseBody(res, {
      hold: (statusCode) => statusCode === 200 && isPlainHtml(res) && res.getHeader('set-cookie') === undefined,
      finish: (body) => {
        if (startedIn === generation && res.getHeader('set-cookie') === undefined) {
          const headers = Object.entries(res.getHeaders()).filter(([name]) => !PER_ANSWER.has(name));
          entries.set(url, { at: now(), headers, body });
        }
        return body;
      },
    });
    return false;
  }

  return { serve, clear, size: () => entries.size };
}
