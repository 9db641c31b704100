import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { findAccountAlertSince, insertAccountAlert, updateAccountAlertDetails } from '@/db/queries/account-alerts';
import { recordAudit } from '@/db/queries/audit';
import { claimLoginAttempt, lockSignInAccount, markLoginAttemptSucceeded, summarizeAccountFailures } from '@/db/queries/login-attempts';
import { users, type UserRole } from '@/db/schema';
import { BURST_NOTICE_INTERVAL_MS, isSignInBurst, LOGIN_LIMITS, type LoginRefusalScope } from '@/lib/auth/login-limits';
import { dummyPasswordHash, verifyPassword } from './password-hash';

export type CredentialsResult =
  | { ok: true; user: { id: number; name: string; email: string; role: UserRole } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; scope: LoginRefusalScope; retryAfterSeconds: number };

/** The kind of `account_alerts` row a burst of failed sign-ins leaves for the account's owner. */
export const SIGN_IN_BURST_ALERT = 'sign_in_burst';

// One password check at a time per account in this process: the next attempt
// waits for the previous one's result (and its claim sees it). Across
// processes the database claim (claimLoginAttempt) keeps the counts exact.
const inFlight = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = inFlight.get(key) ?? Promise.resolve();
  const current = previous.then(run, run);
  const settled = current.then(
    () => undefined,
    () => undefined,
  );
  inFlight.set(key, settled);
  try {
    return await current;
  } finally {
    if (inFlight.get(key) === settled) inFlight.delete(key);
  }
}

/**
 * Checks an email and password under the brute-force limits
 * (lib/auth/login-limits.ts) and audits it. The attempt is claimed, and
 * counted as a failure, before the password is checked, so concurrent
 * guesses cannot all pass the limit before any of them is recorded; a
 * refused attempt never reaches bcrypt. A deactivated account fails exactly
 * like a wrong password; so does an unknown email, after a check against a
 * hash of the same cost.
 */
export async function verifyCredentials(
  input: { email: string; password: string; ip: string },
  db?: Executor,
  now?: Date,
): Promise<CredentialsResult> {
  const conn = db ?? (await getDb());
  const email = input.email.trim().toLowerCase();
  const ip = input.ip;

  return oneAtATime(email, async () => {
    // Read the clock when our turn comes, not when we started queueing.
    const at = now ?? new Date();
    const claim = await claimLoginAttempt({ email, ip }, conn, at);
    if (!claim.allowed) {
      await recordAudit({ actorId: null, action: 'auth.sign_in_refused', details: { email, ip, scope: claim.scope } }, conn);
      return { ok: false, reason: 'locked', scope: claim.scope, retryAfterSeconds: claim.retryAfterSeconds };
    }

    const [user] = await conn
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, passwordHash: users.passwordHash })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);
    // Awaited for every attempt, known email or not: the one-off cost of making it does not tell them apart.
    const dummyHash = await dummyPasswordHash();
    const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? dummyHash);
    const success = Boolean(user && user.active && passwordMatches);

    if (success && user) {
      await markLoginAttemptSucceeded(claim.attemptId, conn);
      await recordAudit({ actorId: user.id, action: 'auth.sign_in', targetType: 'user', targetId: user.id, details: { ip } }, conn);
      return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role } };
    }

    await recordAudit(
      {
        actorId: null,
        action: 'auth.sign_in_failed',
        targetType: user ? 'user' : undefined,
        targetId: user?.id,
        details: { email, ip, ...(user && !user.active ? { inactive: true } : {}) },
      },
      conn,
    );
    await noticeBurst({ email, userId: user?.id ?? null }, conn, at);
    return { ok: false, reason: 'invalid' };
  });
}

/**
 * After a failure: when the account's failures in the window make a burst,
 * one notice for its owner per window (`account_alerts`, shown on their
 * dashboard) and one audit line; later failures in the same window only
 * update that notice's counts. Under the account's lock, so two instances
 * cannot both create it. Run for unknown emails too (without the notice), so
 * the answer takes the same path.
 */
async function noticeBurst(account: { email: string; userId: number | null }, db: Executor, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockSignInAccount(account.email, tx);
    const summary = await summarizeAccountFailures(account.email, tx, now);
    if (account.userId === null || !isSignInBurst(summary)) return;
    const details = { failures: summary.failures, addresses: summary.addresses, windowMinutes: LOGIN_LIMITS.windowMs / 60_000, lastAt: now.toISOString() };
    const existing = await findAccountAlertSince(account.userId, SIGN_IN_BURST_ALERT, new Date(now.getTime() - BURST_NOTICE_INTERVAL_MS), tx);
    if (existing) {
      await updateAccountAlertDetails(existing.id, { ...existing.details, ...details }, tx);
      return;
    }
    await insertAccountAlert({ userId: account.userId, kind: SIGN_IN_BURST_ALERT, details, createdAt: now }, tx);
    await recordAudit(
      { actorId: null, action: 'auth.sign_in_burst', targetType: 'user', targetId: account.userId, details: { failures: summary.failures, addresses: summary.addresses } },
      tx,
    );
  });
}
