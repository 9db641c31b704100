import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { closeDb, getDatabaseHandle, getDb, getReadDb } from '@/db';
import { configFromEnv, pickReplica, type DatabaseHandle, type Executor } from '@/db/client';
import { getTopArticles } from '@/db/queries/stats';
import { users } from '@/db/schema';
import { resetEnv } from '@/lib/env';
import { normalizeSearchQuery } from '@/lib/search-query';
import { localDay } from '@/lib/time';
import { cachedArticle, cachedHome } from '@/server/public-data';
import { clearSearchResults, searchArticles } from '@/server/search/search-articles';
import { makeArticle, makeUser, unique } from '../support/app-database';
import { createTestDatabase, describeDb } from '../support/database';

vi.mock('next/cache', () => ({ unstable_cache: <T,>(fn: T) => fn, revalidateTag: () => {}, revalidatePath: () => {} }));

/** A read-only login on the test server standing in for a replica: same data, and any write refused. */
const READER = 'toa_soan_reader';

// A replica is a copy of a Postgres server: the file runs in the Postgres project only (vitest.config.mts).

describeDb('read replicas (DATABASE_REPLICA_URLS) on postgres', () => {
  let handle: DatabaseHandle;
  /** A connection to the server's own database, as the test's superuser: roles and pg_stat_activity. */
  let server: postgres.Sql;
  /** A connection to the test database as its owner, for locking a table (whoRuns). */
  let owner: postgres.Sql;
  let databaseName: string;
  let primaryUrl: string;
  let readerUrl: string;
  let primaryRole: string;
  let authorId: number;
  const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_REPLICA_URLS: process.env.DATABASE_REPLICA_URLS };

  /** Points the app at the test database, with the reader as its one replica or without replicas, and reopens it. */
  async function useReplicas(on: boolean) {
    await closeDb();
    process.env.DATABASE_URL = primaryUrl;
    if (on) process.env.DATABASE_REPLICA_URLS = readerUrl;
    else delete process.env.DATABASE_REPLICA_URLS;
    resetEnv();
  }

  async function currentUser(db: Executor): Promise<string> {
    const rows = (await db.execute(sql`select current_user as who`)) as unknown as { who: string }[];
    return rows[0]!.who;
  }

  /** A published article whose headline carries `word`, written through getDb(). */
  async function publish(word: string) {
    return makeArticle(await getDb(), { authorId, status: 'published', title: `Bản sao chỉ đọc ${word}` });
  }

  /**
   * The roles whose queries `read` sends to the articles table: the table is
   * locked from another connection, so those queries wait where
   * pg_stat_activity shows them (with their role), then the lock is released
   * and `read` completes.
   */
  async function whoRuns<T>(read: () => Promise<T>): Promise<{ roles: string[]; queries: string[]; result: T }> {
    const locker = await owner.reserve();
    let locked = false;
    try {
      await locker`begin`;
      locked = true;
      await locker`lock table articles in access exclusive mode`;
      const pending = read();
      // Rejections are seen at the `await` below; meanwhile Node must not call them unhandled.
      pending.catch(() => {});
      let waiting: { usename: string; query: string }[] = [];
      for (const started = Date.now(); waiting.length === 0 && Date.now() - started < 10_000; ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        waiting = await server<{ usename: string; query: string }[]>`
          select usename, query from pg_stat_activity
          where datname = ${databaseName} and wait_event_type = 'Lock' and state = 'active'`;
      }
      await locker`rollback`;
      locked = false;
      const result = await pending;
      return { roles: [...new Set(waiting.map((w) => w.usename))].sort(), queries: waiting.map((w) => w.query), result };
    } finally {
      if (locked) await locker`rollback`;
      locker.release();
    }
  }

  /** Postgres' SQLSTATE of a failed query (drizzle wraps the driver's error in its own). */
  async function sqlState(query: Promise<unknown>): Promise<string | undefined> {
    try {
      await query;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return cause?.code ?? (error as { code?: string }).code;
    }
    return undefined;
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    databaseName = ((await handle.db.execute(sql`select current_database() as name`)) as unknown as { name: string }[])[0]!.name;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    server = postgres(url.toString(), { max: 1, onnotice: () => {} });
    url.pathname = `/${databaseName}`;
    primaryUrl = url.toString();
    owner = postgres(primaryUrl, { max: 2, onnotice: () => {} });
    const reader = new URL(primaryUrl);
    reader.username = READER;
    reader.password = '';
    readerUrl = reader.toString();

    // Roles belong to the whole server: another run may have made it already, even at the same moment.
    await server.unsafe(`DO $$ BEGIN CREATE ROLE ${READER} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    // The rights live in the test database and go with it when it is dropped.
    await owner.unsafe(`
      GRANT CONNECT ON DATABASE "${databaseName}" TO ${READER};
      GRANT USAGE ON SCHEMA public TO ${READER};
      GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${READER};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${READER};
    `);
    primaryRole = (await owner<{ who: string }[]>`select current_user as who`)[0]!.who;

    await useReplicas(true);
    authorId = (await makeUser(await getDb(), 'journalist')).id;
  });

  beforeEach(async () => {
    clearSearchResults();
    await useReplicas(true);
  });

  afterAll(async () => {
    await closeDb();
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnv();
    await owner?.end({ timeout: 5 });
    await handle?.close();
    // Refused while the role still holds rights in another run's database: that run drops it then.
    await server?.unsafe(`DROP ROLE IF EXISTS ${READER}`).catch(() => {});
    await server?.end({ timeout: 5 });
  });

  it('answers a search through a replica connection', async () => {
    const word = `saoluu${unique('').replace(/[^a-z]/g, '')}`;
    const article = await publish(word);
    const { roles, queries, result } = await whoRuns(() => searchArticles(normalizeSearchQuery(word), 1));
    expect(roles).toEqual([READER]);
    expect(queries.join('\n')).toMatch(/websearch_to_tsquery/);
    expect(result.items.map((a) => a.slug)).toEqual([article.slug]);
  });

  it('reads the admin statistics through a replica connection', async () => {
    const readDb = await getReadDb();
    const today = localDay(new Date());
    const { roles, result } = await whoRuns(() => getTopArticles(today, today, 10, readDb));
    expect(roles).toEqual([READER]);
    expect(result).toEqual([]);
  });

  it('sends selects on the read handle to the replica, raw SQL on it to the primary unless a replica is picked', async () => {
    const readDb = await getReadDb();
    const [row] = await readDb.select({ who: sql<string>`current_user` }).from(users).limit(1);
    expect(row?.who).toBe(READER);
    expect(await currentUser(readDb)).toBe(primaryRole);
    expect(await currentUser(pickReplica(readDb))).toBe(READER);
  });

  it('writes through getDb() on the primary', async () => {
    const db = await getDb();
    expect(await currentUser(db)).toBe(primaryRole);
    const user = await makeUser(db, 'moderator');
    const [seen] = await (await getReadDb()).select({ id: users.id }).from(users).where(sql`${users.id} = ${user.id}`);
    expect(seen?.id).toBe(user.id);
  });

  it('refuses a write sent to a replica connection of the read handle', async () => {
    const replica = pickReplica(await getReadDb());
    const key = unique('ghi');
    const write = replica.insert(users).values({ name: key, slug: key, email: `${key}@example.vn`, role: 'journalist', passwordHash: 'x' });
    expect(await sqlState(write)).toBe('42501'); // insufficient_privilege
    expect(await sqlState(replica.execute(sql`update articles set view_count = view_count + 1`))).toBe('42501');
  });

  it('keeps the reads that fill the public cache on the primary: the article page and the home page', async () => {
    const article = await publish(`trangbai${unique('').replace(/[^a-z]/g, '')}`);
    const page = await whoRuns(() => cachedArticle(article.slug));
    expect(page.roles).toEqual([primaryRole]);
    expect(page.result?.article.slug).toBe(article.slug);
    const home = await whoRuns(() => cachedHome());
    expect(home.roles).toEqual([primaryRole]);
    expect(home.result.latest.map((a) => a.slug).concat(home.result.lead?.slug ?? [])).toContain(article.slug);
  });

  it('closes the replica pools with the database', async () => {
    const readerBackends = async () =>
      (await server<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where datname = ${databaseName} and usename = ${READER}`)[0]!.n;
    await currentUser(pickReplica(await getReadDb()));
    expect(await readerBackends()).toBeGreaterThan(0);
    await closeDb();
    // The server ends a backend a moment after its client has said goodbye.
    let open = await readerBackends();
    for (const started = Date.now(); open > 0 && Date.now() - started < 5_000; open = await readerBackends()) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(open).toBe(0);
  });

  it('without replicas, gives the primary as the read handle', async () => {
    await useReplicas(false);
    const db = await getDb();
    expect(await getReadDb()).toBe(db);
    expect((await getDatabaseHandle()).readDb).toBeUndefined();
    const word = `chinh${unique('').replace(/[^a-z]/g, '')}`;
    const article = await publish(word);
    const { roles, result } = await whoRuns(() => searchArticles(normalizeSearchQuery(word), 1));
    expect(roles).toEqual([primaryRole]);
    expect(result.items.map((a) => a.slug)).toEqual([article.slug]);
  });

  it('ignores DATABASE_REPLICA_URLS without DATABASE_URL (PGlite has no replicas)', () => {
    const config = configFromEnv({ DATABASE_URL: undefined, DATABASE_POOL_SIZE: 10, PGLITE_DATA_DIR: 'memory://', DATA_DIR: 'data', DATABASE_REPLICA_URLS: [readerUrl] });
    expect(config).toEqual({ driver: 'pglite', dataDir: 'memory://' });
  });
});
