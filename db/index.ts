import { configFromEnv, openDatabase, type Database, type DatabaseHandle } from './client';

export type { Database, Executor, Transaction } from './client';

const globalForDb = globalThis as unknown as { __toaSoanDb?: Promise<DatabaseHandle> };

/** The one database client of this process (PGlite by default, Postgres with DATABASE_URL). */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    // Build workers are separate processes: letting them open the PGlite folder
    // would corrupt it. Pages that read the database must render at request time.
    throw new Error('The database must not be opened during `next build`.');
  }
  globalForDb.__toaSoanDb ??= openDatabase(configFromEnv()).catch((error) => {
    globalForDb.__toaSoanDb = undefined;
    throw error;
  });
  return globalForDb.__toaSoanDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.__toaSoanDb;
  globalForDb.__toaSoanDb = undefined;
  if (handle) await (await handle).close();
}
