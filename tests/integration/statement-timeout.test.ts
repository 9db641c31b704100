/**
 * A slow database, for real, on the Postgres server: the articles table locked by another session
 * for as long as the test wants. With DATABASE_STATEMENT_TIMEOUT_MS, a request waiting on the lock
 * fails at the timeout with a 503 (never hangs), more requests than the pool has connections all
 * fail the same way, and once the lock goes the very next request succeeds: the pool is not left
 * exhausted. Postgres only (PGlite has one connection and no other session to hold a lock).
 */
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GET as searchRoute } from '@/app/api/search/route';
import { closeDb } from '@/db';
import type { DatabaseHandle } from '@/db/client';
import { resetEnv } from '@/lib/env';
import { createTestDatabase, describeDb } from '../support/database';

const TIMEOUT_MS = 800;
const POOL_SIZE = 3;
const saved = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_STATEMENT_TIMEOUT_MS: process.env.DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE };

const search = async (q: string) => {
  const started = Date.now();
  const response = await searchRoute(new Request(`http://localhost/api/search?q=${encodeURIComponent(q)}`));
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { code?: string }, ms: Date.now() - started };
};

describeDb('DATABASE_STATEMENT_TIMEOUT_MS on a locked table', () => {
  let handle: DatabaseHandle & { testUrl?: string };
  let locker: postgres.Sql;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await closeDb();
    process.env.DATABASE_URL = testUrlOf(handle);
    process.env.DATABASE_STATEMENT_TIMEOUT_MS = String(TIMEOUT_MS);
    process.env.DATABASE_POOL_SIZE = String(POOL_SIZE);
    resetEnv();
    locker = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await closeDb();
    await locker?.end({ timeout: 5 });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnv();
    await handle?.close();
  });

  it('answers 503 at the timeout while the lock is held, for more requests than the pool has, then works at once', async () => {
    expect((await search('lao cai')).status).toBe(200);

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = locker.begin(async (tx) => {
      await tx`LOCK TABLE articles IN ACCESS EXCLUSIVE MODE`;
      locked();
      await released;
    });
    await isLocked;
    try {
      const answers = await Promise.all(Array.from({ length: POOL_SIZE * 3 }, (_, i) => search(`sa pa ${i}`)));
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.retryAfter).toBe('5');
        expect(answer.body.code).toBe('service_unavailable');
      }
      // Each waits at most the timeout for the lock, in turns of POOL_SIZE; none waits for the lock to go.
      expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(TIMEOUT_MS * 3 * 2 + 1_500);
    } finally {
      release();
      await holding;
    }
    const after = await search('lao cai moi');
    expect(after.status).toBe(200);
    expect(after.ms).toBeLessThan(TIMEOUT_MS);
  });
});

/** The URL of the test's own database (createTestDatabase makes one per file on Postgres). */
function testUrlOf(handle: { testUrl?: string }): string {
  if (!handle.testUrl) throw new Error('createTestDatabase did not say its URL');
  return handle.testUrl;
}
