// `npm run bench:visits`: visit logging against a real Postgres server.
// One run, side by side: POST /api/visits next to GET/POST /api/noop (the
// framework's ceiling), 50 connections for 10 s each, with the database count
// checked against the 2xx answers; then the widget's read (the snapshot row)
// and the rollup with 1 thousand and with 10 million logged events.
//
//   BENCH_PG_URL   server to use (default postgres://postgres@127.0.0.1:5432/postgres);
//                  a database bench_visits_<pid> is created there and dropped at the end
//   BENCH_EVENTS   the large size (default 10000000)
//   BENCH_SKIP_BUILD=1 reuses an existing build in NEXT_DIST_DIR (default .next-visits)
//
// Every beacon is a distinct reader, as a real browser on one of our pages
// sends it: its own address, its own Chrome build, Origin and Sec-Fetch-Site
// of the page. The address is the X-Forwarded-For entry, so the server runs
// as behind one reverse proxy (TRUSTED_PROXY_HOPS=1: the load generator's
// connection is the proxy) and through scripts/serve.mjs (bench/lib.ts startServer), which
// tells the app the connection's address; under the default (no proxy
// trusted) every beacon would come from 127.0.0.1 and all but 60 a minute
// would be refused by the per-address limit. No address is used twice in a
// run, so no beacon is over that limit: each one costs the limiter's upsert.
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { getVisitSnapshot, runVisitRollup } from '../db/queries/visits';
import { localDay, addDays } from '../lib/time';
import { buildInto, load, percentile, printTable, startServer, summarize, type LoadResult } from './lib';

const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BIG = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const PORT = Number(process.env.BENCH_PORT ?? 3410);
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next-visits';
const DB_NAME = `bench_visits_${process.pid}`;
const DAYS = 90;

type Rows<T> = T[] | { rows: T[] };
async function query<T>(handle: DatabaseHandle, q: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await handle.db.execute(q)) as unknown as Rows<T>;
  return Array.isArray(result) ? result : result.rows;
}
const count = async (handle: DatabaseHandle, table: string) =>
  Number((await query<{ n: number }>(handle, sql.raw(`SELECT count(*)::bigint AS n FROM ${table}`)))[0]!.n);

function dbUrl(name: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(statement: string) {
  const handle = await openDatabase({ driver: 'postgres', url: PG_URL, max: 1 });
  try {
    await handle.db.execute(sql.raw(statement));
  } finally {
    await handle.close();
  }
}

// ------------------------------------------------------------------ HTTP part
type Ctx = { eventId?: string };
type CannonRequest = Omit<autocannon.Request, 'setupRequest'> & {
  setupRequest?: (req: autocannon.Request, context: Ctx) => autocannon.Request;
  onResponse?: (status: number, body: string, context: Ctx) => void;
};
const cannon = autocannon as unknown as (
  options: Omit<autocannon.Options, 'requests'> & { requests?: CannonRequest[]; amount?: number },
) => Promise<autocannon.Result>;

/** Readers across every run of the process: no address comes back, so none reaches the per-address limit. */
let readers = 0;

async function loadVisits(base: string, slugs: string[], answered: Set<string>, amount?: number): Promise<LoadResult> {
  const paths = ['/', '/chuyen-muc/tin-tuc', ...slugs.map((s) => `/bai-viet/${s}`)];
  const result = await cannon({
    url: `${base}/api/visits`,
    connections: 50,
    ...(amount ? { amount } : { duration: 10 }),
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const n = ++readers;
          const eventId = randomUUID();
          context.eventId = eventId;
          return {
            ...req,
            method: 'POST',
            path: '/api/visits',
            headers: {
              'content-type': 'text/plain;charset=UTF-8',
              // From one of our pages, as Chromium's sendBeacon sends it.
              origin: base,
              'sec-fetch-site': 'same-origin',
              // A distinct reader per request: its own address and browser build.
              'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
              'user-agent': `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.${n % 7000}.${n % 97} Safari/537.36`,
            },
            body: JSON.stringify({ path: paths[n % paths.length], referrer: n % 5 === 0 ? 'https://www.google.com/' : '', eventId }),
          };
        },
        onResponse: (status, _body, context) => {
          if (status >= 200 && status < 300 && context.eventId) answered.add(context.eventId);
        },
      },
    ],
  });
  return summarize('POST /api/visits', result);
}

