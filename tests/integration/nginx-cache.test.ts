/**
 * deploy/nginx/toa-soan.conf as the cache and load balancer in front of several
 * app instances: Debian's nginx on loopback, the shipped file rewritten only for
 * the listen address, the instances' ports and the cache folders, in front of
 * two tiny Node servers standing for two `npm start` instances. They count what
 * they receive and answer with the app's headers: `s-maxage=60,
 * stale-while-revalidate=…` and Next's Vary on reader pages, `private, no-store`
 * on staff pages, Set-Cookie on sign-in, an RSC payload for the router's requests.
 *
 * nginx runs with its master process here (nginx-proxy.test.ts needs none): the
 * cache manager, which drops entries after `inactive` and so bounds the age of a
 * stale copy, runs only under it.
 *
 * Nothing here touches a database: it runs in the int-pglite project only.
 * Skipped, with a message, where nginx is not installed; .ci/run installs it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareNginx, SERVER_NAME, skipWithoutNginx, type TestNginx } from '../support/nginx';

/** What the shipped file promises: proxy_cache_valid for pages, plus nginx's whole-second clock… */
const FRESH_MS = 5_000;
const CLOCK_SLACK_MS = 1_000;
/** …and the oldest copy anyone gets: the cache manager sleeps up to 10 s before it drops a copy nobody reads. */
const OLDEST_COPY_MS = 10_000;

const ISR_CACHE_CONTROL = 's-maxage=60, stale-while-revalidate=31535940';
const DYNAMIC_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';
const NEXT_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding';

interface Seen {
  /** Arrival order across both instances. */
  order: number;
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  status: number;
}

interface Backend {
  name: 'a' | 'b';
  server: http.Server;
  port: number;
  seen: Seen[];
  /** Paths where this instance dies after reading the request, before answering (a crash mid-request). */
  crashes: Set<string>;
  stopped: boolean;
}

/** What both instances serve, as one app with one database: a publish bumps a page's version. */
const site = { versions: new Map<string, number>(), failing: new Set<string>(), removed: new Set<string>() };
let arrivals = 0;
/** Paths the app itself sent gzipped. */
const compressedByApp: string[] = [];

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as the client reads it, gunzipped when nginx compressed it. */
  body: string;
}

