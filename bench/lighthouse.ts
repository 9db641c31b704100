// `npm run bench:lighthouse`: Lighthouse 12 (mobile, default throttling) on the home page and
// an article, served from a production build through scripts/serve.mjs on a fresh embedded
// database, in Debian's Chromium. Prints the four scores and the metrics, median of the runs.
//
//   BENCH_RUNS         runs per page (default 3)
//   BENCH_SKIP_BUILD=1 reuses an existing build in NEXT_DIST_DIR (default .next-lighthouse)
//   BENCH_PORT         server port (default 3420)
//   CHROMIUM_PATH      browser (default /usr/bin/chromium)
//
// Lighthouse is not a dependency of the app: the script installs the pinned version into
// node_modules/.cache/lighthouse-12 the first time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildInto, startServer } from './lib';

const LIGHTHOUSE_VERSION = '12.8.2';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3420);
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next-lighthouse';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOOL_DIR = path.resolve('node_modules/.cache/lighthouse-12');
const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-lighthouse-'));
const BASE = `http://localhost:${PORT}`;

function ensureLighthouse(): string {
  const bin = path.join(TOOL_DIR, 'node_modules', '.bin', 'lighthouse');
  if (fs.existsSync(bin)) return bin;
  console.log(`installing lighthouse@${LIGHTHOUSE_VERSION} into ${TOOL_DIR}`);
  fs.mkdirSync(TOOL_DIR, { recursive: true });
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', TOOL_DIR, `lighthouse@${LIGHTHOUSE_VERSION}`], { stdio: 'inherit' });
  if (result.status !== 0 || !fs.existsSync(bin)) throw new Error('could not install lighthouse');
  return bin;
}

type Run = {
  scores: Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  mainThread: number;
  lcpElement: string;
  failing: string[];
};

type LighthouseReport = {
  categories: Record<string, { score: number }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string; title: string; details?: { items?: { items?: { node?: { selector?: string } }[] }[] } }>;
};

function lighthouse(bin: string, url: string): Run {
  const out = path.join(DATA_DIR, 'report.json');
  const result = spawnSync(
    bin,
    [
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-dev-shm-usage',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: CHROMIUM } },
  );
  if (result.status !== 0) throw new Error(`lighthouse failed on ${url}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as LighthouseReport;
  const audit = (id: string) => report.audits[id]!;
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  return {
    scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
    fcp: audit('first-contentful-paint').numericValue ?? NaN,
    lcp: audit('largest-contentful-paint').numericValue ?? NaN,
    tbt: audit('total-blocking-time').numericValue ?? NaN,
    cls: audit('cumulative-layout-shift').numericValue ?? NaN,
    speedIndex: audit('speed-index').numericValue ?? NaN,
    mainThread: audit('mainthread-work-breakdown').numericValue ?? NaN,
    lcpElement: audit('largest-contentful-paint-element').details?.items?.[0]?.items?.[0]?.node?.selector ?? '',
    failing: Object.entries(report.audits)
      .filter(([, a]) => a.score !== null && a.score < 0.9 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode ?? ''))
      .map(([id]) => id),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const bin = ensureLighthouse();
  if (process.env.BENCH_SKIP_BUILD !== '1') buildInto(DIST_DIR);
  const server = await startServer(PORT, { NEXT_DIST_DIR: DIST_DIR, DATA_DIR, SITE_URL: BASE, DATABASE_URL: '' });
  try {
    const home = await (await fetch(`${BASE}/`)).text();
    const article = home.match(/href="(\/bai-viet\/[^"]+)"/)?.[1];
    if (!article) throw new Error('no article link on the home page');
    const pages = { home: '/', article };
    // Fill the route cache first: Lighthouse measures what a reader gets from a warm server.
    for (const url of Object.values(pages)) for (let i = 0; i < 3; i++) await fetch(`${BASE}${url}`);

    console.log(`\nLighthouse ${LIGHTHOUSE_VERSION}, mobile, default (simulated) throttling, median of ${RUNS} runs\n`);
    console.log('| page | performance | accessibility | best practices | SEO | FCP s | LCP s | TBT ms | CLS | Speed Index s | main thread s | LCP element |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const [name, url] of Object.entries(pages)) {
      const runs = Array.from({ length: RUNS }, () => lighthouse(bin, `${BASE}${url}`));
      const m = (pick: (r: Run) => number) => median(runs.map(pick));
      console.log(
        `| ${name} | ${m((r) => r.scores.performance)} | ${m((r) => r.scores.accessibility)} | ${m((r) => r.scores['best-practices'])} | ${m((r) => r.scores.seo)} | ` +
          `${(m((r) => r.fcp) / 1000).toFixed(2)} | ${(m((r) => r.lcp) / 1000).toFixed(2)} | ${m((r) => r.tbt).toFixed(0)} | ${m((r) => r.cls).toFixed(3)} | ` +
          `${(m((r) => r.speedIndex) / 1000).toFixed(2)} | ${(m((r) => r.mainThread) / 1000).toFixed(2)} | \`${runs[0]!.lcpElement}\` |`,
      );
      const failing = [...new Set(runs.flatMap((r) => r.failing))];
      if (failing.length > 0) console.log(`|  | below 0.9 in some run: ${failing.join(', ')} |`);
    }
    console.log('\ntargets: 100 / 100 / 100 / 100, FCP ≤ 1.0 s, LCP ≤ 1.5 s, TBT ≤ 100 ms on home and article');
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
