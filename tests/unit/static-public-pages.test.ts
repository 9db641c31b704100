import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildStylesheets, createStaticPublicPages, withAbsoluteUrls, isReaderPath, withoutClientRuntime } from '../../scripts/static-public-pages.mjs';

// The shape of a page Next renders: script preloads, async chunks, inline RSC data, JSON-LD.
const PAGE = [
  '<!DOCTYPE html><html lang="vi"><head><meta charSet="utf-8"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
  '<link href="/_next/static/chunks/b.js" as="script" rel="preload"/>',
  '<link rel="preload" as="image" imageSrcSet="/_next/image?url=%2Fimages%2Fa.jpg&amp;w=640&amp;q=75 640w"/>',
  '<script src="/_next/static/chunks/a.js" async=""></script>',
  '<title>Trang chủ</title></head><body><header>Cổng</header><main><h1>Tin</h1>',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"a \\u003c/script> b"}</script>',
  '</main><script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"0:{\\"a\\":\\"\\u003cscript>\\"}"])</script>',
  '<script type="module" src="/_next/static/chunks/m.js"></script></body></html>',
].join('');
const READER = '<script src="/reader.js?v=abc" defer=""></script>';

describe('a reader\'s page without the client runtime', () => {
  const out = withoutClientRuntime(PAGE, READER)!;

  it('loses every executable script and script preload, and keeps the rest of the document', () => {
    expect(out).not.toMatch(/<script(?![^>]*application\/ld\+json)(?![^>]*reader\.js)/);
    expect(out).not.toContain('__next_f');
    expect(out).not.toContain('chunks/a.js');
    expect(out).not.toContain('chunks/b.js');
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>');
    expect(out).toContain('<link rel="preload" as="image"');
    expect(out).toContain('<header>Cổng</header><main><h1>Tin</h1>');
  });

  it('keeps JSON-LD, which is data', () => {
    expect(out).toContain('<script type="application/ld+json">{"@type":"NewsArticle","headline":"a \\u003c/script> b"}</script>');
  });

  it('loads the reader script once, in the head', () => {
    expect(out.split(READER)).toHaveLength(2);
    expect(out).toContain(`${READER}</head>`);
  });

  it('leaves a page whose Suspense boundary still waits for a script, and anything that is not a document', () => {
    expect(withoutClientRuntime(PAGE.replace('<main>', '<main><!--$?--><template id="B:0"></template>'), READER)).toBeNull();
    expect(withoutClientRuntime('<p>partial</p>', READER)).toBeNull();
  });

  it('applies to readers\' paths only', () => {
    for (const path of ['/', '/bai-viet/a', '/chuyen-muc/kinh-te/trang/2', '/tim-kiem', '/gioi-thieu', '/khong-co']) expect(isReaderPath(path)).toBe(true);
    for (const path of ['/admin', '/admin/bai-viet/1', '/dang-nhap', '/xem-truoc/3', '/api/visits', '/_next/static/x.js']) expect(isReaderPath(path)).toBe(false);
  });
});

describe('the page\'s stylesheets, inline', () => {
  const css = 'body{color:#0f172a}';
  const stylesheet = (href: string) => (href === '/_next/static/chunks/site.css' ? css : null);

  it('puts the build\'s stylesheet in a <style> in place of its link', () => {
    const out = withoutClientRuntime(PAGE, READER, stylesheet)!;
    expect(out).toContain(`<style data-href="/_next/static/chunks/site.css">${css}</style>`);
    expect(out).not.toContain('rel="stylesheet"');
  });

  it('keeps the link for a stylesheet it cannot read, or one that could close the element', () => {
    expect(withoutClientRuntime(PAGE, READER, () => null)).toContain('<link rel="stylesheet" href="/_next/static/chunks/site.css"');
    expect(withoutClientRuntime(PAGE, READER, () => 'a{}</style><script>alert(1)</script>')).toContain('<link rel="stylesheet"');
  });

  it('never reads a link outside the build\'s static files', () => {
    const asked: string[] = [];
    const other = PAGE.replace('/_next/static/chunks/site.css', 'https://cdn.example/x.css') + '<link rel="stylesheet" href="/_next/static/../../secret.css"/>';
    withoutClientRuntime(other, READER, (href: string) => (asked.push(href), css));
    expect(asked).toEqual([]);
  });

  it('makes the stylesheet\'s relative URLs absolute, as they were from its own address', () => {
    const href = '/_next/static/chunks/fonts.css';
    expect(withAbsoluteUrls('@font-face{src:url(../media/noto.woff2) format("woff2")}', href)).toBe('@font-face{src:url(/_next/static/media/noto.woff2) format("woff2")}');
    expect(withAbsoluteUrls('a{background:url("x.png")}', href)).toBe('a{background:url("/_next/static/chunks/x.png")}');
    for (const kept of ['url(/abs.png)', 'url(data:image/png;base64,AAA)', 'url(https://cdn.example/a.png)', 'url(#clip)']) {
      expect(withAbsoluteUrls(`a{b:${kept}}`, href)).toBe(`a{b:${kept}}`);
    }
  });

  it('reads the stylesheets from the build folder, once each', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-dist-'));
    fs.mkdirSync(path.join(dist, 'static', 'chunks'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'static', 'chunks', 'site.css'), css);
    const read = buildStylesheets(dist);
    expect(read('/_next/static/chunks/site.css')).toBe(css);
    fs.rmSync(dist, { recursive: true });
    expect(read('/_next/static/chunks/site.css')).toBe(css);
    expect(read('/_next/static/chunks/missing.css')).toBeNull();
  });
});

describe('the wrapper in front of the server', () => {
  let server: http.Server;
  let base: string;
  const seenIfNoneMatch: (string | undefined)[] = [];
  const serve = createStaticPublicPages({ readerTag: READER, cacheEntries: 2 });

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      serve(req, res);
      seenIfNoneMatch.push(req.headers['if-none-match'] as string | undefined);
      if (req.url === '/api/data') {
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true}');
        return;
      }
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('etag', '"v1"');
      res.flushHeaders();
      res.write(PAGE.slice(0, 100));
      res.end(PAGE.slice(100));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends a reader\'s page without the runtime, with its length and its own ETag', async () => {
    const response = await fetch(`${base}/bai-viet/a`);
    const body = await response.text();
    expect(body).toBe(withoutClientRuntime(PAGE, READER));
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(response.headers.get('etag')).toBe('"v1-r"');
  });

  it('answers a browser holding that ETag with 304, asking the server about its own', async () => {
    const response = await fetch(`${base}/bai-viet/a`, { headers: { 'if-none-match': '"v1-r"' } });
    expect(response.status).toBe(304);
    expect(seenIfNoneMatch.at(-1)).toBe('"v1"');
  });

  it('leaves staff pages, the router\'s requests and non-HTML answers as they are', async () => {
    expect(await (await fetch(`${base}/admin`)).text()).toBe(PAGE);
    expect(await (await fetch(`${base}/bai-viet/a?_rsc=x`)).text()).toBe(PAGE);
    expect(await (await fetch(`${base}/api/data`)).json()).toEqual({ ok: true });
  });
});
