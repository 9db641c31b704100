import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { users, type UserRole } from '@/db/schema';
import { AppError } from '@/lib/http/errors';
import { isSessionRevoked } from '@/lib/auth/revocation';
import { readSessionToken } from './session-token';

export type SessionUser = { id: number; name: string; email: string; role: UserRole };

/**
 * The signed-in user, re-read from the database on every call: a deactivated
 * account or a changed role takes effect on the very next request, not when
 * the cookie expires.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const token = await readSessionToken();
  if (token === null) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      sessionsValidAfter: users.sessionsValidAfter,
    })
    .from(users)
    .where(eq(users.id, token.userId))
    .limit(1);
  if (!row || !row.active) return null;
  // A session begun before "Đăng xuất" or a password reset is no session.
  if (isSessionRevoked(token.signedInAtMs, row.sessionsValidAfter)) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError('unauthorized', 'Bạn cần đăng nhập để tiếp tục.');
  return user;
}

export async function requireRole(...roles: UserRole[]): Promise<SessionUser> {
  const user = await requireUser();
  if (roles.length > 0 && !roles.includes(user.role)) {
    throw new AppError('forbidden', 'Bạn không có quyền thực hiện thao tác này.');
  }
  return user;
}
