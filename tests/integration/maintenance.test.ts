import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { LOGIN_ATTEMPT_RETENTION_MS, pruneLoginAttempts, RATE_LIMIT_COUNTER_RETENTION_MS, runHousekeeping } from '@/db/queries/housekeeping';
import { loginAttempts, rateLimitCounters } from '@/db/schema';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

describeDb(`housekeeping (${testDriver})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('prunes sign-in attempts older than a day and keeps the recent ones the lockout counts', async () => {
    const now = new Date('2026-11-29T10:00:00Z');
    const at = (msAgo: number) => new Date(now.getTime() - msAgo);
    await handle.db.insert(loginAttempts).values([
      { email: 'a@laocai.vn', ip: '10.0.0.1', success: false, createdAt: at(LOGIN_ATTEMPT_RETENTION_MS + 60_000) },
      { email: 'a@laocai.vn', ip: '10.0.0.1', success: false, createdAt: at(3 * LOGIN_ATTEMPT_RETENTION_MS) },
      { email: 'a@laocai.vn', ip: '10.0.0.1', success: false, createdAt: at(5 * 60_000) },
      { email: 'b@laocai.vn', ip: '10.0.0.2', success: true, createdAt: at(LOGIN_ATTEMPT_RETENTION_MS - 60_000) },
    ]);
    expect(await pruneLoginAttempts(handle.db, now)).toBe(2);
    const left = await handle.db.select().from(loginAttempts);
    expect(left.map((r) => r.createdAt.getTime()).sort()).toEqual([at(LOGIN_ATTEMPT_RETENTION_MS - 60_000).getTime(), at(5 * 60_000).getTime()].sort());
  });

  it('the hourly round also drops rate-limit windows that started more than a day ago and keeps the ones that still count', async () => {
    const now = new Date('2026-11-29T10:00:00Z'); // the same instant: the two recent attempts above stay
    const at = (msAgo: number) => new Date(now.getTime() - msAgo);
    expect(RATE_LIMIT_COUNTER_RETENTION_MS).toBe(86_400_000);
    await handle.db.insert(loginAttempts).values([{ email: 'c@laocai.vn', ip: '10.0.0.3', success: false, createdAt: at(2 * LOGIN_ATTEMPT_RETENTION_MS) }]);
    await handle.db.insert(rateLimitCounters).values([
      { key: 'visit:old', windowStart: at(RATE_LIMIT_COUNTER_RETENTION_MS + 60_000), count: 60 },
      { key: 'visit:older', windowStart: at(7 * RATE_LIMIT_COUNTER_RETENTION_MS), count: 3 },
      { key: 'visit:recent', windowStart: at(60_000), count: 12 },
      // A day-long window that started just under a day ago still limits: it stays.
      { key: 'daily:x', windowStart: at(RATE_LIMIT_COUNTER_RETENTION_MS - 60_000), count: 1 },
    ]);
    expect(await runHousekeeping(handle.db, now)).toEqual({ loginAttempts: 1, rateLimitCounters: 2, trashedArticles: 0 });
    const left = await handle.db.select({ key: rateLimitCounters.key }).from(rateLimitCounters);
    expect(left.map((r) => r.key).sort()).toEqual(['daily:x', 'visit:recent']);
    // Nothing left to do on the next round.
    expect(await runHousekeeping(handle.db, now)).toEqual({ loginAttempts: 0, rateLimitCounters: 0, trashedArticles: 0 });
  });
});
