import { modifyRouteRegex } from 'next/dist/lib/redirect-status';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { compileNonPath } from 'next/dist/shared/lib/router/utils/prepare-destination';
import { describe, expect, it } from 'vitest';
import { baseSecurityHeaders, buildNonceCsp, buildPublicCsp, MEDIA_CSP, nextConfigHeaders } from '@/lib/security/headers.mjs';

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

  it('applies the public CSP everywhere except the nonce paths and /media', () => {
    const cspOf = (p: string) => configHeadersFor(p).get('content-security-policy');
    for (const p of ['/', '/bai-viet/abc', '/chuyen-muc/kinh-te', '/rss.xml', '/tim-kiem', '/administrator', '/mediakit', '/images/og-default.jpg']) {
      expect(cspOf(p), p).toBe(buildPublicCsp());
    }
    for (const p of ['/admin', '/admin/nguoi-dung', '/dang-nhap']) expect(cspOf(p), p).toBeUndefined();
  });

  it('serves /media with its own strict policy, not the public one (the stricter policy wins)', () => {
    for (const p of ['/media/2026/11/0123456789abcdef0123456789abcdef.jpg', '/media/2026/11/0123456789abcdef0123456789abcdef-w480.webp', '/media', '/MEDIA/x.png']) {
      const headers = configHeadersFor(p);
      expect(headers.get('content-security-policy'), p).toBe(MEDIA_CSP);
      expect(headers.get('x-content-type-options'), p).toBe('nosniff');
    }
    const media = directives(MEDIA_CSP);
    expect(media.get('default-src')).toEqual(["'none'"]);
    expect(media.has('sandbox')).toBe(true);
    expect(media.has('script-src')).toBe(false);
  });
});

/**
 * The headers next.config.mjs gives `pathname`, computed the way Next's router
 * does (server/lib/router-utils/filesystem.js + resolve-routes.js): sources
 * matched case-insensitively with an optional trailing slash, every matching
 * rule applied in order, later values replacing earlier ones.
 */
function configHeadersFor(pathname: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const rule of nextConfigHeaders({ production: true })) {
    const match = getPathMatch(rule.source, { strict: true, removeUnnamedParams: true, sensitive: false, regexModifier: (r) => modifyRouteRegex(r) });
    const params = match(pathname);
    if (params === false) continue;
    const hasParams = Object.keys(params).length > 0;
    for (const { key, value } of rule.headers) {
      result.set((hasParams ? compileNonPath(key, params) : key).toLowerCase(), hasParams ? compileNonPath(value, params) : value);
    }
  }
  return result;
}
