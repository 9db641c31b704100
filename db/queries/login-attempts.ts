import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../client';
import { getDb } from '../index';
import { loginAttempts } from '../schema';

/**
 * Brute-force limits, counted in the database so they hold across restarts
 * and instances: within a sliding 15-minute window, 5 failures for one account
 * or 20 from one address lock further attempts until enough failures age out.
 * A successful sign-in clears the account's count (not the address's).
 */
export const LOGIN_LIMITS = { windowMs: 15 * 60_000, perAccount: 5, perIp: 20 } as const;

export type Lockout = { locked: false } | { locked: true; scope: 'account' | 'ip'; retryAfterSeconds: number };

export async function getLoginLockout(email: string, ip: string, db?: Executor, now = new Date()): Promise<Lockout> {
  const conn = db ?? (await getDb());
  const windowStart = new Date(now.getTime() - LOGIN_LIMITS.windowMs);

  const [lastSuccess] = await conn
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, true), gt(loginAttempts.createdAt, windowStart)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(1);
  const accountSince = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const accountFailures = await conn
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, false), gt(loginAttempts.createdAt, accountSince)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(LOGIN_LIMITS.perAccount);
  const account = lockoutFrom(accountFailures, LOGIN_LIMITS.perAccount, now);
  if (account !== null) return { locked: true, scope: 'account', retryAfterSeconds: account };

  const ipFailures = await conn
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.createdAt, windowStart)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(LOGIN_LIMITS.perIp);
  const byIp = lockoutFrom(ipFailures, LOGIN_LIMITS.perIp, now);
  if (byIp !== null) return { locked: true, scope: 'ip', retryAfterSeconds: byIp };
  return { locked: false };
}

/** Seconds until the oldest of the last `limit` failures leaves the window, or null when under the limit. */
function lockoutFrom(failures: { at: Date }[], limit: number, now: Date): number | null {
  if (failures.length < limit) return null;
  const oldest = failures[failures.length - 1]!.at;
  return Math.max(1, Math.ceil((oldest.getTime() + LOGIN_LIMITS.windowMs - now.getTime()) / 1000));
}

export async function recordLoginAttempt(
  attempt: { email: string; ip: string; success: boolean; at?: Date },
  db?: Executor,
): Promise<void> {
  const conn = db ?? (await getDb());
  await conn.insert(loginAttempts).values({
    email: attempt.email,
    ip: attempt.ip,
    success: attempt.success,
    ...(attempt.at ? { createdAt: attempt.at } : {}),
  });
}
