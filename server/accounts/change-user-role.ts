import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { countOtherActiveAdmins, lockUserById, updateUserRow, type UserSummary } from '@/db/queries/users';
import type { UserRole } from '@/db/schema';
import { LAST_ACTIVE_ADMIN_MESSAGE, removesAnActiveAdmin } from '@/lib/accounts/active-admin';
import { AppError } from '@/lib/http/errors';

export type ChangeUserRoleOptions = { userId: number; role: UserRole; actorId: number | null };

/** "Đổi vai trò". Takes effect on the account's next request (sessions re-read the role). */
export async function changeUserRole({ userId, role, actorId }: ChangeUserRoleOptions, db?: Executor): Promise<UserSummary> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    const current = await lockUserById(userId, tx);
    if (current.role === role) return current;
    if (removesAnActiveAdmin(current, { ...current, role }) && (await countOtherActiveAdmins(userId, tx)) === 0) {
      throw new AppError('conflict', LAST_ACTIVE_ADMIN_MESSAGE);
    }
    const user = await updateUserRow(userId, { role }, tx);
    await recordAudit({ actorId, action: 'user.role_changed', targetType: 'user', targetId: userId, details: { from: current.role, to: role } }, tx);
    return user;
  });
}
