/**
 * The pool's connections as the Postgres server sees them (db/queries/pool.ts), the figure behind
 * toa_soan_db_pool_connections: this process's connections are named (application_name) and
 * counted, busy ones apart. Postgres only (PGlite has no pool).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { APPLICATION_NAME, openDatabase, type DatabaseHandle } from '@/db/client';
import { poolConnections } from '@/db/queries/pool';
import { createTestDatabase, describeDb } from '../support/database';

describeDb('poolConnections', () => {
  let testDb: DatabaseHandle & { testUrl?: string };
  let pool: DatabaseHandle;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    pool = await openDatabase({ driver: 'postgres', url: testDb.testUrl!, max: 4 });
  });

  afterAll(async () => {
    await pool?.close();
    await testDb?.close();
  });

  it('counts this process’s open connections and those running a statement', async () => {
    expect(APPLICATION_NAME).toBe(`toa-soan/${process.pid}`);
    const sleeping = Promise.all([1, 2, 3].map(() => pool.db.execute(sql`SELECT pg_sleep(1)`)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = await poolConnections(pool.db);
    await sleeping;
    expect(during.active).toBeGreaterThanOrEqual(3);
    expect(during.open).toBeGreaterThanOrEqual(4);
    await expect.poll(async () => (await poolConnections(pool.db)).active).toBe(0);
  });
});
