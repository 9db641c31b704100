import 'server-only';
import bcrypt from 'bcryptjs';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { getLoginLockout, recordLoginAttempt } from '@/db/queries/login-attempts';
import { users, type UserRole } from '@/db/schema';

export type CredentialsResult =
  | { ok: true; user: { id: number; name: string; email: string; role: UserRole } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; scope: 'account' | 'ip'; retryAfterSeconds: number };

// Compared against when the email is unknown, so the answer takes as long as for a real account.
const DUMMY_HASH = '$2b$12$UOrmZbbwxyjnCYA22MqBJ.qLg5BbpBNhxK196XqdislT.16uOpDTq';

/**
 * Checks an email and password under the brute-force limits, records the
 * attempt and audits it. A deactivated account fails exactly like a wrong password.
 */
export async function verifyCredentials(
  input: { email: string; password: string; ip: string },
  db?: Executor,
  now = new Date(),
): Promise<CredentialsResult> {
  const conn = db ?? (await getDb());
  const email = input.email.trim().toLowerCase();

  const lockout = await getLoginLockout(email, input.ip, conn, now);
  if (lockout.locked) {
    await recordAudit(
      { actorId: null, action: 'auth.sign_in_refused', details: { email, ip: input.ip, scope: lockout.scope } },
      conn,
    );
    return { ok: false, reason: 'locked', scope: lockout.scope, retryAfterSeconds: lockout.retryAfterSeconds };
  }

  const [user] = await conn
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const passwordMatches = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  const success = Boolean(user && user.active && passwordMatches);

  await recordLoginAttempt({ email, ip: input.ip, success, at: now }, conn);
  if (!success || !user) {
    await recordAudit(
      {
        actorId: null,
        action: 'auth.sign_in_failed',
        targetType: user ? 'user' : undefined,
        targetId: user?.id,
        details: { email, ip: input.ip, ...(user && !user.active ? { inactive: true } : {}) },
      },
      conn,
    );
    return { ok: false, reason: 'invalid' };
  }
  await recordAudit({ actorId: user.id, action: 'auth.sign_in', targetType: 'user', targetId: user.id, details: { ip: input.ip } }, conn);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}
