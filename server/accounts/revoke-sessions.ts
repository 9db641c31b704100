import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { setSessionsValidAfter } from '@/db/queries/users';

export type RevokeSessionsOptions = { userId: number };

/**
 * "Đăng xuất": ends every session of the user begun before now, and audits
 * the sign-out. Deleting the cookie is not enough: sessions are stateless
 * JWTs, and a request still in flight would re-issue it.
 */
export async function revokeSessions({ userId }: RevokeSessionsOptions, db?: Executor): Promise<void> {
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
    await setSessionsValidAfter(userId, new Date(), tx);
    await recordAudit({ actorId: userId, action: 'auth.sign_out', targetType: 'user', targetId: userId }, tx);
  });
}
