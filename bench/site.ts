// `npm run bench`: the public site against a 100k-article database.
// Prints, side by side in one run: req/s and p50/p99 of the article page, the
// home page, a search (repeated: served by the results cache; and a different
// page each request: every one a database query) and a static page (the
// framework's ceiling), 50 connections for 10 s each, plus search latency
// measured at the database: on the embedded PGlite, and on a Postgres server
// too when BENCH_PG_URL is set (its corpus is kept in `bench_search_<n>`).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { searchPublishedArticles } from '../db/queries/search';
import { normalizeSearchQuery } from '../lib/search-query';
import { buildInto, load, loadMedian, percentile, printTable, startServer, type LoadResult } from './lib';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const DATA_DIR = path.resolve(process.env.BENCH_DATA_DIR ?? `data/bench-${ARTICLES}`);
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next-bench';
// What readers type: with and without diacritics, common words (in ~40% of
// the corpus), rarer names, a quoted phrase, an excluded word, a long query.
const SEARCH_TERMS = [
  'lao cai',
  'Lào Cai',
  'chi thi 05',
  'du lich sa pa',
  'cua khau kim thanh',
  'nông thôn mới',
  'chuyen doi so',
  'giáo dục',
  'y te co so',
  'bien gioi',
  '"y tế cơ sở"',
  'lễ hội đền thượng',
  'tả phời mùa lúa chín',
  'hà khẩu -du lịch',
  'thành phố lào cai thông xe tuyến đường nối phường bắc cường với xã cam đường',
];
const SEARCH_QUERIES = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Ghost 6.65 serving the same seed article on this machine, measured beside it when the
// targets were set (77 req/s, p50 561 ms, p99 2,610 ms): the public pages must do 20 times that.
const GHOST_ARTICLE_RPS = 77;
const TARGETS = { ofCeiling: 0.8, rps: 20 * GHOST_ARTICLE_RPS, p99: 100 };

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

/** Database time per search, timed around the query function itself (no cache, no HTTP). */
async function measureSearchAtDatabase(handle: DatabaseHandle) {
  // One unmeasured pass first: a running server has its plans and pages warm.
  for (const term of SEARCH_TERMS) await searchPublishedArticles(normalizeSearchQuery(term), 1, new Date(), handle.db);
  const timings: { ms: number; term: string; page: number }[] = [];
  for (let i = 0; i < SEARCH_QUERIES; i++) {
    const term = SEARCH_TERMS[i % SEARCH_TERMS.length]!;
    const page = 1 + (Math.floor(i / SEARCH_TERMS.length) % 3);
    const started = performance.now();
    await searchPublishedArticles(normalizeSearchQuery(term), page, new Date(), handle.db);
    timings.push({ ms: performance.now() - started, term, page });
  }
  const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
  const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { runs: timings.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: slowest.ms, slowest: `${slowest.term} (page ${slowest.page})` };
}

type SearchTiming = Awaited<ReturnType<typeof measureSearchAtDatabase>>;

function describeSearch(where: string, t: SearchTiming): string {
  return `Search at the database, ${where} (${t.runs} queries over ${SEARCH_TERMS.length} terms, pages 1–3, after one warm-up pass): p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, max ${t.max.toFixed(1)} ms (${t.slowest})`;
}

async function measureSearchOnPglite() {
  const handle = await openDatabase({ driver: 'pglite', dataDir: path.join(DATA_DIR, 'pglite') });
  try {
    await migrateDatabase(handle);
    return await measureSearchAtDatabase(handle);
  } finally {
    await handle.close();
  }
}

/**
 * The same corpus on a Postgres server, in its own database, kept between
 * runs (seeding 100k articles takes minutes) and built afresh when its
 * article count is not the expected one.
 */
