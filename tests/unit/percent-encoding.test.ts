import fs from 'node:fs';
import path from 'node:path';
import { hasLocalMatch } from 'next/dist/shared/lib/match-local-pattern';
import { getRouteMatcher } from 'next/dist/shared/lib/router/utils/route-matcher';
import { getRouteRegex } from 'next/dist/shared/lib/router/utils/route-regex';
import { DecodeError } from 'next/dist/shared/lib/utils';
import { describe, expect, it } from 'vitest';
import { loadNextConfig, rewritesTo404 } from '../support/next-rewrites';

const root = path.resolve(__dirname, '../..');


/** Every dynamic route of app/, as Next names it (route groups removed): `/media/[...key]`, `/xem-truoc/[id]`… */
function dynamicRoutes(): string[] {
  const found = new Set<string>();
  for (const file of fs.readdirSync(path.join(root, 'app'), { recursive: true }) as string[]) {
    if (!/(^|[/\\])(page\.tsx|route\.ts)$/.test(file)) continue;
    const route = `/${path.dirname(file).split(path.sep).filter((s) => !/^\(.*\)$/.test(s) && s !== '.').join('/')}`;
    if (route.includes('[')) found.add(route);
  }
  return [...found].sort();
}

const routeMatchers = new Map<string, ReturnType<typeof getRouteMatcher>>();
/** Does Next's own param decoding fail for this path of that route (DecodeError → the 500 seen before)? */
function nextFailsToDecode(route: string, pathname: string): boolean {
  let match = routeMatchers.get(route);
  if (!match) routeMatchers.set(route, (match = getRouteMatcher(getRouteRegex(route))));
  try {
    match(pathname);
    return false;
  } catch (error) {
    if (error instanceof DecodeError) return true;
    throw error;
  }
}

const decodes = (s: string) => {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

const pct = (bytes: number[], upper = false) =>
  bytes.map((b) => `%${(upper ? b.toString(16).toUpperCase() : b.toString(16)).padStart(2, '0')}`).join('');

// Byte values at the edges of every UTF-8 range (lead bytes, continuation bytes, overlongs, surrogates, > U+10FFFF).
const EDGES = [0x00, 0x2f, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];
function sampleSegments(): string[] {
  const out = ['%', '%f', '%zz', '%%', '%2', 'a%', 'abc', 'le-hoi', '%25ff', '%e2%82', '%E2%82%AC', '%c3%a9', '%C3%A9x', 'x%ED%A0%80'];
  for (const a of EDGES) {
    out.push(pct([a]));
    for (const b of EDGES) {
      out.push(pct([a, b], b % 2 === 1));
      for (const c of EDGES) {
        out.push(pct([a, b, c]));
        if (a >= 0xf0) out.push(pct([a, b, c, 0x80]), pct([a, b, c, 0xbf], true), pct([a, b, c, 0xc0]));
      }
    }
  }
  return out;
}

describe('malformed percent-encoding in the path', () => {
  const segments = sampleSegments();

  it('is sent to the static 404 exactly when it does not decode as UTF-8', async () => {
    const is404 = await rewritesTo404();
    let checked = 0;
    for (const segment of segments) {
      // A path the other 404 rules leave alone, so only the new rule is under test.
      for (const p of [`/media/2026/11/${segment}`, `/sitemaps/${segment}.xml`]) {
        expect(is404(p), p).toBe(!decodes(p));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50_000);
  });

  it('covers every dynamic route: wherever Next would fail to decode the params, the rewrite answers first', async () => {
    const is404 = await rewritesTo404();
    const routes = dynamicRoutes();
    expect(routes).toEqual(expect.arrayContaining(['/media/[...key]', '/sitemaps/[file]', '/xem-truoc/[id]', '/api/admin/bai-viet/[id]', '/api/admin/bai-viet/[id]/revisions']));
    let failures = 0;
    for (const route of routes) {
      for (const segment of segments.slice(0, 3000)) {
        const pathname = route.replace(/\[(?:\.\.\.)?[a-z]+\]/g, segment);
        if (nextFailsToDecode(route, pathname)) {
          failures++;
          expect(is404(pathname), `${route}: ${pathname}`).toBe(true);
        }
      }
    }
    // The sample does contain what used to be a 500.
    expect(failures).toBeGreaterThan(1000);
    expect(nextFailsToDecode('/media/[...key]', '/media/%ff')).toBe(true);
  });

  it('leaves well-formed paths to their routes', async () => {
    const is404 = await rewritesTo404();
    for (const p of [
      '/',
      '/tim-kiem',
      '/gioi-thieu',
      '/media/2026/11/0123456789abcdef0123456789abcdef-w480.webp',
      '/sitemaps/articles-1.xml',
      '/xem-truoc/12',
      '/api/admin/bai-viet/12/revisions',
      '/api/search',
      '/admin/bai-viet/3',
      '/tim-kiem/%C3%A9%E2%82%AC%F0%9F%98%80',
      '/media/%2e%2e',
      '/_next/static/chunks/app.js',
    ]) {
      expect(is404(p), p).toBe(false);
    }
  });

  it('matches a long path in linear time', async () => {
    const is404 = await rewritesTo404();
    const started = performance.now();
    expect(is404(`/media/${'a%c3%a9'.repeat(2500)}%ff`)).toBe(true);
    expect(is404(`/media/${'a%c3%a9'.repeat(2500)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('the image optimizer (/_next/image)', () => {
  it('fetches only our uploads and bundled images, without a query string', async () => {
    const images = (await loadNextConfig()).images;
    expect(images?.remotePatterns ?? []).toEqual([]);
    expect(images?.domains ?? []).toEqual([]);
    const allowed = (url: string) => hasLocalMatch(images?.localPatterns, url);
    for (const url of ['/media/2026/11/0123456789abcdef0123456789abcdef.jpg', '/media/2026/11/0123456789abcdef0123456789abcdef-w960.webp', '/images/og-default.jpg', '/images/demo/cover-1.jpg']) {
      expect(allowed(url), url).toBe(true);
    }
    for (const url of ['/admin', '/admin/nguoi-dung', '/api/visits/summary', '/dang-nhap', '/', '/images/../admin', '/media/%2e%2e/admin', '/images/a.jpg?v=1', '/mediax/a.jpg']) {
      expect(allowed(url), url).toBe(false);
    }
  });
});
