import { nextConfigHeaders } from './lib/security/headers.mjs';

const production = process.env.NODE_ENV === 'production';

// Same shape as lib/slug.ts SLUG_PATTERN (at most 200 characters) and lib/route-params.ts page numbers.
const NOT_A_SLUG = '(?![a-z0-9]+(?:-[a-z0-9]+)*(?:/|$))[^/]+|[^/]{201,}';
const NOT_A_PAGE = '(?![1-9][0-9]{0,5}(?:/|$))[^/]+';
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