async function measureSearchOnPostgres(serverUrl: string) {
  const name = `bench_search_${ARTICLES}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n?: number }[];
  const admin = await openDatabase({ driver: 'postgres', url: serverUrl, max: 1 });
  try {
    const exists = rowsOf(await admin.db.execute(sql`SELECT 1 FROM pg_database WHERE datname = ${name}`)).length > 0;
    let ready = false;
    if (exists) {
      const probe = await openDatabase({ driver: 'postgres', url: url.toString(), max: 1 });
      try {
        const [row] = rowsOf(await probe.db.execute(sql.raw(`SELECT count(*)::int AS n FROM articles WHERE slug LIKE 'tin-tong-hop-tn%'`)));
        ready = Number(row?.n) === ARTICLES;
      } catch {
        ready = false; // not migrated yet
      } finally {
        await probe.close();
      }
    }
    if (!ready) {
      await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
      console.log(`Seeding ${ARTICLES} articles into the Postgres database ${name} …`);
      const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/seed-bulk.ts', '--articles', String(ARTICLES)], {
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: url.toString() },
      });
      if (result.status !== 0) throw new Error('seed:bulk failed');
    }
  } finally {
    await admin.close();
  }
  const handle = await openDatabase({ driver: 'postgres', url: url.toString(), max: 1 });
  try {
    await migrateDatabase(handle);
    // What autovacuum does on a server that has been running: statistics and the visibility map.
    await handle.db.execute(sql`VACUUM ANALYZE articles`);
    return { timing: await measureSearchAtDatabase(handle), url: url.toString() };
  } finally {
    await handle.close();
  }
}

/** Whether a cached page meets the targets, as a line under the table. */
/**
 * Rounds of the pages taken in turn (static, article, home, static, …) and the median round of
 * each: the ratio between them is then measured under the same conditions, not in three blocks
 * of rounds a minute apart, between which this machine's speed was seen to drift by a quarter.
 */
type Page = [name: string, url: string];

async function interleavedMedians(rounds: number, pages: [Page, Page, Page], options: Parameters<typeof load>[2] = {}): Promise<[LoadResult, LoadResult, LoadResult]> {
  const runs: LoadResult[][] = pages.map(() => []);
  for (let r = 0; r < rounds; r++) for (const [i, [name, url]] of pages.entries()) runs[i]!.push(await load(name, url, options));
  const median = (list: LoadResult[]) => list.sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)]!;
  return [median(runs[0]!), median(runs[1]!), median(runs[2]!)];
}

function verdict(row: LoadResult, ceiling: LoadResult): string {
  const share = row.rps / ceiling.rps;
  const checks = [
    `${(100 * share).toFixed(0)}% of the static page (target ≥ ${100 * TARGETS.ofCeiling}%) ${share >= TARGETS.ofCeiling ? 'met' : 'MISSED'}`,
    `${(row.rps / GHOST_ARTICLE_RPS).toFixed(1)}× Ghost's article (target ≥ 20×, ${TARGETS.rps} req/s) ${row.rps >= TARGETS.rps ? 'met' : 'MISSED'}`,
    `p99 ${row.p99} ms (target < ${TARGETS.p99} ms) ${row.p99 < TARGETS.p99 ? 'met' : 'MISSED'}`,
  ];
  return `${row.name}: ${checks.join('; ')}`;
}

/** The two search rows through HTTP: one query repeated (the results cache) and a new page each request (the database). */
async function searchRows(base: string, label: string): Promise<LoadResult[]> {
  let page = 0;
  const nextPage = () => (page++ % 1000) + 1;
  const path = '/tim-kiem?q=lao+cai';
  return [
    await loadMedian(ROUNDS, `search "lao cai" (repeated: results cache), ${label}`, base + path),
    // Every request another page: another cache key, so each is a database query.
    await loadMedian(ROUNDS, `search "lao cai", a new page each request, ${label}`, base, {
      requests: [{ setupRequest: (req) => ({ ...req, path: `${path}&page=${nextPage()}` }) }],
    }),
  ];
}