// ------------------------------------------------------------------ widget part
async function seedEvents(handle: DatabaseHandle, from: number, to: number, total: number, today: string) {
  // Spread evenly over the last 90 local days in time order (as an append-only log is
  // written, so a day's rows sit together on disk), ~1 in 3 starting a visit, most on
  // article pages.
  await handle.db.execute(sql`
    INSERT INTO visit_events (event_id, occurred_at, day, visitor_hash, new_visit, path, article_id, referrer_host)
    SELECT 'seed-' || g,
      (${today}::date - (${DAYS - 1} - (g - 1) * ${DAYS} / ${total})::int)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + ((g * 7919) % 86400) * interval '1 second',
      ${today}::date - (${DAYS - 1} - (g - 1) * ${DAYS} / ${total})::int,
      decode(md5((g / 3)::text), 'hex'),
      g % 3 = 0,
      CASE WHEN g % 5 < 3 THEN '/bai-viet/x' ELSE '/' END,
      CASE WHEN g % 5 < 3 THEN (SELECT min(id) FROM articles) + (g % 20) END,
      CASE WHEN g % 10 = 0 THEN 'google.com' WHEN g % 10 = 1 THEN 'facebook.com' END
    FROM generate_series(${from}::bigint, ${to}::bigint) AS g`);
}

async function timeIt(runs: number, fn: () => Promise<unknown>) {
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 50), p99: percentile(timings, 99) };
}

async function measureWidget(handle: DatabaseHandle, label: string) {
  const now = new Date();
  const catchUpStarted = performance.now();
  await runVisitRollup(handle.db, { now, retentionDays: DAYS + 1 });
  const catchUp = performance.now() - catchUpStarted;
  const rollup = await timeIt(5, () => runVisitRollup(handle.db, { now: new Date(), retentionDays: DAYS + 1 }));
  const read = await timeIt(2000, () => getVisitSnapshot(handle.db));
  const snapshot = await getVisitSnapshot(handle.db);
  return { label, events: await count(handle, 'visit_events'), catchUp, rollup, read, snapshot };
}

