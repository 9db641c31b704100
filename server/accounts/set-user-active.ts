import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { countOtherActiveAdmins, lockUserById, updateUserRow, type UserSummary } from '@/db/queries/users';
import { LAST_ACTIVE_ADMIN_MESSAGE, removesAnActiveAdmin } from '@/lib/accounts/active-admin';
import { AppError } from '@/lib/http/errors';

export type SetUserActiveOptions = { userId: number; active: boolean; actorId: number | null };

/**
 * "Khóa tài khoản" / "Mở khóa". A locked account is signed out on its next
 * request (its cookie is cleared, not refreshed) and cannot sign in; its
 * sessions stay void after "Mở khóa", which asks for a new sign-in. Its
 * articles and audit lines stay.
 */
export async function setUserActive({ userId, active, actorId }: SetUserActiveOptions, db?: Executor): Promise<UserSummary> {
  // The page shows no lock button on one's own row; this refuses the call made anyway,
  // before an admin ends their own session halfway through a task.
  if (!active && actorId === userId) throw new AppError('conflict', 'Bạn không thể tự khóa tài khoản của mình.');
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    const current = await lockUserById(userId, tx);
    if (current.active === active) return current;
    if (removesAnActiveAdmin(current, { ...current, active }) && (await countOtherActiveAdmins(userId, tx)) === 0) {
      throw new AppError('conflict', LAST_ACTIVE_ADMIN_MESSAGE);
    }
    // Locking ends every session begun before now, like "Đăng xuất": unlocking later does not revive them.
    const user = await updateUserRow(userId, active ? { active } : { active, sessionsValidAfter: new Date() }, tx);
    await recordAudit({ actorId, action: active ? 'user.reactivated' : 'user.deactivated', targetType: 'user', targetId: userId }, tx);
    return user;
  });
}
