// `npm run bench:cluster`: the production topology under load, in one run. Starts the local
// cluster (`npm run start:cluster -- --instances 2`: two instances of the build behind Debian's
// nginx with the shipped config, Postgres, Redis) and measures, 50 connections × 10 s each:
//   - nginx serving a static file of the article page's bytes (the physical ceiling);
//   - the article page and the home page through the proxy, its cache warm;
//   - the article page from one instance directly;
//   - the article page from both instances behind the proxy with its cache off (a session
//     cookie, which the shipped config never answers from the cache).
// Every request asks for gzip, as browsers do. The load generator is wrk when installed
// (`apt-get install wrk`: C, two threads, much lighter than the server it measures), otherwise
// autocannon, which in one Node thread saturates before nginx does (the script says so).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { clusterMainConfig } from '../scripts/cluster-nginx.mjs';
import { proxyGet, startCluster, type RunningCluster } from '../tests/support/cluster';
import { freePort } from '../tests/support/ports';

const CONNECTIONS = 50;
const DURATION_S = 10;
const TARGETS = { ofStatic: 0.7, p99Ms: 10 };
const nginxBinary = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((candidate) => fs.existsSync(candidate));
const wrk = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((candidate) => fs.existsSync(candidate));

type Row = { name: string; rps: number; p50: number; p99: number; failed: number; total: number; kbPerResponse: number };

function parseWrkDuration(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) return NaN;
  const value = Number(match[1]);
  return { us: value / 1000, ms: value, s: value * 1000, m: value * 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
}