async function main() {
  await ensureCorpus();
  const search = await measureSearchOnPglite();
  const postgres = process.env.BENCH_PG_URL ? await measureSearchOnPostgres(process.env.BENCH_PG_URL) : null;
  if (process.env.BENCH_SKIP_BUILD !== '1') buildInto(DIST_DIR);
  const env = { DATA_DIR, NEXT_DIST_DIR: DIST_DIR, DATABASE_URL: '' };
  let server = await startServer(PORT, env);
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const sitemap = await (await fetch(`${base}/sitemaps/articles-1.xml`)).text();
    const articlePath = /\/bai-viet\/thanh-pho-lao-cai-nhung-ket-qua[^<]*/.exec(sitemap)?.[0] ?? '/bai-viet/khong-co';
    const targets = { static: '/gioi-thieu', article: articlePath, home: '/', search: '/tim-kiem?q=lao+cai' };
    for (const p of Object.values(targets)) {
      for (let i = 0; i < 3; i++) await (await fetch(base + p)).arrayBuffer(); // first render fills the route cache
    }
    const [ceiling, article, home] = await interleavedMedians(ROUNDS, [
      ['static page (ceiling)', base + targets.static],
      ['article page (cached)', base + targets.article],
      ['home page (cached)', base + targets.home],
    ]);
    const searchOnPglite = await searchRows(base, 'PGlite');
    const rows = [ceiling, article, home, ...searchOnPglite];
    console.log(`\nPublic site, ${ARTICLES.toLocaleString('en-US')} articles, PGlite, 50 connections × 10 s, median of ${ROUNDS} rounds`);
    printTable(rows, ceiling);
    console.log('');
    for (const row of [article, home]) console.log(verdict(row, ceiling));

    // The same three pages as browsers and the shipped proxy ask for them (gzip). Uncompressed,
    // the loopback run is bound by bytes copied (all three rows near the same MB/s), so the
    // ratio above is the ratio of page sizes; compressed, it is the cost of answering a request.
    const gzip = { headers: { 'accept-encoding': 'gzip' } };
    const [ceilingGzip, articleGzip, homeGzip] = await interleavedMedians(
      ROUNDS,
      [
        ['static page (ceiling), gzip', base + targets.static],
        ['article page (cached), gzip', base + targets.article],
        ['home page (cached), gzip', base + targets.home],
      ],
      gzip,
    );
    console.log(`\nThe same pages with Accept-Encoding: gzip, as browsers and the proxy send it`);
    printTable([ceilingGzip, articleGzip, homeGzip], ceilingGzip);
    console.log('');
    for (const row of [articleGzip, homeGzip]) console.log(verdict(row, ceilingGzip));
    const repeatedPglite = searchOnPglite[0]!;
    console.log(
      `${repeatedPglite.name}: ${repeatedPglite.errors} errors, p99 ${repeatedPglite.p99} ms (target 0 errors, p99 < 1000 ms) ${repeatedPglite.errors === 0 && repeatedPglite.p99 < 1000 ? 'met' : 'MISSED'}`,
    );
    if (postgres) {
      // The same build on the Postgres corpus, for search: the pages above are served from the route cache either way.
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      server = await startServer(PORT, {
        NEXT_DIST_DIR: DIST_DIR,
        DATABASE_URL: postgres.url,
        DATA_DIR: path.join(DATA_DIR, 'postgres-run'),
        // Production on a database server refuses to start without a signing secret and its public address.
        AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString('base64'),
        SITE_URL: base,
      });
      for (let i = 0; i < 3; i++) await (await fetch(base + targets.search)).arrayBuffer();
      const onPostgres = await searchRows(base, 'Postgres');
      console.log(`\nSearch on Postgres, the same corpus and build`);
      printTable(onPostgres, ceiling);
      const repeated = onPostgres[0]!;
      console.log(
        `\n${repeated.name}: ${repeated.rps.toFixed(0)} req/s, p99 ${repeated.p99} ms (target ≥ 300 req/s, p99 < 200 ms) ${repeated.rps >= 300 && repeated.p99 < 200 ? 'met' : 'MISSED'}`,
      );
    }
    console.log('search targets: PGlite 0 errors and p99 < 1 s; Postgres ≥ 300 req/s and p99 < 200 ms; at the database p95 < 50 ms');
    console.log(`\n${describeSearch('PGlite', search)}`);
    if (postgres) console.log(describeSearch('Postgres', postgres.timing));
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
