import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { getUserByEmail, updateUserRow, type UserSummary } from '@/db/queries/users';
import type { UserRole } from '@/db/schema';
import { hashPassword } from '@/server/auth/password-hash';
import { createUser } from './create-user';

export type CliUserInput = { name: string; email: string; role: UserRole; password: string };

/**
 * `npm run user:create`: creates the account, or updates name, role and
 * password of an existing one (and reactivates it). How a production install
 * gets its first admin, and how whoever runs the server recovers a locked-out
 * one: no session and no last-admin check, the shell is the authority here.
 */
export async function upsertUserFromCli(input: CliUserInput, db?: Executor): Promise<{ created: boolean; user: UserSummary }> {
  const conn = db ?? (await getDb());
  const existing = await getUserByEmail(input.email, conn);
  if (!existing) return { created: true, user: await createUser({ ...input, actorId: null, auditAction: 'user.created_cli' }, conn) };
  const passwordHash = await hashPassword(input.password);
  const user = await conn.transaction(async (tx) => {
    // The new password also ends the sessions signed in with the old one.
    const updated = await updateUserRow(
      existing.id,
      { name: input.name.trim(), role: input.role, passwordHash, active: true, sessionsValidAfter: new Date() },
      tx,
    );
    await recordAudit(
      { actorId: null, action: 'user.updated_cli', targetType: 'user', targetId: existing.id, details: { role: input.role, previousRole: existing.role } },
      tx,
    );
    return updated;
  });
  return { created: false, user };
}
