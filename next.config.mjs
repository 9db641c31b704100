import { fileURLToPath } from 'node:url';
import { nextConfigHeaders } from './lib/security/headers.mjs';
import { MAX_SLUG_LENGTH, PAGE_NUMBER_SOURCE, SLUG_SOURCE } from './lib/slug-pattern.mjs';

const production = process.env.NODE_ENV === 'production';

// A path segment lib/route-params.ts would refuse, shapes from lib/slug-pattern.mjs (upper case
// aside: Next matches rewrites case-insensitively, so the page itself answers 404 for it).
const NOT_A_SLUG = `(?!${SLUG_SOURCE}(?:/|$))[^/]+|[^/]{${MAX_SLUG_LENGTH + 1},}`;
const NOT_A_PAGE = `(?!${PAGE_NUMBER_SOURCE}(?:/|$))[^/]+`;
const NOT_FOUND = '/_khong-tim-thay';
// A path whose percent-encoding is not UTF-8 (`%ff`, `%zz`, a cut `%c3`): Next cannot decode its
// route params (DecodeError → 500) and nothing can live there, so it gets the static 404.
// Matches exactly the paths decodeURIComponent throws on (tests/unit/percent-encoding.test.ts).
const HEX = '[0-9a-fA-F]';
const TAIL = `%[89abAB]${HEX}`;
const UTF8_CHAR = `(?:[^%]|%[0-7]${HEX}|%(?:[cC][2-9a-fA-F]|[dD]${HEX})${TAIL}|%[eE]0%[abAB]${HEX}${TAIL}|%[eE][1-9a-cA-CeEfF]${TAIL}${TAIL}|%[eE][dD]%[89]${HEX}${TAIL}|%[fF]0%[9abAB]${HEX}${TAIL}${TAIL}|%[fF][1-3]${TAIL}${TAIL}${TAIL}|%[fF]4%8${HEX}${TAIL}${TAIL})`;
const NOT_UTF8 = `(?!${UTF8_CHAR}*$).+`;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets a second build (benchmarks, parallel work) use its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The route and data cache, minus 404s and null results for invented URLs
  // (server/cache/isr-handler.mjs): Next's file cache with its bounded
  // in-memory copy (cacheMaxMemorySize, 50 MB), or with REDIS_URL one Redis
  // shared by every instance and no in-memory copy, which would go on serving
  // a page another instance has revalidated.
  cacheHandler: fileURLToPath(new URL('./server/cache/isr-handler.mjs', import.meta.url)),
  ...(process.env.REDIS_URL ? { cacheMaxMemorySize: 0 } : {}),
  // PGlite loads its WASM and contrib extensions from its own package folder;
  // bundling it breaks those relative URLs.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'sharp'],
  poweredByHeader: false,
  // scripts/serve.mjs compresses outside its own HTML wrappers; `next start` lets Next do it.
  compress: process.env.TOA_SOAN_SERVER_COMPRESSES !== '1',
  images: {
    // The widths a cover is offered in (srcset). Covers are shown at most 720 px wide: 640–1,200
    // serve phones at 2–3× and the desktop columns, 1,920 the widest slot at 2.5–3×. Next's
    // default list (8 widths up to 3,840, beyond the 2,400 px an upload is stored at) repeated
    // each cover URL eight times in the HTML, 3 KB of every home page.
    deviceSizes: [640, 828, 1200, 1920],
    // The optimizer fetches only our own images: uploads and the bundled ones. Any other
    // local path (/admin, /api/…) is refused with 400; no remote host is allowed.
    localPatterns: [
      { pathname: '/media/**', search: '' },
      { pathname: '/images/**', search: '' },
    ],
  },
  experimental: {
    // forbidden() + app/forbidden.tsx: the Vietnamese 403 page for a signed-in user without the role.
    authInterrupts: true,
  },
  async redirects() {
    // The home page's internal route (the rewrite of / below) is not a second address of it:
    // redirects see only the URL the client asked for, never the rewritten one.
    return [{ source: '/trang-chu/:rest*', destination: '/', permanent: true }];
  },
  async rewrites() {
    return {
      // The home page has no route params, so it cannot be generated on first
      // request; a rewrite to a param route keeps `next build` away from the DB.
      beforeFiles: [
        { source: '/', destination: '/trang-chu/index' },
        // Malformed slugs and page numbers cannot name anything: answer the
        // static 404 before the cached routes would store a 404 for each one
        // (and fail on names too long for the file system).
        { source: `/:section(bai-viet|chuyen-muc|the|tac-gia)/:slug(${NOT_A_SLUG})/:rest*`, destination: NOT_FOUND },
        { source: `/:section(chuyen-muc|the|tac-gia)/:slug/trang/:page(${NOT_A_PAGE})`, destination: NOT_FOUND },
        { source: `/:path(${NOT_UTF8})`, destination: NOT_FOUND },
        // The image optimizer decodes its `url` parameter itself and would fail on the same bytes.
        { source: '/_next/image', has: [{ type: 'query', key: 'url', value: NOT_UTF8 }], destination: NOT_FOUND },
      ],
    };
  },
  async headers() {
    // Static headers keep public pages cacheable; /admin and /dang-nhap get their
    // nonce-based CSP per request from proxy.ts (see lib/security/headers.mjs).
    return nextConfigHeaders({ production, dev: !production });
  },
};

export default nextConfig;
