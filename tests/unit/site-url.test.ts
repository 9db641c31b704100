import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { missingSiteUrl } from '@/lib/site-url';
import { resolvedSiteUrl, siteUrlChanged } from '../../scripts/site-url-marker.mjs';

describe('SITE_URL of a deployment', () => {
  const production = { NODE_ENV: 'production' };

  it('is required in production with Postgres, a shared Redis or an S3 store, with a message naming why', () => {
    expect(missingSiteUrl(parseEnv({ ...production, DATABASE_URL: 'postgres://x/y' }))).toMatch(/^Thiếu SITE_URL: .*DATABASE_URL/);
    expect(missingSiteUrl(parseEnv({ ...production, REDIS_URL: 'redis://127.0.0.1:6379' }))).toMatch(/REDIS_URL/);
    expect(missingSiteUrl(parseEnv({ ...production, S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' }))).toMatch(/S3_BUCKET/);
  });

  it('is not required by the embedded default, in development, or once set', () => {
    expect(missingSiteUrl(parseEnv(production))).toBeNull();
    expect(missingSiteUrl(parseEnv({ DATABASE_URL: 'postgres://x/y' }))).toBeNull();
    expect(missingSiteUrl(parseEnv({ ...production, DATABASE_URL: 'postgres://x/y', SITE_URL: 'https://laocai.gov.vn' }))).toBeNull();
  });
});

describe('pages cached under another SITE_URL', () => {
  it('resolves the address as the app does: SITE_URL without a trailing slash, else localhost and PORT', () => {
    expect(resolvedSiteUrl({ SITE_URL: 'https://laocai.gov.vn/' })).toBe('https://laocai.gov.vn');
    expect(resolvedSiteUrl({ PORT: '3300' })).toBe('http://localhost:3300');
    expect(resolvedSiteUrl({ SITE_URL: '  ' })).toBe('http://localhost:3000');
  });

  it('are expired on the first start after a build and after every change of address, not on a plain restart', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-dist-'));
    expect(siteUrlChanged(dist, 'https://laocai.gov.vn')).toBe(true);
    expect(siteUrlChanged(dist, 'https://laocai.gov.vn')).toBe(false);
    expect(siteUrlChanged(dist, 'https://www.laocai.gov.vn')).toBe(true);
    expect(siteUrlChanged(dist, 'https://www.laocai.gov.vn')).toBe(false);
    fs.rmSync(dist, { recursive: true, force: true });
  });
});
