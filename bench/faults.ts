// `npm run bench:faults`: a Postgres restart under load, as readers see it. Serves the build in
// .next (built first when missing) with scripts/serve.mjs on a Postgres server of its own
// (tests/support/private-postgres.ts: the machine's shared server is never touched), runs a
// 60 s load of readers (pages from the route cache), searches (a database query each) and visit
// beacons (each from another reader), restarts Postgres at 20 s (pg_ctl stop -m fast, then
// start) and prints: answers by kind and status for every second, the outage window as readers
// saw it, acknowledged against stored visits, and the time to recovery.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { CHROME_UA, sendBeacon } from '../tests/support/beacon';
import { freePort } from '../tests/support/ports';
import { startPrivatePostgres } from '../tests/support/private-postgres';
import { buildInto, startServer } from './lib';

const DURATION_S = 60;
const RESTART_AT_S = 20;
const chrome = CHROME_UA;
type Kind = 'page' | 'search' | 'beacon';
type Sample = { kind: Kind; second: number; at: number; ms: number; status: number; eventId?: string };

async function main() {
  if (!fs.existsSync(path.resolve('.next', 'BUILD_ID'))) buildInto('.next');
  const database = await startPrivatePostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-faults-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`Postgres of its own on port ${database.port}; the server on ${base} …`);
  const server = await startServer(port, {
    DATABASE_URL: database.url,
    DATABASE_REPLICA_URLS: '',
    REDIS_URL: '',
    DATA_DIR: dataDir,
    SITE_URL: `http://localhost:${port}`,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64'),
    TRUSTED_PROXIES: '127.0.0.1',
    TRUSTED_PROXY_HOPS: '',
    VISIT_ROLLUP_INTERVAL_MS: '1000',
  });
  try {
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    const [article] = await sql<{ slug: string }[]>`SELECT slug FROM articles WHERE status = 'published' ORDER BY published_at DESC LIMIT 1`;
    const [category] = await sql<{ slug: string }[]>`SELECT slug FROM categories ORDER BY id LIMIT 1`;
    await sql.end();
    const pages = ['/', `/bai-viet/${article!.slug}`, `/chuyen-muc/${category!.slug}`, '/gioi-thieu'];
    for (let i = 0; i < 3; i++) for (const pathname of pages) await fetch(`${base}${pathname}`, { headers: { 'user-agent': chrome } }).then((r) => r.arrayBuffer());

    const samples: Sample[] = [];
    const startedAt = Date.now();
    const endsAt = startedAt + DURATION_S * 1000;
    let n = 0;
    const one = async (kind: Kind) => {
      n += 1;
      const at = Date.now();
      let eventId: string | undefined;
      let status = 0;
      try {
        let response: Response;
        if (kind === 'beacon') {
          eventId = crypto.randomUUID();
          response = await sendBeacon(base, {
            siteUrl: `http://localhost:${port}`,
            readerAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            path: pages[n % pages.length]!,
            eventId,
          });
        } else {
          const pathname = kind === 'page' ? pages[n % pages.length]! : `/tim-kiem?q=${encodeURIComponent(`lao cai ${n}`)}`;
          response = await fetch(`${base}${pathname}`, { headers: { 'user-agent': chrome } });
        }
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = 0;
      }
      samples.push({ kind, second: Math.floor((at - startedAt) / 1000), at, ms: Date.now() - at, status, eventId });
    };
    const workers: Kind[] = ['page', 'page', 'page', 'page', 'search', 'search', 'beacon', 'beacon', 'beacon', 'beacon'];
    const load = Promise.all(
      workers.map(async (kind) => {
        while (Date.now() < endsAt) await one(kind);
      }),
    );

    await new Promise((resolve) => setTimeout(resolve, RESTART_AT_S * 1000));
    const restartStarted = Date.now();
    database.stop();
    database.start();
    const restartDone = Date.now();
    let readyAgain = NaN;
    while (Number.isNaN(readyAgain) && Date.now() < endsAt) {
      const status = await fetch(`${base}/api/health/ready`).then((r) => r.status, () => 0);
      if (status === 200) readyAgain = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await load;

    const kinds: Kind[] = ['page', 'search', 'beacon'];
    const statusesOf = (list: Sample[]) => {
      const counts: Record<string, number> = {};
      for (const s of list) counts[s.status || 'error'] = (counts[s.status || 'error'] ?? 0) + 1;
      return Object.entries(counts)
        .sort()
        .map(([status, count]) => `${status}×${count}`)
        .join(' ');
    };
    console.log(`\nAnswers by second (restart: pg_ctl stop -m fast + start at ${RESTART_AT_S} s, took ${restartDone - restartStarted} ms)\n`);
    console.log('| s | pages | searches | beacons |');
    console.log('|---:|---|---|---|');
    for (let second = 0; second < DURATION_S; second++) {
      const inSecond = samples.filter((s) => s.second === second);
      console.log(`| ${second} | ${kinds.map((kind) => statusesOf(inSecond.filter((s) => s.kind === kind))).join(' | ')} |`);
    }

    const failed = samples.filter((s) => !(s.status >= 200 && s.status < 400));
    const window = failed.length ? { from: Math.min(...failed.map((s) => s.at)), to: Math.max(...failed.map((s) => s.at + s.ms)) } : null;
    console.log('');
    for (const kind of kinds) {
      const own = samples.filter((s) => s.kind === kind);
      const bad = own.filter((s) => !(s.status >= 200 && s.status < 400));
      console.log(`${kind}: ${own.length} requests, not 2xx: ${statusesOf(bad) || 'none'}; slowest ${Math.max(...own.map((s) => s.ms))} ms`);
    }
    console.log(
      window
        ? `Outage as readers saw it: ${((window.to - window.from) / 1000).toFixed(2)} s (first refused answer ${((window.from - restartStarted) / 1000).toFixed(2)} s after the stop began, last one ended ${((window.to - restartDone) / 1000).toFixed(2)} s after Postgres was up again)`
        : 'Outage as readers saw it: none',
    );
    console.log(`Time to recovery: /api/health/ready 200 ${Number.isNaN(readyAgain) ? 'never' : `${readyAgain - restartDone} ms`} after Postgres was up again, same process`);

    const acknowledged = samples.filter((s) => s.kind === 'beacon' && s.status === 202).map((s) => s.eventId!);
    const check = postgres(database.url, { max: 1, onnotice: () => {} });
    const stored = new Set((await check<{ id: string }[]>`SELECT event_id AS id FROM visit_events`).map((row) => row.id));
    await check.end();
    const lost = acknowledged.filter((id) => !stored.has(id)).length;
    console.log(`Visits: ${acknowledged.length} acknowledged (202), ${stored.size} stored, ${lost} acknowledged but lost`);
    console.log(`Answers 500 or no answer: ${samples.filter((s) => s.status === 500 || s.status === 0).length}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
