import { lt } from 'drizzle-orm';
import type { Executor } from '../client';
import { loginAttempts } from '../schema';

// No `server-only` here: the housekeeping job imports this module from
// instrumentation (server/startup.ts), outside the React server graph.

/** Sign-in attempts matter for the 15-minute lockout window; a day of them is kept for the audit trail's sake. */
export const LOGIN_ATTEMPT_RETENTION_MS = 86_400_000;

export async function pruneLoginAttempts(db: Executor, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.createdAt, new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS)))
    .returning({ id: loginAttempts.id });
  return deleted.length;
}
