import { describe, expect, it } from 'vitest';
import { collapsedTarget, normalizeRedirectSource, normalizeRedirectTarget, redirectDestination, redirectLookups } from '@/lib/redirects';

const site = 'https://laocai.gov.vn/';

describe('normalizeRedirectSource', () => {
  it('keeps the path of an old portal URL, without query, fragment or trailing slash', () => {
    expect(normalizeRedirectSource('https://old.laocai.gov.vn/tin-tuc/a.html?ItemID=5#top')).toEqual({ ok: true, path: '/tin-tuc/a.html' });
    expect(normalizeRedirectSource(' /tin-tuc/su-kien/ ')).toEqual({ ok: true, path: '/tin-tuc/su-kien' });
    expect(normalizeRedirectSource('/Tin%20t%E1%BB%A9c')).toEqual({ ok: true, path: '/Tin tức' });
  });

  it('refuses the home page, admin and system paths, relative and malformed input, in Vietnamese', () => {
    for (const bad of ['', 'tin-tuc/a.html', '//evil.example/x', '/', '/admin', '/api/visits', '/_next/static/x.js', '/%E0%A4%A', 'x'.repeat(1001)]) {
      const result = normalizeRedirectSource(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/[à-ỹ]/);
    }
  });
});

describe('normalizeRedirectTarget', () => {
  it('keeps a path of this site, turns this site’s URL into its path, and keeps another site’s URL whole', () => {
    expect(normalizeRedirectTarget('/bai-viet/moi/', site)).toEqual({ ok: true, path: '/bai-viet/moi' });
    expect(normalizeRedirectTarget('https://laocai.gov.vn/gioi-thieu', site)).toEqual({ ok: true, path: '/gioi-thieu' });
    expect(normalizeRedirectTarget('https://dichvucong.gov.vn/p/home', site)).toEqual({ ok: true, path: 'https://dichvucong.gov.vn/p/home' });
  });

  it('refuses script URLs, protocol-relative URLs and paths with spaces', () => {
    for (const bad of ['javascript:alert(1)', '//evil.example/', 'data:text/html,x', '/co khoang trang', '']) {
      expect(normalizeRedirectTarget(bad, site).ok, bad).toBe(false);
    }
  });
});

describe('redirectLookups and redirectDestination', () => {
  it('looks a category’s later pages and feed up under the category path, and carries the rest over', () => {
    expect(redirectLookups('/chuyen-muc/cu/trang/2')).toEqual([
      { source: '/chuyen-muc/cu/trang/2', suffix: '' },
      { source: '/chuyen-muc/cu', suffix: '/trang/2' },
    ]);
    expect(redirectLookups('/bai-viet/cu')).toEqual([{ source: '/bai-viet/cu', suffix: '' }]);
    expect(redirectDestination('/chuyen-muc/moi', '/trang/2')).toBe('/chuyen-muc/moi/trang/2');
    // A category sent elsewhere by hand does not get a page number glued onto another kind of page.
    expect(redirectDestination('/gioi-thieu', '/trang/2')).toBe('/gioi-thieu');
  });
});

describe('collapsedTarget', () => {
  it('follows a target that itself redirects, and reports a loop as null', () => {
    const stored = new Map([['/b', '/c']]);
    expect(collapsedTarget('/a', '/b', (p) => stored.get(p))).toBe('/c');
    expect(collapsedTarget('/a', '/x', (p) => stored.get(p))).toBe('/x');
    expect(collapsedTarget('/c', '/b', (p) => stored.get(p))).toBeNull();
  });
});
