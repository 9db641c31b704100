import { sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { rows } from '../rows';

/** One round trip to the database. */
export async function pingDatabase(db: Executor): Promise<void> {
  await db.execute(sql`SELECT 1`);
}

/** The journal time (`when`) of the newest migration drizzle has applied, or null when none is. */
export async function newestAppliedMigration(db: Executor): Promise<number | null> {
  const [row] = await rows<{ newest: string | null }>(db, sql`SELECT max(created_at)::text AS newest FROM drizzle.__drizzle_migrations`);
  return row?.newest == null ? null : Number(row.newest);
}
