import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { getUserByEmail, insertUserRow, takenUserSlugs, type UserSummary } from '@/db/queries/users';
import type { UserRole } from '@/db/schema';
import { AppError } from '@/lib/http/errors';
import { nextFreeSlug, slugify } from '@/lib/slug';
import { hashPassword } from '@/server/auth/password-hash';

export type CreateUserOptions = {
  name: string;
  email: string;
  role: UserRole;
  password: string;
  /** The admin creating the account; null for the command line. */
  actorId: number | null;
  /** How the audit log tells the admin page from `npm run user:create`. */
  auditAction?: 'user.created' | 'user.created_cli';
};

/** "Tạo tài khoản": a new account with its own author slug, one per email. */
export async function createUser(
  { name, email, role, password, actorId, auditAction = 'user.created' }: CreateUserOptions,
  db?: Executor,
): Promise<UserSummary> {
  const conn = db ?? (await getDb());
  const normalizedEmail = email.trim().toLowerCase();
  // Hashed before the transaction opens: the hash's quarter of a second must not hold it open.
  const passwordHash = await hashPassword(password);
  return conn.transaction(async (tx) => {
    if (await getUserByEmail(normalizedEmail, tx)) throw new AppError('conflict', 'Email này đã có tài khoản.');
    // The slug names the author's public page (/tac-gia/…); a namesake gets `-2`.
    const base = slugify(name) || 'nguoi-dung';
    const slug = nextFreeSlug(base, await takenUserSlugs(base, tx));
    const user = await insertUserRow({ name: name.trim(), email: normalizedEmail, role, passwordHash, slug }, tx);
    await recordAudit({ actorId, action: auditAction, targetType: 'user', targetId: user.id, details: { email: normalizedEmail, role } }, tx);
    return user;
  });
}
