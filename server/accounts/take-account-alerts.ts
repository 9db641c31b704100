import 'server-only';
import type { Executor } from '@/db/client';
import { takeUnreadAccountAlerts } from '@/db/queries/account-alerts';
import { signInBurstMessage } from '@/lib/auth/login-limits';

export type AccountNotice = { id: number; kind: string; message: string; createdAt: Date; lastAt: Date | null };

/**
 * The notices for the signed-in user's own account not shown yet, for their
 * dashboard. Shown once: reading them marks them read.
 */
export async function takeAccountNotices(userId: number, db?: Executor): Promise<AccountNotice[]> {
  const rows = await takeUnreadAccountAlerts(userId, db);
  return rows.map((row) => {
    const details = row.details ?? {};
    const lastAt = typeof details.lastAt === 'string' && !Number.isNaN(Date.parse(details.lastAt)) ? new Date(details.lastAt) : null;
    // Only one kind so far; an unknown one (written by a newer version) still says something.
    const message = row.kind === 'sign_in_burst' ? signInBurstMessage(details) : 'Có một cảnh báo mới về tài khoản của bạn.';
    return { id: row.id, kind: row.kind, message, createdAt: row.createdAt, lastAt };
  });
}
