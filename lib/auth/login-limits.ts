/**
 * The sign-in limits, as pure rules (the counting happens in
 * db/queries/login-attempts.ts, under a per-account lock, so the rules see
 * every attempt already claimed, including those still being checked).
 *
 * Within a sliding 15-minute window:
 * - one account from one address: 5 failures lock that address out of that
 *   account (the right password included) until the oldest of them ages out.
 *   Another address is not locked by them: anyone can no longer lock anyone out.
 * - one address: 20 failures, whatever the accounts, lock that address.
 * - one account from every address together: after 5 failures each further
 *   check has to wait for a delay after the latest failure, 1 s, 2 s, 4 s …
 *   doubling per failure, at most 30 s; an attempt earlier than that is
 *   answered "thử lại sau N giây" without checking the password (and is not
 *   counted). This is a slowdown, not a lock: the right password from an
 *   address that has not failed gets through once the delay has passed.
 * A successful sign-in clears the account's own counts (the slowdown, and
 * the lock of the address it came from); the address count stays.
 * 5 failures of one account in the window (from any addresses) are a burst:
 * its owner gets a notice, at most one per window.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  /** Failures of one account from one address before that address is locked out of it. */
  perAccountAddress: 5,
  /** Failures from one address (any accounts) before the address is locked. */
  perAddress: 20,
  /** Failures of one account (any addresses) before each further check is delayed. */
  slowdownAfter: 5,
  slowdownBaseMs: 1_000,
  slowdownMaxMs: 30_000,
  /** Failures of one account (any addresses) in the window that make a burst worth telling its owner about. */
  burstAfter: 5,
} as const;

export type LoginLimits = typeof LOGIN_LIMITS;

/** What the limits need to know, as of the moment of the attempt. */
export type LoginHistory = {
  /** This account from this address since its last success from there: failure times, newest first (at most `perAccountAddress` needed). */
  accountAddressFailures: Date[];
  /** This address, any account: failure times, newest first (at most `perAddress` needed). */
  addressFailures: Date[];
  /** This account, any address, since its last success. */
  accountFailures: number;
  /** The newest of those, or null. */
  lastAccountFailureAt: Date | null;
};

export type LoginRefusalScope = 'account' | 'ip' | 'slowdown';

export type LoginVerdict = { allowed: true } | { allowed: false; scope: LoginRefusalScope; retryAfterSeconds: number };

/**
 * How long after an account's latest failure the next password check may
 * run, given its failures in the window: 0 up to `slowdownAfter - 1`, then
 * 1 s, 2 s, 4 s … doubling, capped at 30 s.
 */
export function slowdownDelayMs(accountFailures: number, limits: LoginLimits = LOGIN_LIMITS): number {
  if (accountFailures < limits.slowdownAfter) return 0;
  const doublings = accountFailures - limits.slowdownAfter;
  // 2^doublings overflows nothing here: past the cap the answer is the cap.
  if (doublings >= 30) return limits.slowdownMaxMs;
  return Math.min(limits.slowdownMaxMs, limits.slowdownBaseMs * 2 ** doublings);
}

/** Seconds until the oldest of the last `limit` failures leaves the window, or null while under the limit. */
export function lockedForSeconds(failuresNewestFirst: Date[], limit: number, now: Date, windowMs: number = LOGIN_LIMITS.windowMs): number | null {
  if (failuresNewestFirst.length < limit) return null;
  const oldest = failuresNewestFirst[limit - 1]!;
  const remainingMs = oldest.getTime() + windowMs - now.getTime();
  if (remainingMs <= 0) return null;
  return Math.max(1, Math.ceil(remainingMs / 1000));
}

/** Whether the password may be checked now; if not, which limit refuses it and for how long. */
export function decideLoginAttempt(history: LoginHistory, now: Date, limits: LoginLimits = LOGIN_LIMITS): LoginVerdict {
  const account = lockedForSeconds(history.accountAddressFailures, limits.perAccountAddress, now, limits.windowMs);
  if (account !== null) return { allowed: false, scope: 'account', retryAfterSeconds: account };
  const address = lockedForSeconds(history.addressFailures, limits.perAddress, now, limits.windowMs);
  if (address !== null) return { allowed: false, scope: 'ip', retryAfterSeconds: address };
  const delayMs = slowdownDelayMs(history.accountFailures, limits);
  if (delayMs > 0 && history.lastAccountFailureAt) {
    const waitMs = history.lastAccountFailureAt.getTime() + delayMs - now.getTime();
    if (waitMs > 0) return { allowed: false, scope: 'slowdown', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
  return { allowed: true };
}

/** Failures of one account within the window, from any addresses (successes do not reset this one). */
export type AccountFailureSummary = { failures: number; addresses: number };

/** A burst worth a notice to the account's owner (once per window: see `BURST_NOTICE_INTERVAL_MS`). */
export function isSignInBurst(summary: AccountFailureSummary, limits: LoginLimits = LOGIN_LIMITS): boolean {
  return summary.failures >= limits.burstAfter;
}

/** At most one burst notice per account in this long; later failures in it update that notice's counts. */
export const BURST_NOTICE_INTERVAL_MS = LOGIN_LIMITS.windowMs;

/** The owner's notice, in Vietnamese, from the counts stored with it. */
export function signInBurstMessage(details: { failures?: unknown; addresses?: unknown }): string {
  const failures = positiveInteger(details.failures);
  const addresses = positiveInteger(details.addresses);
  const minutes = Math.round(LOGIN_LIMITS.windowMs / 60_000);
  return (
    `Tài khoản của bạn vừa bị đăng nhập sai ${failures} lần từ ${addresses} địa chỉ trong vòng ${minutes} phút. ` +
    'Nếu không phải bạn, hãy báo quản trị viên để đặt lại mật khẩu.'
  );
}

function positiveInteger(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}
