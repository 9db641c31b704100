// `npm run bench`: the public site against a 100k-article database.
// Prints, side by side in one run: req/s and p50/p99 of the article page, the
// home page, a search and a static page (the framework's ceiling), 50
// connections for 10 s each, plus search latency measured at the database.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { searchPublishedArticles } from '../db/queries/search';
import { normalizeSearchQuery } from '../lib/search-query';
import { buildInto, load, percentile, printTable, startServer } from './lib';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const DATA_DIR = path.resolve(process.env.BENCH_DATA_DIR ?? `data/bench-${ARTICLES}`);
const DIST_DIR = '.next-bench';
const SEARCH_TERMS = ['lao cai', 'Lào Cai', 'chi thi 05', 'du lich sa pa', 'cua khau kim thanh', 'nông thôn mới', 'chuyen doi so', 'giáo dục', 'y te co so', 'bien gioi'];

async function ensureCorpus() {
  const marker = path.join(DATA_DIR, 'bench-ready');
  if (fs.existsSync(marker)) return;
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  console.log(`Seeding ${ARTICLES} articles into ${DATA_DIR} …`);
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/seed-bulk.ts', '--articles', String(ARTICLES)], {
    stdio: 'inherit',
    env: { ...process.env, DATA_DIR, DATABASE_URL: '' },
  });
  if (result.status !== 0) throw new Error('seed:bulk failed');
  fs.writeFileSync(marker, new Date().toISOString());
}

async function measureSearchAtDatabase() {
  const handle = await openDatabase({ driver: 'pglite', dataDir: path.join(DATA_DIR, 'pglite') });
  await migrateDatabase(handle);
  // One unmeasured pass first: a running server has its plans and pages warm.
  for (const term of SEARCH_TERMS) await searchPublishedArticles(normalizeSearchQuery(term), 1, new Date(), handle.db);
  const timings: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const term of SEARCH_TERMS) {
      const started = performance.now();
      await searchPublishedArticles(normalizeSearchQuery(term), 1 + (round % 3), new Date(), handle.db);
      timings.push(performance.now() - started);
    }
  }
  await handle.close();
  timings.sort((a, b) => a - b);
  return { runs: timings.length, p50: percentile(timings, 50), p95: percentile(timings, 95), max: timings[timings.length - 1]! };
}

async function main() {
  await ensureCorpus();
  const search = await measureSearchAtDatabase();
  buildInto(DIST_DIR);
  const env = { DATA_DIR, NEXT_DIST_DIR: DIST_DIR, DATABASE_URL: '', PORT: String(PORT) };
  const server = await startServer(PORT, env);
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const sitemap = await (await fetch(`${base}/sitemaps/articles-1.xml`)).text();
    const articlePath = /\/bai-viet\/thanh-pho-lao-cai-nhung-ket-qua[^<]*/.exec(sitemap)?.[0] ?? '/bai-viet/khong-co';
    const targets = { static: '/gioi-thieu', article: articlePath, home: '/', search: '/tim-kiem?q=lao+cai' };
    for (const p of Object.values(targets)) {
      for (let i = 0; i < 3; i++) await (await fetch(base + p)).arrayBuffer(); // first render fills the route cache
    }
    const ceiling = await load('static page (ceiling)', base + targets.static);
    const rows = [
      ceiling,
      await load('article page (cached)', base + targets.article),
      await load('home page (cached)', base + targets.home),
      await load('search "lao cai"', base + targets.search),
    ];
    console.log(`\nPublic site, ${ARTICLES.toLocaleString('en-US')} articles, PGlite, 50 connections × 10 s each`);
    printTable(rows, ceiling);
    console.log(`\nSearch at the database (${search.runs} queries over ${SEARCH_TERMS.length} terms, pages 1–3, after one warm-up pass): p50 ${search.p50.toFixed(1)} ms, p95 ${search.p95.toFixed(1)} ms, max ${search.max.toFixed(1)} ms`);
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
