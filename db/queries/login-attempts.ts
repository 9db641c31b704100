import 'server-only';
import { and, countDistinct, desc, eq, gt, max, sql } from 'drizzle-orm';
import { LOGIN_LIMITS, decideLoginAttempt, type AccountFailureSummary, type LoginRefusalScope } from '@/lib/auth/login-limits';
import type { Executor } from '../client';
import { loginAttempts } from '../schema';

// Rows of `login_attempts`. The rules (how many, how long) are lib/auth/login-limits.ts;
// what a refusal or a failure leads to is server/auth/credentials.ts.

/** Namespaces (first key) of the two-key advisory locks: the account (email) and the address. */
const ACCOUNT_LOCK = 7301;
const ADDRESS_LOCK = 7302;

/**
 * Holds the account's sign-in lock until the transaction ends, in every
 * instance (Postgres advisory lock). Taken first, before the address lock,
 * by everything that takes both, so two claims can never wait on each other.
 */
export async function lockSignInAccount(email: string, tx: Executor): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${email}))`);
}

async function lockSignInAddress(ip: string, tx: Executor): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${ip}))`);
}

export type LoginClaim = { allowed: true; attemptId: number } | { allowed: false; scope: LoginRefusalScope; retryAfterSeconds: number };

/**
 * Decides whether this attempt may check a password and, if so, records it
 * as a failure in the same transaction, before the password is checked
 * (`markLoginAttemptSucceeded` turns it into a success afterwards). Under the
 * account and address locks, so concurrent claims, in this process or any
 * other, are counted one after the other: none of them can slip past a limit
 * that the others are about to reach. A refused attempt is not recorded.
 */
export async function claimLoginAttempt(attempt: { email: string; ip: string }, db: Executor, now: Date): Promise<LoginClaim> {
  const { email, ip } = attempt;
  const windowStart = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  return db.transaction(async (tx) => {
    await lockSignInAccount(email, tx);
    await lockSignInAddress(ip, tx);

    const [successes] = await tx
      .select({
        fromHere: sql<Date | null>`max(${loginAttempts.createdAt}) FILTER (WHERE ${loginAttempts.ip} = ${ip})`.mapWith(loginAttempts.createdAt),
        anywhere: max(loginAttempts.createdAt),
      })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, true), gt(loginAttempts.createdAt, windowStart)));
    const accountAddressSince = latest(windowStart, successes?.fromHere);
    const accountSince = latest(windowStart, successes?.anywhere);

    const accountAddressFailures = await tx
      .select({ at: loginAttempts.createdAt })
      .from(loginAttempts)
      .where(
        and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.createdAt, accountAddressSince)),
      )
      .orderBy(desc(loginAttempts.createdAt))
      .limit(LOGIN_LIMITS.perAccountAddress);
    const addressFailures = await tx
      .select({ at: loginAttempts.createdAt })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.createdAt, windowStart)))
      .orderBy(desc(loginAttempts.createdAt))
      .limit(LOGIN_LIMITS.perAddress);
    const [account] = await tx
      .select({ failures: sql<number>`count(*)::int`, last: max(loginAttempts.createdAt) })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, false), gt(loginAttempts.createdAt, accountSince)));

    const verdict = decideLoginAttempt(
      {
        accountAddressFailures: accountAddressFailures.map((r) => r.at),
        addressFailures: addressFailures.map((r) => r.at),
        accountFailures: Number(account?.failures ?? 0),
        lastAccountFailureAt: toDate(account?.last),
      },
      now,
    );
    if (!verdict.allowed) return verdict;

    const [row] = await tx.insert(loginAttempts).values({ email, ip, success: false, createdAt: now }).returning({ id: loginAttempts.id });
    return { allowed: true, attemptId: row!.id };
  });
}

/** The claimed attempt turned out to be the right password. */
export async function markLoginAttemptSucceeded(attemptId: number, db: Executor): Promise<void> {
  await db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId));
}

/** Failures of the account within the window ending at `now`, from any address, successes notwithstanding. */
export async function summarizeAccountFailures(email: string, db: Executor, now: Date): Promise<AccountFailureSummary> {
  const windowStart = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const [row] = await db
    .select({ failures: sql<number>`count(*)::int`, addresses: countDistinct(loginAttempts.ip) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, false), gt(loginAttempts.createdAt, windowStart)));
  return { failures: Number(row?.failures ?? 0), addresses: Number(row?.addresses ?? 0) };
}

/** Aggregates come back as strings from some drivers. */
function toDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function latest(a: Date, b: Date | string | null | undefined): Date {
  const other = toDate(b);
  return other && other > a ? other : a;
}
