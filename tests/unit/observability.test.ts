import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedToScrape } from '@/lib/metrics-access';
import { countBeacon, currentRequest, METRICS, metricsText, noteRequestUser, POOL_PROBE, registerPoolProbe, REQUEST_CONTEXT } from '@/lib/observability-hooks.mjs';
import { routeLabel } from '@/lib/route-label.mjs';
import { createLogger, createMetrics, createRequestObserver } from '../../scripts/observability.mjs';

describe('routeLabel', () => {
  it.each([
    ['/', '/'],
    ['/bai-viet/le-hoi-hoa-tam-giac-mach', '/bai-viet/:slug'],
    ['/chuyen-muc/kinh-te/trang/3', '/chuyen-muc/:slug'],
    ['/admin/bai-viet/123', '/admin/bai-viet/:id'],
    ['/admin/nguoi-dung', '/admin/*'],
    ['/api/admin/bai-viet/9', '/api/admin/bai-viet/:id'],
    ['/api/visits', '/api/visits'],
    ['/api/health/ready', '/api/health/ready'],
    ['/media/2026/12/abc.webp', '/media/*'],
    ['/wp-login.php', 'other'],
    ['/bai-viet/a/b/c', 'other'],
  ])('%s → %s', (pathname, label) => {
    expect(routeLabel(pathname)).toBe(label);
  });
});

describe('allowedToScrape', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  it('without a token: this machine, straight to the port, only', () => {
    expect(allowedToScrape(headers({ 'x-toa-soan-peer': '127.0.0.1' }), undefined)).toBe(true);
    expect(allowedToScrape(headers({ 'x-toa-soan-peer': '::1' }), undefined)).toBe(true);
    expect(allowedToScrape(headers({ 'x-toa-soan-peer': '127.0.0.1', 'x-forwarded-for': '203.0.113.9' }), undefined)).toBe(false);
    expect(allowedToScrape(headers({ 'x-toa-soan-peer': '10.0.0.5' }), undefined)).toBe(false);
    expect(allowedToScrape(headers({}), undefined)).toBe(false);
  });
  it('with a token: the bearer token, from anywhere', () => {
    const token = 'mot-khoa-du-dai-0123456789';
    expect(allowedToScrape(headers({ authorization: `Bearer ${token}`, 'x-toa-soan-peer': '10.0.0.5' }), token)).toBe(true);
    expect(allowedToScrape(headers({ authorization: 'Bearer sai', 'x-toa-soan-peer': '127.0.0.1' }), token)).toBe(false);
    expect(allowedToScrape(headers({ 'x-toa-soan-peer': '127.0.0.1' }), token)).toBe(false);
  });
});

describe('the server’s logs and metrics', () => {
  const lines: string[] = [];
  const original = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const logger = createLogger({ LOG_LEVEL: 'info' }, { write: (chunk: string) => lines.push(chunk) } as never);
    const metrics = createMetrics();
    const observe = createRequestObserver({ logger, metrics });
    server = http.createServer((req, res) =>
      observe(req, res, () => {
        if (req.url?.startsWith('/admin')) noteRequestUser(42);
        if (req.url === '/api/visits') countBeacon('accepted');
        console.warn('trong yêu cầu', { password: 'bi-mat' });
        res.statusCode = req.url === '/loi' ? 500 : 200;
        res.end('ok');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    Object.assign(console, original);
    const global = globalThis as Record<symbol, unknown>;
    delete global[METRICS];
    delete global[REQUEST_CONTEXT];
    await new Promise((resolve) => server.close(resolve));
  });

  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('logs one JSON line per request: id, method, route pattern, status, duration; the user on staff requests', async () => {
    const response = await fetch(`${base}/admin/bai-viet/7?token=khong-ghi`, { headers: { cookie: 'authjs.session-token=bi-mat' } });
    await settle();
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const request = entries().find((entry) => entry.msg === 'request' && entry.reqId === id)!;
    expect(request).toMatchObject({ level: 'info', method: 'GET', route: '/admin/bai-viet/:id', status: 200, userId: 42 });
    expect(typeof request.ms).toBe('number');
    // The app's console line in that request carries its id.
    expect(entries().find((entry) => entry.level === 'warn' && entry.reqId === id)?.msg).toContain('trong yêu cầu');
    // Never the query string, the cookie, or a password.
    const all = lines.join('');
    expect(all).not.toContain('khong-ghi');
    expect(all).not.toContain('bi-mat');
    expect(all).not.toContain('127.0.0.1');
  });

  it('logs a 500 as an error; a reader request carries no user', async () => {
    const response = await fetch(`${base}/loi`);
    await settle();
    const request = entries().find((entry) => entry.reqId === response.headers.get('x-request-id') && entry.msg === 'request')!;
    expect(request).toMatchObject({ level: 'error', status: 500, route: 'other' });
    expect(request.userId).toBeUndefined();
  });

  it('counts requests by route and status, and the app’s beacons, in Prometheus’s text format', async () => {
    await fetch(`${base}/api/visits`, { method: 'POST' });
    await settle();
    const metrics = await metricsText();
    expect(metrics?.contentType).toMatch(/^text\/plain/);
    expect(metrics?.body).toMatch(/toa_soan_http_requests_total\{method="GET",route="\/admin\/bai-viet\/:id",status="200"\} 1/);
    expect(metrics?.body).toMatch(/toa_soan_visit_beacons_total\{outcome="accepted"\} 1/);
    expect(metrics?.body).toContain('toa_soan_http_request_duration_seconds_bucket');
  });

  it('reads the database pool through the app’s probe when scraped, and shows nothing while the probe fails', async () => {
    const global = globalThis as Record<symbol, unknown>;
    try {
      registerPoolProbe(async () => ({ open: 3, active: 1 }));
      let body = (await metricsText())!.body;
      expect(body).toMatch(/toa_soan_db_pool_connections\{state="open"\} 3/);
      expect(body).toMatch(/toa_soan_db_pool_connections\{state="active"\} 1/);
      registerPoolProbe(async () => {
        throw new Error('ECONNREFUSED');
      });
      body = (await metricsText())!.body;
      expect(body).not.toMatch(/toa_soan_db_pool_connections\{/);
    } finally {
      delete global[POOL_PROBE];
    }
  });

  it('has no request outside one', () => {
    expect(currentRequest()).toBeUndefined();
  });
});
