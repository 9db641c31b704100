import { lt, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { rateLimitCounters } from '../schema';

// No `server-only`: the housekeeping job prunes these rows from instrumentation.

/**
 * Counts one more event for `key` in the window starting at `windowStart`
 * and returns the count including it. One upsert: concurrent callers each
 * get a distinct count, so exactly `limit` of them see a count ≤ limit.
 */
export async function bumpRateLimitCounter(db: Executor, key: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimitCounters.key, rateLimitCounters.windowStart], set: { count: sql`${rateLimitCounters.count} + 1` } })
    .returning({ count: rateLimitCounters.count });
  return row?.count ?? 1;
}

/** Windows that ended before `before` count for nothing any more. */
export async function pruneRateLimitCounters(db: Executor, before: Date): Promise<number> {
  const gone = await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, before)).returning({ key: rateLimitCounters.key });
  return gone.length;
}
