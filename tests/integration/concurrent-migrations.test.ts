/**
 * Several instances started at once on an empty Postgres database each run the migrations at
 * start-up (server/startup.ts). Without the migration lock (db/client.ts `exclusively`) they
 * raced to create drizzle's journal table and all but one failed with a duplicate-key error
 * on pg_type — seen with `npm run start:cluster` on a new database.
 */
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `t_migrate_${process.pid}_${Date.now().toString(36)}`;
const handles: DatabaseHandle[] = [];

afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.close()));
  const admin = await openDatabase({ driver: 'postgres', url, max: 1 });
  await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  await admin.close();
});

describe('migrations started by several instances at once', () => {
  it('all succeed on an empty database and apply each migration once', async () => {
    const admin = await openDatabase({ driver: 'postgres', url, max: 1 });
    await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
    await admin.close();
    const target = new URL(url);
    target.pathname = `/${name}`;
    for (let i = 0; i < 4; i++) handles.push(await openDatabase({ driver: 'postgres', url: target.toString(), max: 3 }));

    const results = await Promise.allSettled(handles.map((handle) => migrateDatabase(handle)));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);

    const applied = await handles[0]!.db.execute(sql`select count(*)::int as n, count(distinct hash)::int as distinct_hashes from drizzle.__drizzle_migrations`);
    const row = (applied as unknown as { n: number; distinct_hashes: number }[])[0]!;
    expect(row.n).toBeGreaterThan(0);
    expect(row.n).toBe(row.distinct_hashes);
  });

  it('lets the work inside the lock take it again (start-up holds it around migrations and seed)', async () => {
    const handle = handles[0]!;
    const inner = await Promise.race([
      handle.exclusively!(() => handle.exclusively!(async () => 'xong')),
      new Promise((resolve) => setTimeout(() => resolve('deadlock'), 5_000)),
    ]);
    expect(inner).toBe('xong');
  });
});
