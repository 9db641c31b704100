import { sql } from 'drizzle-orm';
import { APPLICATION_NAME, type Executor } from '../client';
import { rows } from '../rows';

/**
 * This process's connections to the Postgres server, as the server sees them (postgres.js does not
 * tell how many of its pool's connections are busy): open ones, and those running a statement
 * other than this one.
 */
export async function poolConnections(db: Executor): Promise<{ open: number; active: number }> {
  const [row] = await rows<{ open: number; active: number }>(
    db,
    sql`SELECT count(*)::int AS open, (count(*) FILTER (WHERE state <> 'idle' AND pid <> pg_backend_pid()))::int AS active
        FROM pg_stat_activity WHERE application_name = ${APPLICATION_NAME}`,
  );
  return { open: Number(row?.open ?? 0), active: Number(row?.active ?? 0) };
}
