import { lt } from 'drizzle-orm';
import type { Executor } from '../client';
import { loginAttempts } from '../schema';
import { pruneRateLimitCounters } from './rate-limits';

// No `server-only` here: the housekeeping job imports this module from
// instrumentation (server/startup.ts), outside the React server graph.

/** Sign-in attempts matter for the 15-minute lockout window; a day of them is kept for the audit trail's sake. */
export const LOGIN_ATTEMPT_RETENTION_MS = 86_400_000;

/**
 * Rate-limit windows that started more than a day ago are dropped: every
 * limit on rate_limit_counters has a window of a day or less (the visit
 * beacon's is a minute), so such a row can no longer refuse anything.
 */
export const RATE_LIMIT_COUNTER_RETENTION_MS = 86_400_000;

export async function pruneLoginAttempts(db: Executor, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.createdAt, new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS)))
    .returning({ id: loginAttempts.id });
  return deleted.length;
}

export type HousekeepingResult = { loginAttempts: number; rateLimitCounters: number };

/** One round of the hourly housekeeping job (server/jobs/housekeeping.ts): rows deleted per table. */
export async function runHousekeeping(db: Executor, now = new Date()): Promise<HousekeepingResult> {
  const loginAttemptsPruned = await pruneLoginAttempts(db, now);
  const rateLimitCountersPruned = await pruneRateLimitCounters(db, new Date(now.getTime() - RATE_LIMIT_COUNTER_RETENTION_MS));
  return { loginAttempts: loginAttemptsPruned, rateLimitCounters: rateLimitCountersPruned };
}
