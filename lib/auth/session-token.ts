import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { users } from '@/db/schema';
import { auth } from './auth';
import { isSessionRevoked } from './revocation';

/**
 * The only module that reads the next-auth session. Everything else goes
 * through lib/auth/session.ts, and tests mock this module to act as a user.
 * A session that began before the user's `sessions_valid_after` (set by
 * "Đăng xuất" and password resets) counts as no session.
 */
export async function readSessionUserId(): Promise<number | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const signedInAtMs = Number((session?.user as { signedInAtMs?: unknown } | undefined)?.signedInAtMs);
  const db = await getDb();
  const [row] = await db.select({ validAfter: users.sessionsValidAfter }).from(users).where(eq(users.id, id)).limit(1);
  if (!row) return null;
  return isSessionRevoked(signedInAtMs, row.validAfter) ? null : id;
}