// ------------------------------------------------------------------ main
async function main() {
  await admin(`CREATE DATABASE ${DB_NAME}`);
  console.log(`database ${DB_NAME} created on ${new URL(PG_URL).host}`);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  const handle = await openDatabase({ driver: 'postgres', url: dbUrl(DB_NAME), max: 4 });
  try {
    await migrateDatabase(handle);
    if (process.env.BENCH_SKIP_BUILD !== '1') buildInto(DIST_DIR);
    server = await startServer(PORT, {
      DATABASE_URL: dbUrl(DB_NAME),
      NEXT_DIST_DIR: DIST_DIR,
      PORT: String(PORT),
      SITE_URL: `http://127.0.0.1:${PORT}`,
      // app/api/noop, the ceiling measured below, answers 404 without it.
      BENCH_ROUTES_ENABLED: 'true',
      // The load generator stands in for a reverse proxy: X-Forwarded-For names the reader.
      TRUSTED_PROXY_HOPS: '1',
      TRUSTED_PROXIES: '',
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString('base64'),
    });
    const base = `http://127.0.0.1:${PORT}`;
    const slugs = (await query<{ slug: string }>(handle, sql`SELECT slug FROM articles WHERE status = 'published' ORDER BY id LIMIT 20`)).map((r) => r.slug);

    // Warm up every route, then start from an empty log.
    await load('warm-up', `${base}/api/noop`, { duration: 2 });
    const warm = await loadVisits(base, slugs, new Set());
    const limited = Number((await query<{ n: number }>(handle, sql`SELECT count(*)::int AS n FROM rate_limit_counters WHERE count > 60`))[0]!.n);
    if (warm.non2xx > 0 || limited > 0) {
      console.log(`warning: ${warm.non2xx} non-2xx answers during the warm-up, ${limited} addresses over the limit — the server does not see one reader per X-Forwarded-For`);
    }
    // The server's own rollup may be reading these tables: a deadlock with it is retried, not fatal.
    for (let attempt = 1; ; attempt++) {
      try {
        await handle.db.execute(sql`TRUNCATE visit_events, visitor_presence, rate_limit_counters`);
        break;
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code !== '40P01' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }

    const noopGet = await load('GET /api/noop', `${base}/api/noop`);
    const noopPost = await load('POST /api/noop', `${base}/api/noop`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      requests: [{ method: 'POST', body: JSON.stringify({ path: '/', referrer: '', eventId: randomUUID() }) }],
    });
    const answered = new Set<string>();
    const visits = await loadVisits(base, slugs, answered);
    await new Promise((r) => setTimeout(r, 1000)); // let the server finish requests the client abandoned at the deadline
    const stored = await count(handle, 'visit_events');
    const storedOfAnswered = answered.size
      ? Number(
          (
            await query<{ n: number }>(
              handle,
              sql`SELECT count(*)::bigint AS n FROM visit_events WHERE event_id = ANY(${`{${[...answered].join(',')}}`}::text[])`,
            )
          )[0]!.n,
        )
      : 0;
    // Exactness: a fixed number of beacons, every answer awaited, so nothing is in flight at the end.
    await handle.db.execute(sql`TRUNCATE visit_events`);
    const exactAmount = 5000;
    const exact = await loadVisits(base, slugs, new Set(), exactAmount);
    const exactStored = await count(handle, 'visit_events');
    server.kill('SIGTERM');
    server = null;

    const ceiling = noopPost.rps > noopGet.rps ? noopPost : noopGet;
    printTable([noopGet, noopPost, visits], noopPost);
    console.log(`\nPOST /api/visits: ${(100 * visits.rps / noopPost.rps).toFixed(0)}% of POST /api/noop, ${(100 * visits.rps / ceiling.rps).toFixed(0)}% of the faster no-op (target ≥ 64% of the no-op route)`);
    console.log(`2xx answers: ${visits.total2xx}; non-2xx (429 if readers shared an address): ${visits.non2xx}; events in the database: ${stored}`);
    console.log(`of the 2xx answers, stored: ${storedOfAnswered} → lost: ${answered.size - storedOfAnswered}`);
    if (stored !== visits.total2xx) {
      console.log(`(${stored - visits.total2xx} more rows than 2xx answers: requests committed after the load generator stopped listening at the 10 s deadline)`);
    }

    console.log(
      `fixed run of ${exactAmount} beacons (all answers awaited): 2xx answers ${exact.total2xx}, non-2xx ${exact.non2xx}, events in the database ${exactStored} → ${exactStored === exact.total2xx ? 'equal' : 'DIFFERENT'}`,
    );

    // Widget: 1 thousand events, then 10 million.
    await handle.db.execute(sql`TRUNCATE visit_events, visitor_presence, visit_daily, article_views_daily, referrer_daily, visit_snapshot`);
    const today = localDay(new Date());
    await seedEvents(handle, 1, 1000, 1000, today);
    await handle.db.execute(sql`ANALYZE visit_events`);
    const small = await measureWidget(handle, '1 thousand');

    const seedStarted = performance.now();
    const batch = 1_000_000;
    for (let from = 1001; from <= BIG; from += batch) {
      await seedEvents(handle, from, Math.min(BIG, from + batch - 1), BIG, today);
      process.stdout.write(`\rseeding: ${Math.min(BIG, from + batch - 1).toLocaleString('en')} events`);
    }
    await handle.db.execute(sql`VACUUM ANALYZE visit_events`);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(`\nseeded ${BIG.toLocaleString('en')} events in ${seedSeconds.toFixed(0)} s (generate_series, 1M per statement, with indexes, then VACUUM ANALYZE)`);
    await handle.db.execute(sql`TRUNCATE visit_daily, article_views_daily, referrer_daily, visit_snapshot`);
    const large = await measureWidget(handle, `${(BIG / 1e6).toFixed(0)} million`);

    console.log('\n| events logged | widget read p50 ms | p99 ms | rollup p50 ms (today+yesterday) | p99 ms | first rollup after seeding (all 90 days) ms | total shown |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const w of [small, large]) {
      console.log(
        `| ${w.events.toLocaleString('en')} | ${w.read.p50.toFixed(3)} | ${w.read.p99.toFixed(3)} | ${w.rollup.p50.toFixed(0)} | ${w.rollup.p99.toFixed(0)} | ${w.catchUp.toFixed(0)} | ${w.snapshot.total.toLocaleString('en')} |`,
      );
    }
    console.log(`\nwidget read at ${large.label}: ${large.read.p50.toFixed(3)} ms (target < 2 ms, and ≤ ${small.read.p50.toFixed(3)} ms at 1 thousand within noise)`);
    console.log(`oldest seeded day: ${addDays(today, -(DAYS - 1))}`);
  } finally {
    server?.kill('SIGTERM');
    await handle.close();
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    console.log(`database ${DB_NAME} dropped`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
