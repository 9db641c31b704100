import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceServerErrorDuringOutage } from '../../scripts/service-unavailable-page.mjs';

// scripts/service-unavailable-page.mjs in front of handlers that answer the way Next does.
const ERROR_PAGE = '<!DOCTYPE html><html lang="vi"><body><h1>Đã có lỗi xảy ra</h1></body></html>';
const html = (res: http.ServerResponse, status: number, body: string) => {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('etag', '"e"');
  res.setHeader('cache-control', 's-maxage=60');
  res.flushHeaders();
  res.write(body.slice(0, 10));
  res.end(body.slice(10));
};
const answers: Record<string, (res: http.ServerResponse) => void> = {
  '/loi': (res) => html(res, 500, ERROR_PAGE),
  '/trang': (res) => html(res, 200, '<p>Trang</p>'),
  '/api/loi': (res) => {
    res.statusCode = 500;
    res.setHeader('content-type', 'application/json');
    res.end('{"code":"internal"}');
  },
};

let outage = false;
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    replaceServerErrorDuringOutage(req, res, () => outage);
    answers[new URL(req.url ?? '/', 'http://x').pathname]!(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('a page that failed while the database is away', () => {
  it('goes out as a Vietnamese 503 with Retry-After, never cached', async () => {
    outage = true;
    const response = await fetch(`${base}/loi`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
    const body = await response.text();
    expect(body).toContain('<html lang="vi">');
    expect(body).toContain('Hệ thống đang tạm mất kết nối tới cơ sở dữ liệu');
    expect(body).toContain('noindex');
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));
  });

  it('stays a 500 when the failure was something else', async () => {
    outage = false;
    const response = await fetch(`${base}/loi`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe(ERROR_PAGE);
  });

  it('leaves pages that worked, non-HTML answers and POSTs alone', async () => {
    outage = true;
    expect((await fetch(`${base}/trang`)).status).toBe(200);
    expect((await fetch(`${base}/api/loi`)).status).toBe(500);
    expect((await fetch(`${base}/loi`, { method: 'POST' })).status).toBe(500);
    expect((await fetch(`${base}/loi?_rsc=abc`)).status).toBe(500);
  });
});
