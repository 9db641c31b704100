import 'server-only';
import { auth } from './auth';

export type SessionToken = { userId: number; signedInAtMs: number };

/**
 * The only module that reads the next-auth session. Everything else goes
 * through lib/auth/session.ts, and tests mock this module to act as a user.
 */
export async function readSessionToken(): Promise<SessionToken | null> {
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!Number.isSafeInteger(userId) || userId <= 0) return null;
  const signedInAtMs = Number((session?.user as { signedInAtMs?: unknown } | undefined)?.signedInAtMs);
  return { userId, signedInAtMs };
}
