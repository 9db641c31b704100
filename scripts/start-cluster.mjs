// `npm run start:cluster -- --instances N [--no-build]`: the production topology on one machine, to try it.
// Builds once if needed (`--no-build`: serve the build in .next as it is, even if sources are newer) (every instance serves the same build, so server actions and the
// build id match), starts N instances of scripts/serve.mjs on PORT+1 … PORT+N and Debian's nginx
// with the shipped deploy/nginx/toa-soan.conf on PORT (default 3000), all on 127.0.0.1,
// against DATABASE_URL and REDIS_URL (and S3 when set). Ctrl-C stops everything.
//
// PGlite is one process's database, so DATABASE_URL is required. Without REDIS_URL each
// instance keeps its own route cache: it works, but a publish shows on the other instances only
// when their copies age out (60 s); the script says so. AUTH_SECRET and SITE_URL get local
// defaults when unset (one secret shared by every instance, http://localhost:PORT).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { clusterMainConfig, clusterSiteConfig } from './cluster-nginx.mjs';

const root = process.cwd();

function instanceCount(argv) {
  const at = argv.findIndex((arg) => arg === '--instances' || arg.startsWith('--instances='));
  if (at < 0) return 2;
  const value = argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 16) {
    console.error(`--instances phải là số nguyên từ 1 đến 16 (đang là ${JSON.stringify(value)}).`);
    process.exit(1);
  }
  return count;
}

const count = instanceCount(process.argv.slice(2));
const port = Number(process.env.PORT ?? '3000');
if (!Number.isInteger(port) || port < 1 || port + count > 65535) {
  console.error(`PORT phải là số cổng hợp lệ, còn chỗ cho ${count} instance phía sau (đang là ${JSON.stringify(process.env.PORT)}).`);
  process.exit(1);
}
if (!process.env.DATABASE_URL) {
  console.error('Cần DATABASE_URL (máy chủ Postgres): PGlite chỉ dùng được cho một tiến trình, không dùng chung cho nhiều instance.');
  process.exit(1);
}
const nginxBinary = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((candidate) => fs.existsSync(candidate));
if (!nginxBinary) {
  console.error('Không tìm thấy nginx: apt-get install -y nginx-light.');
  process.exit(1);
}
if (!process.env.REDIS_URL) {
  console.warn('Chưa đặt REDIS_URL: mỗi instance giữ bộ đệm riêng, bài mới chỉ hiện ở instance khác khi bản đệm của chúng hết hạn (60 giây).');
}

if (process.argv.includes('--no-build')) {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.error('--no-build nhưng chưa có bản build trong .next: chạy `npm run build` trước.');
    process.exit(1);
  }
} else {
  buildIfStale(root);
}

const env = {
  ...process.env,
  NODE_ENV: 'production',
  SITE_URL: process.env.SITE_URL || `http://localhost:${port}`,
  // One secret for every instance, so a session signed on one is valid on all.
  AUTH_SECRET: process.env.AUTH_SECRET || crypto.randomBytes(32).toString('base64'),
  // nginx on this machine is the only proxy; it overwrites X-Forwarded-For.
  TRUSTED_PROXIES: '127.0.0.1',
  TRUSTED_PROXY_HOPS: '',
};
if (!process.env.AUTH_SECRET) console.warn('Chưa đặt AUTH_SECRET: dùng một khóa tạm cho cụm này (phiên đăng nhập mất khi dừng).');

const children = [];
let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const done = () => {
    fs.rmSync(prefix, { recursive: true, force: true });
    process.exit(code);
  };
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  if (running.length === 0) return done();
  let left = running.length;
  for (const child of running) child.once('exit', () => --left === 0 && done());
  setTimeout(done, 15_000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));

/**
 * Starts `command`, its output prefixed with `label`. When an instance dies the others go on
 * serving (nginx sends its requests to them, as in production); the cluster stops when nginx
 * dies or no instance is left.
 */
function start(label, command, args, childEnv, { essential = false } = {}) {
  const child = spawn(command, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) console.log(`[${label}] ${line}`);
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const instancesLeft = children.filter((c) => c !== child && c.isInstance && c.exitCode === null && c.signalCode === null);
    if (essential || instancesLeft.length === 0) {
      console.error(`[${label}] đã dừng (${signal ?? `mã ${code}`}); dừng cả cụm.`);
      stopAll(1);
    } else {
      console.error(`[${label}] đã dừng (${signal ?? `mã ${code}`}); ${instancesLeft.length} instance còn lại vẫn phục vụ qua nginx.`);
    }
  });
  children.push(child);
  return child;
}

const instancePorts = Array.from({ length: count }, (_, i) => port + 1 + i);
for (const [i, instancePort] of instancePorts.entries()) {
  const instance = start(`app ${i + 1}`, process.execPath, [path.join(root, 'scripts', 'serve.mjs')], { ...env, PORT: String(instancePort) });
  instance.isInstance = true;
}

const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-cluster-'));
fs.mkdirSync(path.join(prefix, 'tmp'));
const siteFile = path.join(prefix, 'toa-soan.conf');
fs.writeFileSync(siteFile, clusterSiteConfig(fs.readFileSync(path.join(root, 'deploy', 'nginx', 'toa-soan.conf'), 'utf8'), { port, instancePorts, prefix }));
const mainFile = path.join(prefix, 'nginx.conf');
fs.writeFileSync(mainFile, clusterMainConfig({ prefix, siteFile, runningAsRoot: process.getuid?.() === 0 }));
start('nginx', nginxBinary, ['-p', prefix, '-c', mainFile, '-e', path.join(prefix, 'error.log')], process.env, { essential: true });

console.log(`Cụm Tòa soạn: nginx http://localhost:${port} (SITE_URL ${env.SITE_URL})`);
const instances = children.filter((child) => child.isInstance);
for (const [i, instancePort] of instancePorts.entries()) console.log(`  instance ${i + 1}: http://127.0.0.1:${instancePort} (pid ${instances[i].pid})`);
console.log(`  nhật ký nginx: ${path.join(prefix, 'error.log')}, ${path.join(prefix, 'access.log')} (xóa khi dừng)`);
console.log('Ctrl-C để dừng tất cả.');
