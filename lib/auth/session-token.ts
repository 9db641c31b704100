import 'server-only';
import { auth } from './auth';

/**
 * The only module that reads the next-auth session. Everything else goes
 * through lib/auth/session.ts, and tests mock this module to act as a user.
 */
export async function readSessionUserId(): Promise<number | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
