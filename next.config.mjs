import { nextConfigHeaders } from './lib/security/headers.mjs';
import { MAX_SLUG_LENGTH, PAGE_NUMBER_SOURCE, SLUG_SOURCE } from './lib/slug-pattern.mjs';

const production = process.env.NODE_ENV === 'production';

// A path segment lib/route-params.ts would refuse, shapes from lib/slug-pattern.mjs (upper case
// aside: Next matches rewrites case-insensitively, so the page itself answers 404 for it).
const NOT_A_SLUG = `(?!${SLUG_SOURCE}(?:/|$))[^/]+|[^/]{${MAX_SLUG_LENGTH + 1},}`;
const NOT_A_PAGE = `(?!${PAGE_NUMBER_SOURCE}(?:/|$))[^/]+`;
const NOT_FOUND = '/_khong-tim-thay';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets a second build (benchmarks, parallel work) use its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite loads its WASM and contrib extensions from its own package folder;
  // bundling it breaks those relative URLs.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'sharp'],
  poweredByHeader: false,
  experimental: {
    // forbidden() + app/forbidden.tsx: the Vietnamese 403 page for a signed-in user without the role.
    authInterrupts: true,
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
        { source: '/trang-chu/:key((?!index$).*)', destination: NOT_FOUND },
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
