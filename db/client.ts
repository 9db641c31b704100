import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { withReplicas, type PgDatabase, type PgQueryResultHKT, type PgWithReplicas } from 'drizzle-orm/pg-core';
import { env, type Env } from '../lib/env';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A client or a transaction handle: data functions accept either. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  /**
   * Only on Postgres with DATABASE_REPLICA_URLS: `db` with its selects sent
   * to a replica (drizzle's withReplicas). Read it through getReadDb().
   */
  readDb?: Database;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /**
   * Runs `work` while holding the database-wide migration lock (Postgres): several instances
   * starting at once on an empty database would otherwise race to create the same tables.
   */
  exclusively?: <T>(work: () => Promise<T>) => Promise<T>;
  /**
   * Only on Postgres with a statement timeout: runs `work` on a connection of its own without
   * it, for the work that may rightly take longer than a request (migrations building indexes).
   */
  withoutStatementTimeout?: <T>(work: (db: Database) => Promise<T>) => Promise<T>;
  /** Only on Postgres: the connection string it was opened with (for pg_dump); never printed. */
  url?: string;
  /** Only on PGlite: its own dump of the open data folder (a .tar.gz), taken without stopping the server. */
  dumpDataDir?: () => Promise<Blob>;
};

/**
 * How this process's connections are named on the Postgres server (pg_stat_activity): an operator
 * sees which instance holds what, and the pool's metric counts this process's own connections.
 */
export const APPLICATION_NAME = `toa-soan/${process.pid}`;

/** The longest a query waits for a connection to the Postgres server (s). */
const CONNECT_TIMEOUT_SECONDS = 5;

/** Between reconnection attempts to the Postgres server: 50 ms more per failure, at most half a second. */
const reconnectDelaySeconds = (retries: number) => Math.min(0.05 * retries, 0.5);

/** pg_advisory_lock key of the migrations ("toa-soan migrate" as a fixed number). */
const MIGRATION_LOCK_KEY = 7_461_736_912;
/** Set while this process holds the migration lock (see `exclusively`). */
const insideLock = new AsyncLocalStorage<boolean>();

export type DatabaseConfig =
  | {
      driver: 'postgres';
      url: string;
      max?: number;
      replicaUrls?: string[];
      /** Postgres's statement_timeout for every connection of the pools (ms); unset or 0: none. */
      statementTimeoutMs?: number;
    }
  | { driver: 'pglite'; dataDir: string };

export function configFromEnv(
  config: Pick<Env, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'PGLITE_DATA_DIR' | 'DATA_DIR'> & Partial<Pick<Env, 'DATABASE_REPLICA_URLS'>> = env(),
): DatabaseConfig {
  if (config.DATABASE_URL) {
    return { driver: 'postgres', url: config.DATABASE_URL, max: config.DATABASE_POOL_SIZE, replicaUrls: config.DATABASE_REPLICA_URLS ?? [] };
  }
  // Replicas are copies of a Postgres server: PGlite has none, so the list is ignored.
  return { driver: 'pglite', dataDir: config.PGLITE_DATA_DIR ?? path.join(dataRoot(config), 'pglite') };
}

export function dataRoot(config: Pick<Env, 'DATA_DIR'> = env()): string {
  return path.resolve(/*turbopackIgnore: true*/ config.DATA_DIR);
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.driver === 'postgres') {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const max = config.max ?? 10;
    // While the server is away (a restart), a query must fail fast, as a 503, and the pool must be back as soon
    // as the server is. connect_timeout: an unanswered connection attempt gives up after 5 s, not postgres.js's
    // 30 s. backoff: the wait between reconnection attempts, which queued queries sit through; postgres.js's
    // default grows as 3^n/100 s over the failures of all the pool's connections, to 20 s, so after a few
    // seconds of outage queries hung for 10–18 s and came back long after the server had (measured).
    const named = { application_name: APPLICATION_NAME };
    const unlimited = { max, onnotice: () => {}, connect_timeout: CONNECT_TIMEOUT_SECONDS, backoff: reconnectDelaySeconds, connection: named };
    // statement_timeout counts the time a statement waits for a lock too: a request held by a long lock
    // fails (a 503) and frees its connection, so a stuck query cannot exhaust the pool.
    const options = config.statementTimeoutMs ? { ...unlimited, connection: { ...named, statement_timeout: config.statementTimeoutMs } } : unlimited;
    const client = postgres(config.url, options);
    const db = drizzle(client, { schema }) as unknown as Database;
    // One pool per replica, each as large as the primary's: count them in the sum kept under max_connections.
    const replicaClients = (config.replicaUrls ?? []).map((url) => postgres(url, options));
    const [first, ...rest] = replicaClients.map((replica) => drizzle(replica, { schema }) as unknown as Database);
    return {
      db,
      readDb: first ? withReplicas(db, [first, ...rest]) : undefined,
      driver: 'postgres',
      url: config.url,
      close: async () => {
        await Promise.all([client, ...replicaClients].map((pool) => pool.end({ timeout: 5 })));
      },
      withoutStatementTimeout: config.statementTimeoutMs
        ? async (work) => {
            const own = postgres(config.url, { ...unlimited, max: 1 });
            try {
              return await work(drizzle(own, { schema }) as unknown as Database);
            } finally {
              await own.end({ timeout: 5 });
            }
          }
        : undefined,
      exclusively: async (work) => {
        // Re-entered from inside the work (start-up holds it around migrate + seed, and
        // migrateDatabase asks again): a second lock connection would wait for the first forever.
        if (insideLock.getStore()) return work();
        // A session lock on a connection of its own: the work itself may use any pooled connection.
        const lock = postgres(config.url, { max: 1, onnotice: () => {} });
        try {
          await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
          return await insideLock.run(true, work);
        } finally {
          await lock.end({ timeout: 5 });
        }
      },
    };
  }

  const inMemory = config.dataDir.startsWith('memory://');
  const releaseLock = inMemory ? () => {} : acquireFolderLock(config.dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { drizzle } = await import('drizzle-orm/pglite');
    const client = await PGlite.create(inMemory ? undefined : config.dataDir, { extensions: { unaccent, pg_trgm } });
    return {
      db: drizzle(client, { schema }) as unknown as Database,
      driver: 'pglite',
      dumpDataDir: () => client.dumpDataDir('gzip'),
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * The connection a read in raw SQL or in a transaction should use. withReplicas
 * sends only selects to a replica, `execute` and `transaction` to the primary;
 * so on a read handle (getReadDb) this picks one of its replicas at random,
 * as withReplicas does for a select. Any other executor is returned as it is.
 */
export function pickReplica(db: Executor): Executor {
  const replicas = (db as Partial<PgWithReplicas<Database>>).$replicas;
  if (!replicas?.length) return db;
  return replicas[Math.floor(Math.random() * replicas.length)]!;
}

/**
 * PGlite takes no lock on its folder: a second process opening it writes
 * unseen and corrupts it. A PID file makes the second opener fail fast.
 */
export function acquireFolderLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, '..', `${path.basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder} sử dụng (PGlite chỉ cho phép một tiến trình). ` +
            `Hãy dừng tiến trình đó trước, hoặc đặt DATABASE_URL để dùng máy chủ Postgres.`,
        );
      }
      fs.unlinkSync(lockFile); // stale lock from a process that is gone
    }
  }
  throw new Error(`Không lấy được khóa cho ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
