import { describe } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

export type TestDriver = 'pglite' | 'postgres';

export const testDriver: TestDriver = process.env.TEST_DB_DRIVER === 'postgres' ? 'postgres' : 'pglite';

/**
 * Integration suites run once per driver. The Postgres run needs
 * TEST_DATABASE_URL (CI always sets it); without it the suite is skipped and
 * says why, so a machine without a server still runs everything else.
 */
export const postgresUnavailableReason =
  testDriver === 'postgres' && !process.env.TEST_DATABASE_URL
    ? 'TEST_DATABASE_URL is not set: skipping the Postgres run of the integration suite (set it to e.g. postgres://postgres@127.0.0.1:5432/test).'
    : null;
if (postgresUnavailableReason) console.warn(postgresUnavailableReason);

export const describeDb = postgresUnavailableReason ? describe.skip : describe;

/** A freshly migrated, empty database for one test file: an in-memory PGlite or a new schema on Postgres. */
export async function createTestDatabase(): Promise<DatabaseHandle & { testUrl?: string }> {
  if (testDriver === 'pglite') {
    const handle = await openDatabase({ driver: 'pglite', dataDir: 'memory://' });
    await migrateDatabase(handle);
    return handle;
  }
  const url = process.env.TEST_DATABASE_URL!;
  const admin = await openDatabase({ driver: 'postgres', url, max: 1 });
  // Each test file gets its own database so files cannot see each other's rows.
  const name = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
  await admin.close();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = await openDatabase({ driver: 'postgres', url: testUrl.toString(), max: 20 });
  await migrateDatabase(handle);
  return {
    ...handle,
    // Where it is, for a test that points the app itself at this database (DATABASE_URL).
    testUrl: testUrl.toString(),
    close: async () => {
      await handle.close();
      const cleanup = await openDatabase({ driver: 'postgres', url, max: 1 });
      await cleanup.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await cleanup.close();
    },
  };
}
