import type { sql } from 'drizzle-orm';
import type { Executor } from './client';

/** The rows of a raw query, on either driver (postgres.js answers an array, PGlite `{ rows }`). */
export async function rows<T extends Record<string, unknown>>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
