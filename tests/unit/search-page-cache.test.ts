import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearSearchPages } from '@/lib/search-pages-hook.mjs';
import { createSearchPageCache } from '../../scripts/search-page-cache.mjs';

// scripts/search-page-cache.mjs in front of a handler that renders like Next and counts its renders.
let clock = 0;
let renders = 0;
let setCookie = false;
/** Lets a test clear the cache while a render is under way. */
let duringRender: (() => void) | null = null;
const cache = createSearchPageCache({ ttlMs: 10_000, maxEntries: 2, now: () => clock });

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (cache.serve(req, res)) return;
    renders++;
    duringRender?.();
    res.statusCode = 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', "default-src 'self'");
    if (setCookie) res.setHeader('set-cookie', 'session=secret');
    res.flushHeaders();
    res.write('<!DOCTYPE html><html lang="vi"><body>');
    res.end(`<p>kết quả ${renders} cho ${req.url}</p></body></html>`);
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
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

describe('the search pages the server keeps', () => {
  it('answers a repeated search without rendering it again, with the same page and headers', async () => {
    const first = await get('/tim-kiem?q=lao+cai');
    const body = await first.text();
    const again = await get('/tim-kiem?q=lao+cai');
    expect(await again.text()).toBe(body);
    expect(again.headers.get('x-search-page-cache')).toBe('HIT');
    expect(again.headers.get('content-security-policy')).toBe("default-src 'self'");
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

  it('keeps at most maxEntries pages, dropping the oldest', async () => {
    for (const q of ['a', 'b', 'c']) await get(`/tim-kiem?q=${q}`);
    expect(cache.size()).toBe(2);
    await get('/tim-kiem?q=a');
    expect(renders).toBe(4);
  });

  it('is cleared by the app when it clears the search results', async () => {
    await get('/tim-kiem?q=lao+cai');
    clearSearchPages();
    await get('/tim-kiem?q=lao+cai');
    expect(renders).toBe(2);
  });

  it('does not keep a page rendered across a clear: it may show what the clear was for', async () => {
    duringRender = () => clearSearchPages();
    await get('/tim-kiem?q=lao+cai');
    duringRender = null;
    await get('/tim-kiem?q=lao+cai');
    expect(renders).toBe(2);
  });

  it('never keeps an answer that sets a cookie', async () => {
    setCookie = true;
    await get('/tim-kiem?q=lao+cai');
    setCookie = false;
    const next = await get('/tim-kiem?q=lao+cai');
    expect(next.headers.get('set-cookie')).toBeNull();
    expect(renders).toBe(2);
  });

  it('leaves other paths, router requests and conditional requests to the server', async () => {
    await get('/bai-viet/a');
    await get('/bai-viet/a');
    expect(renders).toBe(2);
    await get('/tim-kiem?q=x');
    await get('/tim-kiem?q=x&_rsc=1');
    await get('/tim-kiem?q=x', { 'if-none-match': '"abc"' });
    expect(renders).toBe(5);
    // The kept page is still the plain one.
    expect((await get('/tim-kiem?q=x')).headers.get('x-search-page-cache')).toBe('HIT');
    expect(renders).toBe(5);
  });
});
