import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { createClient } from 'redis';
import { getDb } from '@/db';
import { migrationsFolder } from '@/db/migrate';
import { newestAppliedMigration, pingDatabase } from '@/db/queries/health';
import { env } from '@/lib/env';
import { migrationsProblem, withinDeadline, type CheckResult, type ReadinessChecks } from '@/lib/health';

/** Each check answers within this (ms), whatever the database or Redis does. */
export const CHECK_DEADLINE_MS = 1_000;

class DeadlinePassed extends Error {}

/**
 * Runs one check. The answer is public (a load balancer reads it, often through nginx), so it
 * carries our own words only: a driver's message (host names, ports, user names) goes to the
 * server's log, the answer says `failure`.
 */
async function timed(name: string, failure: string, work: () => Promise<string | null>): Promise<CheckResult> {
  const started = performance.now();
  try {
    const problem = await work();
    const ms = Math.round(performance.now() - started);
    return problem ? { ok: false, ms, problem } : { ok: true, ms };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    if (error instanceof DeadlinePassed) return { ok: false, ms, problem: error.message };
    console.warn(`[health] ${name}:`, error instanceof Error ? error.message : error);
    return { ok: false, ms, problem: failure };
  }
}

/** withinDeadline, its rejection marked as ours (safe to show). */
const inTime = <T>(work: Promise<T>, what: string) =>
  withinDeadline(work, CHECK_DEADLINE_MS, what).catch((error: unknown) => {
    if (error instanceof Error && error.message.endsWith(`không trả lời trong ${CHECK_DEADLINE_MS} ms`)) throw new DeadlinePassed(error.message);
    throw error;
  });

let journal: number[] | undefined;
/** The journal's migration times, read once: they change only with a new build. */
function journalWhen(): number[] {
  journal ??= (JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] }).entries.map(
    (entry) => entry.when,
  );
  return journal;
}

async function databaseCheck(): Promise<string | null> {
  const db = await inTime(getDb(), 'cơ sở dữ liệu');
  await inTime(pingDatabase(db), 'cơ sở dữ liệu');
  return null;
}

async function migrationsCheck(): Promise<string | null> {
  const db = await inTime(getDb(), 'cơ sở dữ liệu');
  const newest = await inTime(newestAppliedMigration(db), 'bảng migration');
  return migrationsProblem(journalWhen(), newest);
}

function newHealthRedis(url: string) {
  return createClient({
    url,
    name: 'toa-soan-health',
    disableOfflineQueue: true,
      socket: { connectTimeout: CHECK_DEADLINE_MS, reconnectStrategy: (retries: number) => Math.min(200 * (retries + 1), 2_000) },
  });
}
type RedisClient = ReturnType<typeof newHealthRedis>;
const state = globalThis as unknown as { __toaSoanHealthRedis?: RedisClient };

/** One connection for the probes, kept and reconnected by the client itself; it never keeps the process alive. */
function healthRedis(url: string): RedisClient {
  if (!state.__toaSoanHealthRedis) {
    const client = newHealthRedis(url);
    // Errors are the probe's answer, not a crash: the check below reports them.
    client.on('error', () => {});
    void client.connect().catch(() => {});
    client.unref();
    state.__toaSoanHealthRedis = client;
  }
  return state.__toaSoanHealthRedis;
}

async function redisCheck(url: string): Promise<string | null> {
  const client = healthRedis(url);
  if (!client.isReady) {
    // Just created, or reconnecting: give it the rest of the deadline to come up.
    await inTime(new Promise((resolve) => client.once('ready', resolve)), 'Redis');
  }
  const answer = await inTime(client.ping(), 'Redis');
  return answer === 'PONG' ? null : `Redis trả lời ${String(answer)}`;
}

/** Runs every check side by side; none waits longer than CHECK_DEADLINE_MS. */
export async function checkReadiness(): Promise<ReadinessChecks> {
  const redisUrl = env().REDIS_URL;
  const [database, migrations, redis] = await Promise.all([
    timed('database', 'không truy vấn được', databaseCheck),
    timed('migrations', 'không đọc được bảng migration', migrationsCheck),
    redisUrl ? timed('redis', 'không kết nối được', () => redisCheck(redisUrl)) : Promise.resolve(undefined),
  ]);
  return redis ? { database, migrations, redis } : { database, migrations };
}
