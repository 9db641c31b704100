import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPastAbsoluteLifetime, sessionLifetimes } from '@/lib/auth/lifetimes';
import { isSessionRevoked } from '@/lib/auth/revocation';
import { parseEnv } from '@/lib/env';
import { clientIp, PEER_HEADER } from '@/lib/http/client-ip';
import { resolveAuthSecret } from '@/server/auth/secret';
import { assertSameOrigin } from '@/lib/http/origin';

describe('session lifetimes', () => {
  it('defaults to 2 hours idle and 12 hours absolute', () => {
    expect(sessionLifetimes(parseEnv({}))).toEqual({ idleSeconds: 7200, absoluteSeconds: 43200 });
  });
  it('reads the environment and never lets idle exceed absolute', () => {
    expect(sessionLifetimes(parseEnv({ AUTH_IDLE_TIMEOUT_MINUTES: '30', AUTH_ABSOLUTE_TIMEOUT_HOURS: '8' }))).toEqual({ idleSeconds: 1800, absoluteSeconds: 28800 });
    expect(sessionLifetimes(parseEnv({ AUTH_IDLE_TIMEOUT_MINUTES: '600', AUTH_ABSOLUTE_TIMEOUT_HOURS: '1' })).idleSeconds).toBe(3600);
    // Were silently the defaults; now start-up stops and names both variables.
    expect(() => parseEnv({ AUTH_IDLE_TIMEOUT_MINUTES: 'abc', AUTH_ABSOLUTE_TIMEOUT_HOURS: '-3' })).toThrow(
      /AUTH_IDLE_TIMEOUT_MINUTES phải là số dương \(đang là "abc"\); AUTH_ABSOLUTE_TIMEOUT_HOURS phải là số dương \(đang là "-3"\)/,
    );
  });
  it('ends a session past its absolute lifetime, and one without a sign-in time', () => {
    const l = { idleSeconds: 60, absoluteSeconds: 3600 };
    expect(isPastAbsoluteLifetime(1000, 1000 + 3600, l)).toBe(false);
    expect(isPastAbsoluteLifetime(1000, 1000 + 3601, l)).toBe(true);
    expect(isPastAbsoluteLifetime(undefined, 1000, l)).toBe(true);
  });
});

describe('AUTH_SECRET', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-secret-'));

  it('uses an explicit secret and refuses a short one', () => {
    expect(resolveAuthSecret(parseEnv({ AUTH_SECRET: 'x'.repeat(40) }))).toBe('x'.repeat(40));
    expect(() => resolveAuthSecret(parseEnv({ AUTH_SECRET: 'ngan' }))).toThrow(/quá ngắn/);
  });
  it('is a clear start-up error in production with DATABASE_URL', () => {
    expect(() => resolveAuthSecret(parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' }))).toThrow(/Thiếu AUTH_SECRET/);
  });
  it('otherwise generates one in the data folder, mode 0600, and keeps it', () => {
    const dir = tmp();
    const first = resolveAuthSecret(parseEnv({ NODE_ENV: 'production', DATA_DIR: dir }));
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, 'auth-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(parseEnv({ DATA_DIR: dir }))).toBe(first);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('client address for rate limiting', () => {
  // The connection address, as scripts/serve.mjs writes it; the rest is in tests/unit/client-ip.test.ts.
  const request = (peer: string, forwardedFor?: string) =>
    new Headers({ [PEER_HEADER]: peer, ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) });
  const trust = (source: Record<string, string>) => {
    const config = parseEnv(source);
    return { hops: config.TRUSTED_PROXY_HOPS, proxies: config.TRUSTED_PROXIES };
  };

  it('ignores X-Forwarded-For with no proxy configured: a changing header is still one client', () => {
    for (const forged of ['6.6.6.6', '7.7.7.7, 8.8.8.8', '127.0.0.1']) {
      expect(clientIp(request('203.0.113.5', forged), trust({}))).toBe('203.0.113.5');
    }
  });
  it('takes the entry the trusted proxy wrote', () => {
    expect(clientIp(request('127.0.0.1', '6.6.6.6, 203.0.113.5'), trust({ TRUSTED_PROXIES: '127.0.0.1' }))).toBe('203.0.113.5');
    expect(clientIp(request('127.0.0.1', '6.6.6.6, 203.0.113.5'), trust({ TRUSTED_PROXY_HOPS: '1' }))).toBe('203.0.113.5');
    expect(clientIp(request('10.0.0.1', '6.6.6.6, 203.0.113.5, 10.0.0.2'), trust({ TRUSTED_PROXY_HOPS: '2' }))).toBe('203.0.113.5');
    expect(clientIp(request('::ffff:127.0.0.1'), trust({}))).toBe('127.0.0.1');
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.5' }), trust({ TRUSTED_PROXY_HOPS: '1' }))).toBe('unknown');
  });
});

describe('assertSameOrigin', () => {
  const post = (headers: Record<string, string>) => new Request('http://localhost:3000/api/admin/media', { method: 'POST', headers: { host: 'localhost:3000', ...headers } });
  it('accepts same-origin requests and non-browser clients', () => {
    expect(() => assertSameOrigin(post({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }))).not.toThrow();
    expect(() => assertSameOrigin(post({}))).not.toThrow();
    expect(() => assertSameOrigin(new Request('http://localhost:3000/x', { headers: { origin: 'https://evil.example' } }))).not.toThrow();
  });
  it.each([
    [{ origin: 'https://evil.example' }],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site', origin: 'http://localhost:3000' }],
    [{ origin: 'null' }],
  ])('refuses %j with 403', (headers) => {
    expect(() => assertSameOrigin(post(headers))).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});

describe('isSessionRevoked', () => {
  const signOutAt = new Date('2026-11-29T10:00:00.500Z');
  const ms = (iso: string) => new Date(iso).getTime();
  it('keeps every session of a user who never signed out', () => {
    expect(isSessionRevoked(ms('2026-11-29T09:00:00Z'), null)).toBe(false);
  });
  it('voids a session that began before the sign-out, even in the same second', () => {
    expect(isSessionRevoked(ms('2026-11-29T09:59:59Z'), signOutAt)).toBe(true);
    expect(isSessionRevoked(ms('2026-11-29T10:00:00.100Z'), signOutAt)).toBe(true);
  });
  it('keeps a session begun after the sign-out', () => {
    expect(isSessionRevoked(ms('2026-11-29T10:00:00.600Z'), signOutAt)).toBe(false);
    expect(isSessionRevoked(ms('2026-11-29T10:05:00Z'), signOutAt)).toBe(false);
  });
  it('voids a token without a sign-in time once the user has signed out', () => {
    expect(isSessionRevoked(Number.NaN, signOutAt)).toBe(true);
  });
});
