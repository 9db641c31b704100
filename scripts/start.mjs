// `npm start`: build when the build is missing or older than the sources, then serve (scripts/serve.mjs).
// Migrations and the demo seed run inside the server at start-up (instrumentation.ts).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const buildId = path.join(root, '.next', 'BUILD_ID');
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

const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const sourcesAt = Math.max(...[...sourceDirs, ...sourceFiles].map((p) => newestMtime(path.join(root, p))));
const nextBin = path.join(root, 'node_modules', '.bin', 'next');

if (builtAt < sourcesAt) {
  // The data cache the previous server filled belongs to the previous build;
  // left in place, the build would try to refresh it (and the build never opens the database).
  fs.rmSync(path.join(root, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true });
  console.log('Đang build ứng dụng (next build)…');
  const build = spawnSync(nextBin, ['build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? '3000';
// scripts/serve.mjs rather than `next start`: the same Next server, plus the connection's address for the app (lib/http/client-ip.ts).
const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], { stdio: 'inherit', env: { ...process.env, PORT: port } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
