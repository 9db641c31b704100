/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets a second build (benchmarks, parallel work) use its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite loads its WASM and contrib extensions from its own package folder;
  // bundling it breaks those relative URLs.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'sharp'],
  poweredByHeader: false,
  async rewrites() {
    return {
      // The home page has no route params, so it cannot be generated on first
      // request; a rewrite to a param route keeps `next build` away from the DB.
      beforeFiles: [{ source: '/', destination: '/trang-chu/index' }],
    };
  },
};

export default nextConfig;
