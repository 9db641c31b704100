import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { LOGIN_ATTEMPT_RETENTION_MS, pruneLoginAttempts } from '@/db/queries/housekeeping';
import { loginAttempts } from '@/db/schema';
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
});
