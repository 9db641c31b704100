import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { bumpRateLimitCounter } from '@/db/queries/rate-limits';
import { secondsUntilWindowEnds, windowStartOf, type RateLimit } from '@/lib/rate-limit';

export type RateLimitVerdict = { allowed: true; count: number } | { allowed: false; count: number; retryAfterSeconds: number };

/**
 * Counts one event for `key` against `rule` in Postgres (so the limit holds
 * across instances and restarts) and says whether it is within the limit.
 * An event over the limit is still counted: hammering does not reopen the window.
 */
export async function takeRateLimit(key: string, rule: RateLimit, options: { db?: Executor; now?: Date } = {}): Promise<RateLimitVerdict> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const count = await bumpRateLimitCounter(db, key, windowStartOf(now, rule.windowMs));
  if (count <= rule.limit) return { allowed: true, count };
  return { allowed: false, count, retryAfterSeconds: secondsUntilWindowEnds(now, rule.windowMs) };
}
