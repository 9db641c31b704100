import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearRenderedPages } from '@/lib/rendered-pages-hook.mjs';
import { acceptsGzip, createRenderedPageCache, sharedLifetimeMs } from '../../scripts/rendered-page-cache.mjs';

// scripts/rendered-page-cache.mjs in front of a handler that answers like Next and counts its renders:
// /tim-kiem is dynamic (no-store), /bai-viet/* is a cached page (s-maxage=60), /rieng is private,
// /mat is a 404, /ngan is cached for half a second.
let clock = 0;
let renders = 0;
let setCookie = false;
/** Lets a test clear the cache while a render is under way. */
let duringRender: (() => void) | null = null;
/** Holds renders back until the test lets them go. */
let gate: Promise<void> | null = null;
let status = 200;
const cache = createRenderedPageCache({ pageTtlMs: 1_000, searchTtlMs: 10_000, staleLimitMs: 5_000, maxEntries: 3, now: () => clock });

function cacheControlFor(pathname: string): string {
  if (pathname.startsWith('/bai-viet/')) return 's-maxage=60, stale-while-revalidate=31535940';
  if (pathname === '/ngan') return 's-maxage=0';
  return 'private, no-cache, no-store, max-age=0, must-revalidate';
}

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    if (cache.serve(req, res)) return;
    renders++;
    const render = renders;
    duringRender?.();
    if (gate) await gate;
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    res.statusCode = pathname === '/mat' ? 404 : status;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', "default-src 'self'");
    res.setHeader('cache-control', cacheControlFor(pathname));
    res.setHeader('etag', `"v${render}"`);
    if (setCookie) res.setHeader('set-cookie', 'session=secret');
    res.flushHeaders();
    res.write('<!DOCTYPE html><html lang="vi"><body>');
    res.end(`<p>lần render ${render} cho ${req.url}</p>${'<p>nội dung</p>'.repeat(200)}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  cache.clear();
  clock = 0;
  renders = 0;
  setCookie = false;
  duringRender = null;
  gate = null;
  status = 200;
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

/** A raw request, so the test sees the body exactly as sent (fetch would undo gzip). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('the cached pages the server keeps', () => {
  it('answers a cached page again without Next, with the same page and headers', async () => {
    const first = await get('/bai-viet/a');
    const body = await first.text();
    const again = await get('/bai-viet/a');
    expect(await again.text()).toBe(body);
    expect(again.headers.get('x-page-cache')).toBe('HIT');
    expect(again.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(again.headers.get('cache-control')).toBe('s-maxage=60, stale-while-revalidate=31535940');
    expect(renders).toBe(1);
  });

  it('keys a cached page by its path: a query string from a share does not make a new entry', async () => {
    await get('/bai-viet/a');
    await get('/bai-viet/a?fbclid=abc');
    await get('/bai-viet/a?utm_source=zalo');
    expect(renders).toBe(1);
    expect(cache.size()).toBe(1);
  });

  it('keeps a cached page for the page TTL, never longer than Next allows', async () => {
    await get('/bai-viet/a');
    clock = 999;
    await get('/bai-viet/a');
    expect(renders).toBe(1);
    // s-maxage=0: nothing to keep.
    await get('/ngan');
    await get('/ngan');
    expect(renders).toBe(3);
  });

  it('does not keep what Next marks private, a 404, an error, or an answer with a cookie', async () => {
    await get('/rieng');
    await get('/rieng');
    await get('/mat');
    await get('/mat');
    expect(renders).toBe(4);
    status = 500;
    await get('/bai-viet/loi');
    status = 200;
    await get('/bai-viet/loi');
    expect(renders).toBe(6);
    setCookie = true;
    await get('/bai-viet/b');
    setCookie = false;
    const next = await get('/bai-viet/b');
    expect(next.headers.get('set-cookie')).toBeNull();
    expect(renders).toBe(8);
  });

  /** Keeps /bai-viet/a, lets its TTL pass and starts a refresh that waits until `release()`. */
  async function refreshHeldBack() {
    await get('/bai-viet/a');
    clock = 1_500;
    let release!: () => void;
    gate = new Promise<void>((resolve) => (release = resolve));
    const refreshing = get('/bai-viet/a');
    await new Promise((resolve) => setTimeout(resolve, 30));
    return {
      refreshing,
      release: () => {
        release();
        gate = null;
      },
    };
  }

  it('once the TTL is up, one request renders while the others get the old page, and then the new one is kept', async () => {
    const { refreshing, release } = await refreshHeldBack();
    const during = await Promise.all([get('/bai-viet/a'), get('/bai-viet/a'), get('/bai-viet/a')]);
    expect(during.map((r) => r.headers.get('x-page-cache'))).toEqual(['STALE', 'STALE', 'STALE']);
    expect(await during[0].text()).toContain('lần render 1 ');
    expect(renders).toBe(2);
    release();
    expect(await (await refreshing).text()).toContain('lần render 2 ');
    const after = await get('/bai-viet/a');
    expect(after.headers.get('x-page-cache')).toBe('HIT');
    expect(await after.text()).toContain('lần render 2 ');
    expect(renders).toBe(2);
  });

  it('serves the old page for at most the stale limit while a refresh hangs', async () => {
    const { refreshing, release } = await refreshHeldBack();
    clock = 1_000 + 5_000;
    const late = get('/bai-viet/a');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(renders).toBe(3);
    release();
    await Promise.all([refreshing, late]);
  });

  it('drops the old page when its refresh is not a page that may be kept', async () => {
    await get('/bai-viet/a');
    clock = 1_500;
    status = 500;
    expect((await get('/bai-viet/a')).status).toBe(500);
    status = 200;
    const next = await get('/bai-viet/a');
    expect(next.headers.get('x-page-cache')).toBeNull();
    expect(renders).toBe(3);
  });

  it('is emptied by any tag revalidation in the process, stale copies included', async () => {
    await get('/bai-viet/a');
    await get('/tim-kiem?q=lao+cai');
    clearRenderedPages();
    expect(cache.size()).toBe(0);
    await get('/bai-viet/a');
    await get('/tim-kiem?q=lao+cai');
    expect(renders).toBe(4);
  });

  it('answers 304 to a browser that names the kept ETag, the page to one that does not', async () => {
    const first = await get('/bai-viet/a');
    const etag = first.headers.get('etag')!;
    const revalidated = await get('/bai-viet/a', { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    const other = await get('/bai-viet/a', { 'if-none-match': '"khac"' });
    expect(other.status).toBe(200);
    expect(await other.text()).toBe(await first.text());
    expect(renders).toBe(1);
  });

  it('sends a gzip copy, made once, to a client that accepts it, and the plain page to one that does not', async () => {
    const plain = await rawGet('/bai-viet/a', {});
    const zipped = await rawGet('/bai-viet/a', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.byteLength);
    expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength / 4);
    expect(zlib.gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    const refused = await rawGet('/bai-viet/a', { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.equals(plain.body)).toBe(true);
  });

  it('leaves staff and API paths, router requests, Range requests and draft mode to Next', async () => {
    for (const path of ['/admin/bai-viet', '/dang-nhap', '/api/search?q=a', '/bai-viet/a?_rsc=1']) {
      await get(path);
      await get(path);
    }
    expect(renders).toBe(8);
    await get('/bai-viet/a', { range: 'bytes=0-10' });
    await get('/bai-viet/a', { range: 'bytes=0-10' });
    await get('/bai-viet/a', { cookie: '__prerender_bypass=1' });
    await get('/bai-viet/a', { cookie: '__prerender_bypass=1' });
    expect(renders).toBe(12);
    await get('/bai-viet/a', { rsc: '1' });
    expect(renders).toBe(13);
  });
});

describe('the search pages the server keeps', () => {
  it('answers a repeated search without rendering it again', async () => {
    const first = await get('/tim-kiem?q=lao+cai');
    const body = await first.text();
    const again = await get('/tim-kiem?q=lao+cai');
    expect(await again.text()).toBe(body);
    expect(again.headers.get('x-page-cache')).toBe('HIT');
    expect(renders).toBe(1);
  });

  it('renders again once the TTL has passed, and for another query or page', async () => {
    await get('/tim-kiem?q=lao+cai');
    clock = 9_999;
    await get('/tim-kiem?q=lao+cai');
    expect(renders).toBe(1);
    clock = 10_000;
    await get('/tim-kiem?q=lao+cai');
    expect(renders).toBe(2);
    await get('/tim-kiem?q=lao+cai&page=2');
    expect(renders).toBe(3);
  });

  it('keeps at most maxEntries pages, dropping the least recently used', async () => {
    for (const q of ['a', 'b', 'c', 'd']) await get(`/tim-kiem?q=${q}`);
    expect(cache.size()).toBe(3);
    await get('/tim-kiem?q=a');
    expect(renders).toBe(5);
  });

  it('does not keep a page rendered across a clear: it may show what the clear was for', async () => {
    duringRender = () => clearRenderedPages();
    await get('/tim-kiem?q=lao+cai');
    duringRender = null;
    await get('/tim-kiem?q=lao+cai');
    expect(renders).toBe(2);
  });
});

describe('the rules it reads headers by', () => {
  it('takes the shared lifetime from s-maxage, none from a private or uncacheable answer', () => {
    expect(sharedLifetimeMs('s-maxage=60, stale-while-revalidate=31535940')).toBe(60_000);
    expect(sharedLifetimeMs('public, max-age=0, s-maxage=5')).toBe(5_000);
    expect(sharedLifetimeMs('private, no-cache, no-store, max-age=0, must-revalidate')).toBeNull();
    expect(sharedLifetimeMs('max-age=60')).toBeNull();
    expect(sharedLifetimeMs(undefined)).toBeNull();
  });

  it('reads Accept-Encoding with its q-values', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