function parseWrkBytes(text: string): number {
  const match = /^([\d.]+)([KMG]?B)$/.exec(text.trim());
  if (!match) return NaN;
  return Number(match[1]) * { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[match[2] as 'B' | 'KB' | 'MB' | 'GB'];
}

async function measure(name: string, port: number, pathname: string, headers: Record<string, string>): Promise<Row> {
  const allHeaders = { 'accept-encoding': 'gzip', ...headers };
  if (wrk) {
    const args = ['-t2', `-c${CONNECTIONS}`, `-d${DURATION_S}s`, '--latency', '--timeout', '10s'];
    for (const [header, value] of Object.entries(allHeaders)) args.push('-H', `${header}: ${value}`);
    args.push(`http://127.0.0.1:${port}${pathname}`);
    const run = spawnSync(wrk, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
    const out = run.stdout;
    const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
    const bytes = parseWrkBytes(/requests in [^,]+, (\S+) read/.exec(out)?.[1] ?? '0B');
    const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
    return {
      name,
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
      p50: parseWrkDuration(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ''),
      p99: parseWrkDuration(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ''),
      failed: non2xx + (errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
      total,
      kbPerResponse: total ? bytes / total / 1024 : 0,
    };
  }
  const result = await autocannon({ url: `http://127.0.0.1:${port}${pathname}`, connections: CONNECTIONS, duration: DURATION_S, headers: allHeaders });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
    kbPerResponse: result.requests.total ? (result.throughput.average * DURATION_S) / result.requests.total / 1024 : 0,
  };
}

/**
 * nginx serving the article page's bytes as one file, compressed ahead of time (gzip_static): the least work nginx
 * can do for this page, so the ceiling for anything in front of the app.
 */
async function startStaticNginx(html: Buffer, gzipped: Buffer): Promise<{ port: number; stop: () => void }> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-bench-static-'));
  fs.mkdirSync(path.join(prefix, 'tmp'));
  fs.mkdirSync(path.join(prefix, 'root'));
  fs.writeFileSync(path.join(prefix, 'root', 'index.html'), html);
  fs.writeFileSync(path.join(prefix, 'root', 'index.html.gz'), gzipped);
  const port = await freePort();
  // The cluster's main config (one file's worth of http {}: mime types, access log, temp paths), with this site.
  const siteFile = path.join(prefix, 'static.conf');
  fs.writeFileSync(
    siteFile,
    [
      'gzip_static on; gzip_vary on;',
      `server { listen 127.0.0.1:${port}; root ${path.join(prefix, 'root')}; location / { try_files /index.html =404; default_type text/html; } }`,
    ].join('\n'),
  );
  const config = clusterMainConfig({ prefix, siteFile, runningAsRoot: process.getuid?.() === 0 });
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), config);
  const child: ChildProcess = spawn(nginxBinary!, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log')], { stdio: 'inherit' });
  for (let i = 0; i < 50; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    stop: () => {
      child.kill('SIGTERM');
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

async function main() {
  if (!nginxBinary) throw new Error('nginx is needed: apt-get install -y nginx-light');
  if (!wrk) console.warn('wrk is not installed (apt-get install wrk): measuring with autocannon, which saturates before nginx; the nginx rows are then the load generator\'s limit.');
  console.log('Starting the cluster (2 instances, nginx, Redis, Postgres; builds first if the build is stale) …');
  const cluster: RunningCluster = await startCluster({ instances: 2, build: true });
  let staticServer: { port: number; stop: () => void } | undefined;
  try {
    const sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
    const [article] = await sql<{ slug: string }[]>`SELECT slug FROM articles WHERE status = 'published' ORDER BY published_at DESC LIMIT 1`;
    await sql.end();
    const articlePath = `/bai-viet/${article!.slug}`;

    // Warm every cache (the instances' and nginx's), and take the article's bytes as nginx sends them.
    for (let i = 0; i < 5; i++) {
      for (const pathname of [articlePath, '/']) {
        await proxyGet(cluster.proxyPort, pathname);
        await proxyGet(cluster.proxyPort, pathname, { 'accept-encoding': 'gzip' });
        for (const instance of cluster.instances) await fetch(`${instance.url}${pathname}`).then((r) => r.arrayBuffer());
      }
    }
    const page = await proxyGet(cluster.proxyPort, articlePath);
    const compressed = await proxyGet(cluster.proxyPort, articlePath, { 'accept-encoding': 'gzip' });
    if (page.status !== 200 || compressed.headers['x-cache'] !== 'HIT' || compressed.headers['content-encoding'] !== 'gzip') {
      throw new Error(`the article is not a gzip HIT through nginx (${compressed.status} ${compressed.headers['x-cache']} ${compressed.headers['content-encoding']})`);
    }
    staticServer = await startStaticNginx(page.raw, compressed.raw);

    // wrk sets its own Host unless given one spelt exactly so.
    const host = { Host: 'localhost' };
    const rows: Row[] = [];
    rows.push(await measure('nginx, static file of the article page (ceiling)', staticServer.port, '/', {}));
    rows.push(await measure('article page through the proxy (cache warm)', cluster.proxyPort, articlePath, host));
    rows.push(await measure('home page through the proxy (cache warm)', cluster.proxyPort, '/', host));
    rows.push(await measure('article page, one instance directly', cluster.instances[0]!.port, articlePath, {}));
    rows.push(
      await measure('article page, two instances behind the proxy, cache off', cluster.proxyPort, articlePath, {
        ...host,
        cookie: 'authjs.session-token=bench-bypasses-the-cache',
      }),
    );

    const ceiling = rows[0]!;
    console.log(`\n${wrk ? 'wrk -t2' : 'autocannon'}, ${CONNECTIONS} connections, ${DURATION_S} s each, Accept-Encoding: gzip\n`);
    console.log('| target | req/s | p50 ms | p99 ms | failed | % of nginx static | KB/response |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.failed} | ${((100 * r.rps) / ceiling.rps).toFixed(0)}% | ${r.kbPerResponse.toFixed(1)} |`,
      );
    }
    console.log('');
    for (const r of rows.slice(1, 3)) {
      const ratio = r.rps / ceiling.rps;
      console.log(
        `${r.name}: ${(100 * ratio).toFixed(0)}% of nginx static (target ≥ ${100 * TARGETS.ofStatic}%) ${ratio >= TARGETS.ofStatic ? 'met' : 'MISSED'}; ` +
          `p99 ${r.p99.toFixed(2)} ms (target < ${TARGETS.p99Ms} ms) ${r.p99 < TARGETS.p99Ms ? 'met' : 'MISSED'}`,
      );
    }
  } finally {
    staticServer?.stop();
    await cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
