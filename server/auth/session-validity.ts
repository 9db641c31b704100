// No `server-only`: proxy.ts loads this file (through config.ts), outside the React server graph.
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { users } from '@/db/schema';
import { isSessionRevoked } from '@/lib/auth/revocation';

/**
 * Whether a session token still stands: its user exists, is active, and
 * signed in after the user's sessions_valid_after (sign-out, password reset,
 * deactivation). Read from the database each time, so a refusal is immediate.
 */
export async function isSessionTokenCurrent(token: { sub?: unknown; signedInAtMs?: unknown }): Promise<boolean> {
  const userId = Number(token.sub);
  if (!Number.isSafeInteger(userId) || userId <= 0) return false;
  const db = await getDb();
  const [row] = await db
    .select({ active: users.active, sessionsValidAfter: users.sessionsValidAfter })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || !row.active) return false;
  return !isSessionRevoked(Number(token.signedInAtMs), row.sessionsValidAfter);
}
