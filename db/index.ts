import { env } from '../lib/env';
import { configFromEnv, openDatabase, type Database, type DatabaseConfig, type DatabaseHandle } from './client';

export type { Database, Executor, Transaction } from './client';

const globalForDb = globalThis as unknown as { __toaSoanDb?: Promise<DatabaseHandle> };

/**
 * The server's own client: on Postgres, every statement is held to DATABASE_STATEMENT_TIMEOUT_MS
 * (a request waits no longer on a slow query or a lock). Scripts (migrate, seed, user:create)
 * open theirs from configFromEnv() without it.
 */
function servingConfig(): DatabaseConfig {
  const config = configFromEnv();
  return config.driver === 'postgres' ? { ...config, statementTimeoutMs: env().DATABASE_STATEMENT_TIMEOUT_MS } : config;
}

/** The one database client of this process (PGlite by default, Postgres with DATABASE_URL). */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    // Build workers are separate processes: letting them open the PGlite folder
    // would corrupt it. Pages that read the database must render at request time.
    throw new Error('The database must not be opened during `next build`.');
  }
  globalForDb.__toaSoanDb ??= openDatabase(servingConfig()).catch((error) => {
    globalForDb.__toaSoanDb = undefined;
    throw error;
  });
  return globalForDb.__toaSoanDb;
}

/** The primary, always: writes, and every read whose result must be current. */
export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/**
 * The handle for heavy reads that fill no shared cache: search and the
 * admin statistics. With DATABASE_REPLICA_URLS (Postgres only) its selects
 * go to a replica picked at random, while `insert`/`update`/`delete`,
 * `execute` and `transaction` still go to the primary (drizzle's
 * withReplicas); a read in raw SQL or in a transaction reaches a replica
 * only through pickReplica (db/client.ts). Without replicas, and on PGlite,
 * it is getDb().
 *
 * Reads whose result is kept in the public route/data cache after a publish
 * (article page, home, category/tag/author lists, sitemaps, RSS, "Đọc
 * nhiều", the visits widget) stay on getDb(): a lagging replica would
 * re-cache stale content, served until the next revalidation although the
 * publish's invalidation has already run.
 */
export async function getReadDb(): Promise<Database> {
  const handle = await getDatabaseHandle();
  return handle.readDb ?? handle.db;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.__toaSoanDb;
  globalForDb.__toaSoanDb = undefined;
  if (handle) await (await handle).close();
}
