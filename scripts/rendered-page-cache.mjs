// Readers' pages, kept for a moment by the production server once rendered.
//
// Next serves a page from its route cache, but every request still goes through its router,
// the page's cache read and the wrappers that rewrite the HTML (scripts/static-public-pages.mjs):
// about 1.5 ms of one core for a cached article, so a cached page ran at 60% of a static one and
// the p99 at 50 connections was 150–220 ms. A page Next lets a shared cache keep (`s-maxage`) is
// the same bytes for every reader until its tags are revalidated, so this server keeps the
// finished answer (after every wrapper) in memory and answers it without asking Next:
//
// - Cached pages (`Cache-Control: s-maxage=N`, not private): for PAGE_TTL_MS (1 s) at most,
//   keyed by path alone (Next serves such a page whatever the query string: `?fbclid=…` from a
//   share does not make a new entry). Every revalidateTag and revalidatePath in this process
//   (publish, edit, unpublish, settings, taxonomy — server/cache/isr-handler.mjs) drops them all
//   at once through lib/rendered-pages-hook.mjs; another instance sees the change within the TTL.
// - The search page, which Next renders for every request (it depends on the query string):
//   for SEARCH_PAGE_TTL_MS (10 s), the lifetime of the search results it shows
//   (server/search/search-articles.ts, which clears both), keyed by the whole URL.
//
// When an entry's time is up, one request goes to Next for a fresh copy while the others get
// the old one for at most STALE_LIMIT_MS more (`X-Page-Cache: STALE`), so fifty readers arriving
// at that moment do not all wait on a render. After a clear nothing old is served, and an answer
// rendered while a clear happened is not kept (it may show what the clear was for).
//
// Never kept: an answer with Set-Cookie (it belongs to one client), anything but a complete 200
// HTML answer, the router's own requests, staff and API paths, a Range request, and requests in
// draft mode. A conditional request is answered 304 when it names the kept page's ETag.
// A compressed copy is made once per entry for clients that accept gzip.
import zlib from 'node:zlib';
import { CLEAR_RENDERED_PAGES } from '../lib/rendered-pages-hook.mjs';
import { BoundedMap, holdResponseBody, isPlainHtml, isRouterRequest } from './held-response.mjs';
import { isReaderPath } from './static-public-pages.mjs';

export const PAGE_TTL_MS = 1_000;
export const SEARCH_PAGE_TTL_MS = 10_000;
export const STALE_LIMIT_MS = 5_000;
export const RENDERED_PAGE_MAX_ENTRIES = 500;
const SEARCH_PATH = '/tim-kiem';
/** Next's draft-mode and preview cookies: such a request bypasses every cache. */
const DRAFT_COOKIE = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/;

/** Headers that describe the body or the connection, not the page: set afresh on every answer. */
const PER_ANSWER = new Set(['content-length', 'connection', 'keep-alive', 'transfer-encoding', 'date', 'set-cookie', 'content-encoding']);

/** How long a shared cache may keep an answer with this Cache-Control (ms), or null. */
export function sharedLifetimeMs(cacheControl) {
  const value = String(cacheControl ?? '').toLowerCase();
  if (/\b(?:private|no-store|no-cache)\b/.test(value)) return null;
  const match = /\bs-maxage=(\d+)/.exec(value);
  return match ? Number(match[1]) * 1000 : null;
}

