import { describe, expect, it } from 'vitest';
import { baseSecurityHeaders, buildNonceCsp, buildPublicCsp, nextConfigHeaders } from '@/lib/security/headers.mjs';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('Content-Security-Policy builders', () => {
  it('gives /admin a nonce policy with no inline script and no framing', () => {
    const csp = directives(buildNonceCsp('bm9uY2Utbm9uY2Utbm9uY2U='));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-bm9uY2Utbm9uY2Utbm9uY2U='", "'strict-dynamic'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
  });

  it('refuses a nonce that could break out of the header', () => {
    expect(() => buildNonceCsp("abc'; script-src *")).toThrow();
    expect(() => buildNonceCsp('short')).toThrow();
  });

  it('allows eval only in development (React Refresh)', () => {
    expect(buildNonceCsp('bm9uY2Utbm9uY2Utbm9uY2U=', { dev: true })).toContain("'unsafe-eval'");
    expect(buildPublicCsp()).not.toContain("'unsafe-eval'");
  });

  it('keeps the public policy static and first-party, but for body images and YouTube embeds', () => {
    const csp = directives(buildPublicCsp());
    expect(buildPublicCsp()).toBe(buildPublicCsp());
    expect(buildPublicCsp()).not.toContain('nonce-');
    for (const [name, values] of csp) {
      if (name === 'img-src' || name === 'frame-src') continue;
      for (const v of values) expect(v).toMatch(/^('self'|'unsafe-inline'|'none'|data:|blob:)$/);
    }
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https:']);
    // Exactly the embed origin the sanitizer allows, nothing else can be framed.
    expect(csp.get('frame-src')).toEqual(['https://www.youtube-nocookie.com']);
    expect(directives(buildNonceCsp('AAAAAAAAAAAAAAAAAAAAAAAA')).get('frame-src')).toEqual(['https://www.youtube-nocookie.com']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });
});

describe('headers for every response', () => {
  it('sends nosniff, a referrer policy and a permissions policy; HSTS only in production', () => {
    const dev = new Map(baseSecurityHeaders().map((h) => [h.key, h.value]));
    expect(dev.get('X-Content-Type-Options')).toBe('nosniff');
    expect(dev.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(dev.get('Permissions-Policy')).toContain('camera=()');
    expect(dev.has('Strict-Transport-Security')).toBe(false);
    const prod = new Map(baseSecurityHeaders({ production: true }).map((h) => [h.key, h.value]));
    expect(prod.get('Strict-Transport-Security')).toMatch(/max-age=\d{7,}/);
  });

  it('applies the public CSP everywhere except the nonce paths', () => {
    const [, publicRule] = nextConfigHeaders();
    const pattern = new RegExp(`^${publicRule!.source.replace('(?!', '(?!')}$`);
    for (const p of ['/', '/bai-viet/abc', '/chuyen-muc/kinh-te', '/rss.xml']) expect(pattern.test(p), p).toBe(true);
    for (const p of ['/admin', '/admin/nguoi-dung', '/dang-nhap']) expect(pattern.test(p), p).toBe(false);
  });
});
