import { and, isNotNull, lt } from 'drizzle-orm';
import type { Executor } from '../client';
import { articles, auditLog, loginAttempts } from '../schema';
import { pruneRateLimitCounters } from './rate-limits';
import { trashPurgeCutoff } from '../../lib/editorial';

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

/**
 * Articles in the trash since before `cutoff` (lib/editorial.ts trashPurgeCutoff) are removed
 * with their revisions, tags and presence (foreign keys cascade). The audit log keeps a line
 * for each, with its title: the record outlives the row.
 */
export async function purgeTrashedArticles(db: Executor, cutoff: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(articles)
      .where(and(isNotNull(articles.deletedAt), lt(articles.deletedAt, cutoff)))
      .returning({ id: articles.id, title: articles.title, slug: articles.slug });
    if (removed.length) {
      await tx.insert(auditLog).values(
        removed.map((a) => ({ actorId: null, action: 'article.purged', targetType: 'article', targetId: a.id, details: { title: a.title, slug: a.slug } })),
      );
    }
    return removed.length;
  });
}

export type HousekeepingResult = { loginAttempts: number; rateLimitCounters: number; trashedArticles: number };

/** One round of the hourly housekeeping job (server/jobs/housekeeping.ts): rows deleted per table. */
export async function runHousekeeping(db: Executor, now = new Date()): Promise<HousekeepingResult> {
  const loginAttemptsPruned = await pruneLoginAttempts(db, now);
  const rateLimitCountersPruned = await pruneRateLimitCounters(db, new Date(now.getTime() - RATE_LIMIT_COUNTER_RETENTION_MS));
  const trashedArticles = await purgeTrashedArticles(db, trashPurgeCutoff(now));
  return { loginAttempts: loginAttemptsPruned, rateLimitCounters: rateLimitCountersPruned, trashedArticles };
}
