import { sql } from 'drizzle-orm';
import { APPLICATION_NAME, type Executor } from '../client';

type Rows<T> = T[] | { rows: T[] };

/**
 * This process's connections to the Postgres server, as the server sees them (postgres.js does not
 * tell how many of its pool's connections are busy): open ones, and those running a statement
 * other than this one.
 */
export async function poolConnections(db: Executor): Promise<{ open: number; active: number }> {
  const result = (await db.execute(sql`
    SELECT count(*)::int AS open, (count(*) FILTER (WHERE state <> 'idle' AND pid <> pg_backend_pid()))::int AS active
    FROM pg_stat_activity WHERE application_name = ${APPLICATION_NAME}`)) as unknown as Rows<{ open: number; active: number }>;
  const row = (Array.isArray(result) ? result : result.rows)[0];
  return { open: Number(row?.open ?? 0), active: Number(row?.active ?? 0) };
}
