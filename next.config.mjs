import { nextConfigHeaders } from './lib/security/headers.mjs';

const production = process.env.NODE_ENV === 'production';

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
      beforeFiles: [{ source: '/', destination: '/trang-chu/index' }],
    };
  },
  async headers() {
    // Static headers keep public pages cacheable; /admin and /dang-nhap get their
    // nonce-based CSP per request from proxy.ts (see lib/security/headers.mjs).
    return nextConfigHeaders({ production, dev: !production });
  },
};

export default nextConfig;
