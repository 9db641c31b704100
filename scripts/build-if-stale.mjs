// `next build` when the build is missing or older than the sources: what `npm start` and
// `npm run start:cluster` do before serving.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const sourceDirs = ['app', 'components', 'db', 'lib', 'server', 'public', 'drizzle'];
const sourceFiles = ['next.config.mjs', 'package-lock.json', 'instrumentation.ts', 'proxy.ts', 'tsconfig.json'];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds into .next when needed; exits the process with the build's status if it fails. */
export function buildIfStale(root = process.cwd()) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(...[...sourceDirs, ...sourceFiles].map((p) => newestMtime(path.join(root, p))));
  if (builtAt >= sourcesAt) return;
  // The data cache the previous server filled belongs to the previous build;
  // left in place, the build would try to refresh it (and the build never opens the database).
  fs.rmSync(path.join(root, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true });
  console.log('Đang build ứng dụng (next build)…');
  const build = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
