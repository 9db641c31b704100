import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

export const nextBin = path.resolve('node_modules/.bin/next');

/** `next build` into `distDir`. With NEXT_DIST_DIR, Next rewrites tsconfig.json's include list; the working tree keeps its own. */
export function buildInto(distDir: string, env: Record<string, string | undefined> = {}): void {
  const started = Date.now();
  const tsconfig = fs.readFileSync('tsconfig.json', 'utf8');
  try {
    const result = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...process.env, ...env, NEXT_DIST_DIR: distDir } });
    if (result.status !== 0) throw new Error('next build failed');
  } finally {
    fs.writeFileSync('tsconfig.json', tsconfig);
  }
  console.log(`next build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The production server (scripts/serve.mjs, as `npm start` runs it) on `port`. */
export async function startServer(port: number, env: Record<string, string | undefined>): Promise<ChildProcess> {
  const server = spawn(process.execPath, [path.resolve('scripts/serve.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env, PORT: String(port) },
  });
  server.stdout?.on('data', () => {});
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`scripts/serve.mjs exited with ${server.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/robots.txt`);
      if (response.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error('server did not start');
}

export type LoadResult = { name: string; rps: number; p50: number; p99: number; non2xx: number; errors: number; total2xx: number; bytesPerSec: number };

export async function load(
  name: string,
  url: string,
  options: { connections?: number; duration?: number; method?: 'GET' | 'POST'; headers?: Record<string, string>; requests?: autocannon.Request[] } = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 50,
    duration: options.duration ?? 10,
    method: options.method ?? 'GET',
    headers: options.headers,
    requests: options.requests,
  });
  return summarize(name, result);
}

/**
 * `rounds` runs of `load` one after the other; the run with the median req/s is the row
 * (its p50 and p99 are that run's), so one unlucky or lucky round does not make the figure.
 */
export async function loadMedian(rounds: number, ...args: Parameters<typeof load>): Promise<LoadResult> {
  const runs: LoadResult[] = [];
  for (let i = 0; i < rounds; i++) runs.push(await load(...args));
  return runs.sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
}

/** The figures the tables print, from one autocannon run. */
export function summarize(name: string, result: autocannon.Result): LoadResult {
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total2xx: result['2xx'],
    bytesPerSec: result.throughput.average,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function printTable(rows: LoadResult[], ceiling: LoadResult): void {
  console.log('\n| target | req/s | p50 ms | p99 ms | non-2xx | errors | % of ceiling | KB/response | MB/s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const kb = r.rps > 0 ? r.bytesPerSec / r.rps / 1024 : 0;
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${((100 * r.rps) / ceiling.rps).toFixed(0)}% | ${kb.toFixed(1)} | ${(r.bytesPerSec / 1e6).toFixed(1)} |`,
    );
  }
}
