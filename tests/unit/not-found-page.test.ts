import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorShell, replaceErrorShellOn404 } from '../../scripts/not-found-page.mjs';

// scripts/not-found-page.mjs in front of handlers that answer the way Next does.
const NOT_FOUND_PAGE = Buffer.from('<!DOCTYPE html><html lang="vi"><head><title>Không tìm thấy trang</title></head><body><h1>Không tìm thấy trang</h1></body></html>');
const ERROR_SHELL = '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div><script>self.__next_f.push([1,"x"])</script></body></html>';

type Answer = (res: http.ServerResponse) => void;
const answers: Record<string, Answer> = {
  // Next streams a page's answer in chunks, with the status and type set beforehand.
  '/shell': (res) => {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('etag', '"abc"');
    res.flushHeaders();
    res.write(ERROR_SHELL.slice(0, 30));
    res.end(ERROR_SHELL.slice(30));
  },
  // A prerendered answer: the status through writeHead(), then the whole body at once.
  '/shell-at-once': (res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-length', String(Buffer.byteLength(ERROR_SHELL)));
    res.writeHead(404);
    res.end(ERROR_SHELL);
  },
  '/real-404': (res) => {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.flushHeaders();
    res.write('<!DOCTYPE html><html lang="vi"><body>');
    res.end('<h1>Không tìm thấy trang</h1></body></html>');
  },
  '/json-404': (res) => {
    res.statusCode = 404;
    res.setHeader('content-type', 'application/json');
    res.end('{"code":"not_found"}');
  },
  '/page': (res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(ERROR_SHELL);
  },
};

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    replaceErrorShellOn404(req, res, NOT_FOUND_PAGE);
    answers[new URL(req.url ?? '/', 'http://x').pathname]!(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a 404 answered with Next\'s empty error shell', () => {
  it('is sent as the prerendered not-found page, with its length and no stale ETag', async () => {
    const response = await fetch(`${base}/shell`);
    expect(response.status).toBe(404);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(NOT_FOUND_PAGE)).toBe(true);
    expect(response.headers.get('content-length')).toBe(String(NOT_FOUND_PAGE.byteLength));
    expect(response.headers.get('etag')).toBeNull();
  });

  it('is replaced too when the status comes through writeHead() and the body in one piece', async () => {
    const response = await fetch(`${base}/shell-at-once`);
    expect(response.status).toBe(404);
    expect(Buffer.from(await response.arrayBuffer()).equals(NOT_FOUND_PAGE)).toBe(true);
    expect(response.headers.get('content-length')).toBe(String(NOT_FOUND_PAGE.byteLength));
  });

  it('is left alone for the router\'s own requests, which the client renders', async () => {
    const viaHeader = await fetch(`${base}/shell`, { headers: { rsc: '1' } });
    expect(await viaHeader.text()).toBe(ERROR_SHELL);
    const viaQuery = await fetch(`${base}/shell?_rsc=abc`);
    expect(await viaQuery.text()).toBe(ERROR_SHELL);
  });

  it('is left alone for HEAD and POST', async () => {
    expect((await fetch(`${base}/shell`, { method: 'HEAD' })).status).toBe(404);
    expect(await (await fetch(`${base}/shell`, { method: 'POST' })).text()).toBe(ERROR_SHELL);
  });
});

describe('every other answer', () => {
  it('passes through unchanged: a real 404 page, a JSON 404, a 200', async () => {
    expect(await (await fetch(`${base}/real-404`)).text()).toBe('<!DOCTYPE html><html lang="vi"><body><h1>Không tìm thấy trang</h1></body></html>');
    expect(await (await fetch(`${base}/json-404`)).json()).toEqual({ code: 'not_found' });
    const page = await fetch(`${base}/page`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(ERROR_SHELL);
  });

  it('recognises only the error shell\'s opening', () => {
    expect(isErrorShell(Buffer.from(ERROR_SHELL))).toBe(true);
    expect(isErrorShell(Buffer.from('<!DOCTYPE html><html lang="vi">'))).toBe(false);
  });
});
