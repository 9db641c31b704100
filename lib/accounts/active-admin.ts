import type { UserRole } from '@/db/schema';

export type AccountStanding = { role: UserRole; active: boolean };

/** Refusal shown when a change would leave nobody able to manage accounts. */
export const LAST_ACTIVE_ADMIN_MESSAGE = 'Phải còn ít nhất một tài khoản quản trị đang hoạt động.';

/** An account that can still sign in and manage the other accounts. */
export function isActiveAdmin(account: AccountStanding): boolean {
  return account.role === 'admin' && account.active;
}

/**
 * A change must leave an active admin: without one nobody could reactivate or
 * promote anyone from the app any more. This is the change that needs another
 * active admin to exist: the account is an active admin `before` and not `after`.
 */
export function removesAnActiveAdmin(before: AccountStanding, after: AccountStanding): boolean {
  return isActiveAdmin(before) && !isActiveAdmin(after);
}