// Skipped only on a developer machine without nginx; under CI (which installs it) a missing binary fails the suite.
describe.skipIf(skipWithoutNginx('nginx-cache.test'))('deploy/nginx/toa-soan.conf caching and balancing two app instances', () => {
  const backends: Backend[] = [];
  let a: Backend;
  let b: Backend;
  let nginx: TestNginx;

  beforeAll(async () => {
    a = await startBackend('a');
    backends.push(a);
    b = await startBackend('b');
    backends.push(b);
    nginx = await prepareNginx({ prefixName: 'toa-soan-nginx-cache-', masterProcess: true, workerConnections: 256 });

    const config = nginx.rewriteShippedConfig((shipped) =>
      shipped
        .replace(/^(\s*)server 127\.0\.0\.1:3001\b/m, `$1server 127.0.0.1:${a.port}`)
        .replace(/^(\s*)server 127\.0\.0\.1:3002\b/m, `$1server 127.0.0.1:${b.port}`),
    );
    expect(config, 'the test found the upstream lines it rewrites').toMatch(new RegExp(`server 127\\.0\\.0\\.1:${a.port} max_fails`));
    expect(config).toMatch(new RegExp(`server 127\\.0\\.0\\.1:${b.port} max_fails`));
    expect(config, 'both caches live in the temp prefix').not.toMatch(/\/var\/cache\//);
    expect(config).toContain(`listen 127.0.0.1:${nginx.port} default_server;`);
    await nginx.start(config);
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(backends.map(stopBackend));
  });

  it('passes nginx -t', async () => {
    const { code, output } = await nginx.checkConfig();
    expect(output).toContain('test is successful');
    expect(code).toBe(0);
  });

  it('keeps a reader page: the second GET (and a HEAD) is a HIT that reaches no instance', async () => {
    const url = '/bai-viet/mot-bai';
    const first = await viaNginx(url);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await viaNginx(url);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toBe(first.body);
    const head = await viaNginx(url, { method: 'HEAD' });
    expect(head.headers['x-cache']).toBe('HIT');
    expect(requestsFor(url)).toHaveLength(1);
  });

  it('never answers /admin, /api, /dang-nhap or /xem-truoc from the cache, nor keeps them, even when the app says public', async () => {
    for (const url of ['/admin', '/admin/bai-viet', '/api/search?q=bong-da', '/api/visits/summary', '/dang-nhap', '/xem-truoc/bai-nhap', '/ADMIN']) {
      for (let round = 0; round < 2; round++) {
        const answer = await viaNginx(url);
        expect(answer.status, url).toBe(200);
        // Those locations have no cache at all: nginx sends no status for them.
        expect(answer.headers['x-cache'], url).toBeUndefined();
      }
      expect(requestsFor(url), url).toHaveLength(2);
    }
  });

  it('bypasses the cache for a signed-in user or a draft preview, and does not keep the page they got', async () => {
    const url = '/chuyen-muc/the-thao';
    expect((await viaNginx(url)).headers['x-cache']).toBe('MISS');
    const staffCookies = [
      'authjs.session-token=abc',
      '__Secure-authjs.session-token=abc',
      'theme=dark; authjs.session-token.0=abc; authjs.session-token.1=def',
      '__Secure-authjs.session-token.0=abc',
      '__prerender_bypass=1',
    ];
    for (const cookie of staffCookies) {
      const answer = await viaNginx(url, { headers: { cookie } });
      expect(answer.headers['x-cache'], cookie).toBe('BYPASS');
      expect(answer.body, cookie).toContain('data-signed-in');
    }
    expect(requestsFor(url)).toHaveLength(1 + staffCookies.length);
    // The anonymous copy is still the one kept: nothing a signed-in user saw was stored.
    const reader = await viaNginx(url);
    expect(reader.headers['x-cache']).toBe('HIT');
    expect(reader.body).not.toContain('data-signed-in');
    // A cookie that changes nothing on public pages (the sign-in page's CSRF cookie) is no reason to bypass.
    expect((await viaNginx(url, { headers: { cookie: 'authjs.csrf-token=xyz; authjs.callback-url=%2F' } })).headers['x-cache']).toBe('HIT');
    expect(requestsFor(url)).toHaveLength(1 + staffCookies.length);
  });

  it('keeps the router’s RSC requests out of the cache: never kept, never served to a plain HTML request', async () => {
    const url = '/the/bong-da';
    const rsc = await viaNginx(url, { headers: { rsc: '1' } });
    expect(rsc.headers['x-cache']).toBe('BYPASS');
    expect(rsc.headers['content-type']).toContain('text/x-component');
    // The RSC answer was not kept (the app sent s-maxage with it, as Next does): the HTML request misses.
    const html = await viaNginx(url);
    expect(html.headers['x-cache']).toBe('MISS');
    expect(html.headers['content-type']).toContain('text/html');
    expect((await viaNginx(url)).headers['x-cache']).toBe('HIT');
    // And the kept HTML never answers the router.
    const routerHeaders: Record<string, string>[] = [{ rsc: '1' }, { rsc: '1', 'next-router-prefetch': '1' }, { 'next-router-state-tree': '%5B%22%22%5D' }];
    for (const headers of routerHeaders) {
      const again = await viaNginx(url, { headers });
      expect(again.headers['x-cache']).toBe('BYPASS');
    }
    expect((await viaNginx(url, { headers: { rsc: '1' } })).body).toContain('"rsc":true');
    for (const query of ['?_rsc=abc12', '?_rsc=abc12', '?page=2&_rsc=x']) {
      expect((await viaNginx(`${url}${query}`)).headers['x-cache']).toBe('BYPASS');
    }
    expect(requestsFor(`${url}?_rsc=abc12`)).toHaveLength(2);
    expect(requestsFor(url)).toHaveLength(2 + 4);
  });

  it('does not keep an answer that sets a cookie, nor one the app marks private or no-store', async () => {
    for (const url of ['/dat-cookie/binh-chon', '/tim-kiem?q=bao']) {
      const first = await viaNginx(url);
      const second = await viaNginx(url);
      expect([first.headers['x-cache'], second.headers['x-cache']], url).toEqual(['MISS', 'MISS']);
      expect(requestsFor(url), url).toHaveLength(2);
    }
    expect((await viaNginx('/dat-cookie/binh-chon')).headers['set-cookie']).toEqual(['ban-doc=1; Path=/; HttpOnly']);
  });

  it('never answers a POST (a server action on a reader page) from the cache', async () => {
    const url = '/bai-viet/co-binh-luan';
    expect((await viaNginx(url)).headers['x-cache']).toBe('MISS');
    const post = await viaNginx(url, { method: 'POST', body: 'noi-dung=xin-chao' });
    expect(post.status).toBe(200);
    expect(post.headers['x-cache']).toBeUndefined();
    expect(requestsFor(url, 'POST')).toHaveLength(1);
    // …and what the POST got did not replace the reader copy.
    expect((await viaNginx(url)).headers['x-cache']).toBe('HIT');
  });

  it('asks the app for gzip only when the client takes it, keeps the compressed copy and serves it as it is', async () => {
    const url = '/bai-viet/nen-gzip';
    const plain = await viaNginx(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzipped = await viaNginx(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body).toBe(plain.body);
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/i);
    // Two copies, each a HIT for its own kind of client, neither asked of the app again.
    expect((await viaNginx(url, { headers: { 'accept-encoding': 'gzip' } })).headers).toMatchObject({ 'x-cache': 'HIT', 'content-encoding': 'gzip' });
    const plainAgain = await viaNginx(url, { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(plainAgain.headers['x-cache']).toBe('HIT');
    expect(plainAgain.headers['content-encoding']).toBeUndefined();
    // The app was asked exactly "gzip" once and nothing once: one compression for all gzip readers.
    expect(requestsFor(url).map((request) => request.headers['accept-encoding'] ?? null)).toEqual([null, 'gzip']);
    expect(compressedByApp).toContain(url);
    // What the app sends uncompressed (here a script), nginx compresses.
    const script = await viaNginx('/_next/static/chunks/nen.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(script.headers['content-encoding']).toBe('gzip');
  });

  it('keeps the optimized images of /_next/image apart by the Accept each browser sends (its Vary is honoured)', async () => {
    const url = '/_next/image?url=%2Fmedia%2Fanh.jpg&w=640&q=75';
    const avif = await viaNginx(url, { headers: { accept: 'image/avif,image/webp,*/*' } });
    const webp = await viaNginx(url, { headers: { accept: 'image/webp,*/*' } });
    expect(avif.body).toBe('AVIF');
    expect(webp.body).toBe('WEBP');
    expect((await viaNginx(url, { headers: { accept: 'image/avif,image/webp,*/*' } })).body).toBe('AVIF');
  });

  it('keeps /_next/static and /media files for everyone, signed-in staff included', async () => {
    for (const url of ['/_next/static/chunks/app-3f2a.js', '/media/2026/12/anh-bia.png']) {
      expect((await viaNginx(url)).headers['x-cache']).toBe('MISS');
      const again = await viaNginx(url, { headers: { cookie: 'authjs.session-token=abc' } });
      expect(again.headers['x-cache']).toBe('HIT');
      expect(again.headers['cache-control']).toContain('immutable');
      expect(requestsFor(url)).toHaveLength(1);
    }
  });

  // The four below wait for the cache to expire; they run side by side, each on its own page.

  it.concurrent('shows a publish on a page read continuously within 5–6 s, the old copy served while it refreshes', async ({ expect }) => {
    const url = '/chuyen-muc/thoi-su';
    expect((await viaNginx(url)).headers['x-cache']).toBe('MISS');
    const publishedAt = Date.now();
    site.versions.set(url, 2);
    const states: string[] = [];
    let shownAfter = Infinity;
    while (Date.now() - publishedAt < FRESH_MS + CLOCK_SLACK_MS + 3_000) {
      const answer = await viaNginx(url);
      expect(answer.status).toBe(200);
      if (versionOf(answer) === 2) {
        shownAfter = Date.now() - publishedAt;
        states.push(`${answer.headers['x-cache']} v2`);
        break;
      }
      states.push(String(answer.headers['x-cache']));
      await sleep(200);
    }
    expect(shownAfter).toBeGreaterThan(FRESH_MS - 500);
    expect(shownAfter).toBeLessThan(FRESH_MS + CLOCK_SLACK_MS + 1_000);
    // Fresh copies until the 5 s are up, then the first reader gets the old copy (STALE) while nginx refreshes it.
    const stale = states.indexOf('STALE');
    expect(stale, states.join(' ')).toBeGreaterThan(0);
    expect(new Set(states.slice(0, stale))).toEqual(new Set(['HIT']));
    expect(states.at(-1)).toBe('HIT v2');
  });

  it.concurrent('shows an unpublish on a page read continuously within 5–6 s: the 404 replaces the old copy, which is not served on', async ({ expect }) => {
    const url = '/bai-viet/sap-bi-go';
    expect((await viaNginx(url)).headers['x-cache']).toBe('MISS');
    const unpublishedAt = Date.now();
    site.removed.add(url);
    const states: string[] = [];
    let goneAfter = Infinity;
    while (Date.now() - unpublishedAt < FRESH_MS + CLOCK_SLACK_MS + 3_000) {
      const answer = await viaNginx(url);
      states.push(`${answer.status} ${answer.headers['x-cache']}`);
      if (answer.status === 404) {
        goneAfter = Date.now() - unpublishedAt;
        break;
      }
      await sleep(200);
    }
    expect(goneAfter, states.join(' ')).toBeLessThan(FRESH_MS + CLOCK_SLACK_MS + 1_000);
    // And it stays gone for the readers after, from the cache: the instances see one 404 request, not one per reader.
    for (let i = 0; i < 5; i++) expect((await viaNginx(url)).status).toBe(404);
    expect(requestsFor(url).filter((request) => request.status === 404).length).toBe(1);
  });

  it.concurrent('shows a publish on a page nobody reads within the stated 10 s: the copy from before is dropped, not served stale', async ({ expect }) => {
    const url = '/bai-viet/it-nguoi-doc';
    expect((await viaNginx(url)).headers['x-cache']).toBe('MISS');
    site.versions.set(url, 2);
    // The copy has long expired; kept past `inactive` (2 s without a reader), it would be served STALE here.
    await sleep(OLDEST_COPY_MS + 1_000);
    const answer = await viaNginx(url);
    expect(answer.headers['x-cache']).toBe('MISS');
    expect(versionOf(answer)).toBe(2);
  });

  it.concurrent('refreshes an unchanged page with a conditional request (304), after which it is a HIT again', async ({ expect }) => {
    const url = '/the/khong-doi';
    expect((await viaNginx(url)).headers['x-cache']).toBe('MISS');
    const states: string[] = [];
    const started = Date.now();
    while (Date.now() - started < FRESH_MS + CLOCK_SLACK_MS + 2_000) {
      const answer = await viaNginx(url);
      expect(answer.status).toBe(200);
      expect(versionOf(answer)).toBe(1);
      states.push(String(answer.headers['x-cache']));
      await sleep(300);
    }
    const refreshed = states.findIndex((state) => state !== 'HIT');
    expect(refreshed, states.join(' ')).toBeGreaterThan(0);
    expect(states.slice(refreshed + 1).every((state) => state === 'HIT'), states.join(' ')).toBe(true);
    // One full answer, then one 304 that made the kept copy fresh again (not one per reader).
    const requests = requestsFor(url);
    expect(requests.map((request) => request.status)).toEqual([200, 304]);
    expect(requests[1]!.headers['if-none-match']).toBe(`"${url}-v1"`);
  });

  it.concurrent('serves the last good copy (STALE, 200) while the app answers 500', async ({ expect }) => {
    const url = '/bai-viet/loi-tam-thoi';
    const good = await viaNginx(url);
    expect(good.headers['x-cache']).toBe('MISS');
    site.failing.add(url);
    try {
      const states: string[] = [];
      const started = Date.now();
      while (Date.now() - started < FRESH_MS + CLOCK_SLACK_MS + 1_500) {
        const answer = await viaNginx(url);
        expect(answer.status).toBe(200);
        expect(answer.body).toBe(good.body);
        states.push(String(answer.headers['x-cache']));
        await sleep(300);
      }
      expect(states, states.join(' ')).toContain('STALE');
      expect(requestsFor(url).filter((request) => request.status === 500).length).toBeGreaterThan(0);
    } finally {
      site.failing.delete(url);
    }
  });

  it('spreads requests over both instances', async () => {
    for (let i = 0; i < 20; i++) expect((await viaNginx(`/api/chia-tai?i=${i}`)).status).toBe(200);
    const served = (backend: Backend) => backend.seen.filter((request) => request.url.startsWith('/api/chia-tai')).length;
    expect(served(a)).toBeGreaterThanOrEqual(5);
    expect(served(b)).toBeGreaterThanOrEqual(5);
    expect(served(a) + served(b)).toBe(20);
  });

  it('does not resend a POST to the other instance when the first one died after receiving it', async () => {
    const url = '/api/admin/bai-viet';
    a.crashes.add(url);
    const statuses: number[] = [];
    try {
      // Round robin alternates: within a few POSTs one lands on the instance that dies.
      while (!statuses.includes(502) && statuses.length < 4) {
        statuses.push((await viaNginx(url, { method: 'POST', body: 'tieu-de=Tin+moi' })).status);
      }
    } finally {
      a.crashes.delete(url);
    }
    expect(statuses).toContain(502);
    const posts = (backend: Backend) => backend.seen.filter((request) => request.method === 'POST' && request.url === url).length;
    // Each POST reached exactly one instance: the one that died was not followed by a second attempt elsewhere.
    expect(posts(a)).toBe(statuses.filter((status) => status === 502).length);
    expect(posts(b)).toBe(statuses.filter((status) => status === 200).length);
  });

  it('keeps answering GETs through the other instance when one is stopped', async () => {
    await stopBackend(a);
    const answers: Answer[] = [];
    for (let i = 0; i < 10; i++) {
      answers.push(await viaNginx(`/api/sau-khi-dung?i=${i}`));
      answers.push(await viaNginx(`/bai-viet/sau-khi-dung-${i}`));
    }
    const failures = answers.filter((answer) => answer.status !== 200);
    expect(failures).toHaveLength(0);
    expect(new Set(answers.map((answer) => answer.headers['x-backend']))).toEqual(new Set(['b']));
    // nginx did try the stopped instance and moved the request on, rather than never picking it.
    expect(nginx.readLog()).toMatch(new RegExp(`connect\\(\\) failed \\(111: Connection refused\\)[^\\n]*upstream: "http://127\\.0\\.0\\.1:${a.port}/`));
  });

  function viaNginx(url: string, options: RequestOptions = {}): Promise<Answer> {
    return request(nginx.port, url, { ...options, headers: { host: SERVER_NAME, ...options.headers } });
  }

  function requestsFor(url: string, method = 'GET'): Seen[] {
    return backends
      .flatMap((backend) => backend.seen)
      .filter((request) => request.url === url && request.method === method)
      .sort((x, y) => x.order - y.order);
  }
});

function versionOf(answer: Answer): number {
  return Number(/data-version="(\d+)"/.exec(answer.body)?.[1]);
}

/** One app instance, reduced to the headers the real one sends for each kind of path. */
async function startBackend(name: Backend['name']): Promise<Backend> {
  const backend: Backend = { name, server: http.createServer(), port: 0, seen: [], crashes: new Set(), stopped: false };
  backend.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const body: Buffer[] = [];
    req.on('data', (chunk: Buffer) => body.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      const pathname = url.split('?')[0]!;
      const seen: Seen = { order: arrivals++, method: req.method ?? 'GET', url, headers: req.headers, status: 0 };
      backend.seen.push(seen);
      if (backend.crashes.has(pathname)) {
        req.socket.destroy();
        return;
      }
      res.setHeader('x-backend', name);
      const send = (status: number, headers: Record<string, string | string[]>, content = '') => {
        seen.status = status;
        // Like scripts/serve.mjs: HTML compressed when asked for gzip.
        if (req.headers['accept-encoding'] === 'gzip' && String(headers['content-type']).startsWith('text/html') && content) {
          compressedByApp.push(pathname);
          res.writeHead(status, { ...headers, 'content-encoding': 'gzip' });
          res.end(zlib.gzipSync(content));
          return;
        }
        res.writeHead(status, headers);
        res.end(content);
      };
      answer(pathname, req, send);
    });
  });
  await new Promise<void>((resolve) => backend.server.listen(0, '127.0.0.1', resolve));
  backend.port = (backend.server.address() as AddressInfo).port;
  return backend;
}

function answer(pathname: string, req: http.IncomingMessage, send: (status: number, headers: Record<string, string | string[]>, content?: string) => void) {
  const html = 'text/html; charset=utf-8';
  // An unpublished article: Next's not-found page for an ISR route, as public as the page was.
  if (site.removed.has(pathname)) return send(404, { 'content-type': html, 'cache-control': ISR_CACHE_CONTROL, vary: NEXT_VARY }, '<h1>Không tìm thấy trang</h1>');
  if (site.failing.has(pathname)) return send(500, { 'content-type': html, 'cache-control': DYNAMIC_CACHE_CONTROL }, 'Internal Server Error');
  // Like /api/search: public for browsers, and still never kept by nginx.
  if (/^\/api(\/|$)/.test(pathname)) return send(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=30' }, '{"ok":true}');
  if (/^\/(admin|xem-truoc)(\/|$)/i.test(pathname)) return send(200, { 'content-type': html, 'cache-control': 'private, no-store' }, '<p>quản trị</p>');
  if (pathname === '/dang-nhap') {
    return send(200, { 'content-type': html, 'cache-control': 'private, no-store', 'set-cookie': 'authjs.csrf-token=t; Path=/; HttpOnly' }, '<form></form>');
  }
  const immutable = 'public, max-age=31536000, immutable';
  if (pathname.startsWith('/_next/static/')) {
    return send(200, { 'content-type': 'application/javascript; charset=UTF-8', 'cache-control': immutable }, 'console.log("toa soan");'.repeat(40));
  }
  if (pathname === '/_next/image') {
    const avif = String(req.headers.accept ?? '').includes('image/avif');
    return send(200, { 'content-type': avif ? 'image/avif' : 'image/webp', 'cache-control': 'public, max-age=60', vary: 'Accept' }, avif ? 'AVIF' : 'WEBP');
  }
  if (pathname.startsWith('/media/')) return send(200, { 'content-type': 'image/png', 'cache-control': immutable }, 'PNG');
  if (req.headers.rsc === '1') {
    return send(200, { 'content-type': 'text/x-component', 'cache-control': ISR_CACHE_CONTROL, vary: NEXT_VARY }, `0:{"page":"${pathname}","rsc":true}`);
  }
  const version = site.versions.get(pathname) ?? 1;
  const etag = `"${pathname}-v${version}"`;
  const signedIn = /authjs\.session-token|__prerender_bypass/.test(req.headers.cookie ?? '');
  const headers: Record<string, string | string[]> = { 'content-type': html, 'cache-control': ISR_CACHE_CONTROL, vary: NEXT_VARY, etag };
  // The search page is rendered per request; a page may set a cookie of its own.
  if (pathname === '/tim-kiem') headers['cache-control'] = DYNAMIC_CACHE_CONTROL;
  if (pathname.startsWith('/dat-cookie/')) headers['set-cookie'] = 'ban-doc=1; Path=/; HttpOnly';
  if (req.headers['if-none-match'] === etag) return send(304, headers);
  const main = `<main data-page="${pathname}" data-version="${version}"${signedIn ? ' data-signed-in' : ''}>${'Tin tức hôm nay. '.repeat(40)}</main>`;
  send(200, headers, `<!doctype html><html lang="vi"><body>${main}</body></html>`);
}

async function stopBackend(backend: Backend): Promise<void> {
  if (backend.stopped) return;
  backend.stopped = true;
  const closed = new Promise((resolve) => backend.server.close(resolve));
  // Idle keep-alive connections from nginx would hold close() open; the kernel tells nginx they are gone.
  backend.server.closeAllConnections();
  await closed;
}

interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

function request(port: number, url: string, { method = 'GET', headers = {}, body }: RequestOptions): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: url, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
