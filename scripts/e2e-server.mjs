// Serves a production build on a fresh embedded database for the end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const port = process.env.E2E_PORT ?? '3200';
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? 'data/e2e');
fs.rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: port,
  SITE_URL: `http://localhost:${port}`,
  // Visit figures are rolled up every 20 s in production; the visits spec should not wait that long.
  VISIT_ROLLUP_INTERVAL_MS: process.env.VISIT_ROLLUP_INTERVAL_MS ?? '1000',
  // No proxy in front: the browser's address is the socket's (127.0.0.1 or ::1, stamped by scripts/serve.mjs),
  // so the per-address sign-in limit counts the tests' browser as one client, whatever a shell or .env says.
  TRUSTED_PROXY_HOPS: '0',
  TRUSTED_PROXIES: '',
};
delete env.DATABASE_URL;
const nextBin = path.resolve('node_modules/.bin/next');

if (process.env.E2E_SKIP_BUILD !== '1') {
  const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// scripts/serve.mjs rather than `next start`: the same Next server, plus the connection's address for the app.
const server = spawn(process.execPath, [path.resolve('scripts/serve.mjs')], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
