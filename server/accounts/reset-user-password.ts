import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { lockUserById, updateUserRow } from '@/db/queries/users';
import { hashPassword } from '@/server/auth/password-hash';

export type ResetUserPasswordOptions = { userId: number; password: string; actorId: number | null };

/** "Đặt lại mật khẩu" by an admin. */
export async function resetUserPassword({ userId, password, actorId }: ResetUserPasswordOptions, db?: Executor): Promise<void> {
  const conn = db ?? (await getDb());
  // Hashed before the transaction opens: the hash's quarter of a second must not hold the row lock.
  const passwordHash = await hashPassword(password);
  await conn.transaction(async (tx) => {
    await lockUserById(userId, tx);
    // A new password ends every session that was signed in with the old one.
    await updateUserRow(userId, { passwordHash, sessionsValidAfter: new Date() }, tx);
    await recordAudit({ actorId, action: 'user.password_reset', targetType: 'user', targetId: userId }, tx);
  });
}