/** Whether the client takes a gzip body (`Accept-Encoding`, with its q-values). */
export function acceptsGzip(acceptEncoding) {
  for (const part of String(acceptEncoding ?? '').toLowerCase().split(',')) {
    const [coding, ...params] = part.trim().split(';');
    if (coding !== 'gzip' && coding !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

/** Whether `etag` is one of those an If-None-Match header lists. */
function namesEtag(ifNoneMatch, etag) {
  if (typeof etag !== 'string') return false;
  const bare = (tag) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

export function createRenderedPageCache({
  pageTtlMs = PAGE_TTL_MS,
  searchTtlMs = SEARCH_PAGE_TTL_MS,
  staleLimitMs = STALE_LIMIT_MS,
  maxEntries = RENDERED_PAGE_MAX_ENTRIES,
  now = () => Date.now(),
} = {}) {
  /** key → { at, ttl, headers, etag, body, gzip?, refreshing }. */
  const entries = new BoundedMap(maxEntries);
  /** Bumped by clear(): an answer rendered before a clear is not kept after it. */
  let generation = 0;

  const clear = () => {
    generation++;
    entries.clear();
  };
  globalThis[CLEAR_RENDERED_PAGES] = clear;

  /** Which entry a request may be answered from, or null when it must go to Next untouched. */
  function keyOf(req) {
    if (req.method !== 'GET' || isRouterRequest(req) || req.headers.range) return null;
    if (DRAFT_COOKIE.test(String(req.headers.cookie ?? ''))) return null;
    const url = req.url ?? '/';
    const pathname = url.split('?')[0];
    if (!isReaderPath(pathname)) return null;
    return pathname === SEARCH_PATH ? { key: url, search: true } : { key: pathname, search: false };
  }

  function send(req, res, entry, state) {
    const ifNoneMatch = req.headers['if-none-match'];
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader('x-page-cache', state);
    if (typeof ifNoneMatch === 'string' && namesEtag(ifNoneMatch, entry.etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = 200;
    let body = entry.body;
    if (acceptsGzip(req.headers['accept-encoding'])) {
      entry.gzip ??= zlib.gzipSync(entry.body);
      body = entry.gzip;
      // scripts/serve.mjs's compression sees the encoding and leaves the body alone.
      res.setHeader('content-encoding', 'gzip');
    }
    res.setHeader('content-length', String(body.byteLength));
    res.end(body);
  }

  /** Keeps the answer Next is about to give for `key`, if it may be kept. */
  function keepAnswer(res, { key, search }, previous) {
    const startedIn = generation;
    let kept = false;
    const lifetime = () => (search ? searchTtlMs : Math.min(pageTtlMs, sharedLifetimeMs(res.getHeader('cache-control')) ?? 0));
    holdResponseBody(res, {
      hold: (statusCode) => statusCode === 200 && isPlainHtml(res) && res.getHeader('set-cookie') === undefined && lifetime() > 0,
      finish: (body) => {
        if (startedIn === generation && res.getHeader('set-cookie') === undefined) {
          const headers = Object.entries(res.getHeaders()).filter(([name]) => !PER_ANSWER.has(name));
          entries.set(key, { at: now(), ttl: lifetime(), headers, etag: res.getHeader('etag'), body, refreshing: false });
          kept = true;
        }
        return body;
      },
    });
    // A refresh that ends otherwise (an error page, a dropped connection): the old copy is not
    // served again, the next request asks Next.
    if (previous) {
      res.once('close', () => {
        if (!kept && entries.get(key) === previous) entries.delete(key);
      });
    }
  }

  /** Answers `req` from the cache (true), or wraps `res` to keep the answer Next gives (false). */
  function serve(req, res) {
    const target = keyOf(req);
    if (!target) return false;
    const entry = entries.get(target.key);
    if (entry) {
      const age = now() - entry.at;
      if (age < entry.ttl) {
        send(req, res, entry, 'HIT');
        return true;
      }
      if (entry.refreshing && age < entry.ttl + staleLimitMs) {
        send(req, res, entry, 'STALE');
        return true;
      }
      entries.delete(target.key);
    }
    // A browser revalidating its own copy: Next answers that itself.
    if (req.headers['if-none-match'] || req.headers['if-modified-since']) return false;
    if (entry) {
      // This request fetches the fresh copy; until it lands, the others get this one.
      entry.refreshing = true;
      entries.set(target.key, entry);
    }
    keepAnswer(res, target, entry);
    return false;
  }

  return { serve, clear, size: () => entries.size };
}
