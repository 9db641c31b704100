import { describe, expect, it } from 'vitest';
import {
  decideLoginAttempt,
  isSignInBurst,
  lockedForSeconds,
  signInBurstMessage,
  slowdownDelayMs,
  type LoginHistory,
} from '@/lib/auth/login-limits';

const now = new Date('2026-03-02T08:20:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const minutesAgo = (m: number) => secondsAgo(m * 60);
const times = (n: number, at: (i: number) => Date) => Array.from({ length: n }, (_, i) => at(i));
const quiet: LoginHistory = { accountAddressFailures: [], addressFailures: [], accountFailures: 0, lastAccountFailureAt: null };

describe('slowdownDelayMs', () => {
  it('is free for the first failures, then doubles from 1 s and stops at 30 s', () => {
    expect([0, 1, 4].map((n) => slowdownDelayMs(n))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50, 10_000].map((n) => slowdownDelayMs(n))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });
});

describe('lockedForSeconds', () => {
  it('is null under the limit and counts down to when the oldest of the last `limit` failures leaves the window', () => {
    expect(lockedForSeconds(times(4, (i) => minutesAgo(i)), 5, now)).toBeNull();
    // Newest first: minutes 0…4 ago, the oldest leaves 11 minutes from now.
    expect(lockedForSeconds(times(5, (i) => minutesAgo(i)), 5, now)).toBe(11 * 60);
    // Only the `limit` newest matter.
    expect(lockedForSeconds(times(7, (i) => minutesAgo(i)), 5, now)).toBe(11 * 60);
    expect(lockedForSeconds(times(5, () => minutesAgo(15)), 5, now)).toBeNull();
  });
});

describe('decideLoginAttempt', () => {
  it('lets a quiet account through', () => {
    expect(decideLoginAttempt(quiet, now)).toEqual({ allowed: true });
  });

  it('locks one address out of one account after 5 failures from it', () => {
    const fromHere = times(5, (i) => minutesAgo(i));
    const verdict = decideLoginAttempt({ ...quiet, accountAddressFailures: fromHere, addressFailures: fromHere, accountFailures: 5, lastAccountFailureAt: fromHere[0]! }, now);
    expect(verdict).toEqual({ allowed: false, scope: 'account', retryAfterSeconds: 11 * 60 });
  });

  it('does not lock another address: it only waits out the slowdown of the account', () => {
    // 5 failures a few minutes ago, all from elsewhere.
    const history = { ...quiet, accountFailures: 5, lastAccountFailureAt: minutesAgo(2) };
    expect(decideLoginAttempt(history, now)).toEqual({ allowed: true });
    expect(decideLoginAttempt({ ...history, lastAccountFailureAt: secondsAgo(0.5) }, now)).toEqual({ allowed: false, scope: 'slowdown', retryAfterSeconds: 1 });
  });

  it('locks an address after 20 failures whatever the accounts', () => {
    const verdict = decideLoginAttempt({ ...quiet, addressFailures: times(20, (i) => secondsAgo(i * 10)) }, now);
    expect(verdict).toMatchObject({ allowed: false, scope: 'ip' });
    expect(decideLoginAttempt({ ...quiet, addressFailures: times(19, (i) => secondsAgo(i * 10)) }, now)).toEqual({ allowed: true });
  });

  it('the slowdown waits for the delay after the latest failure, longer as failures pile up, never more than 30 s', () => {
    expect(decideLoginAttempt({ ...quiet, accountFailures: 8, lastAccountFailureAt: secondsAgo(3) }, now)).toEqual({
      allowed: false,
      scope: 'slowdown',
      retryAfterSeconds: 5,
    });
    expect(decideLoginAttempt({ ...quiet, accountFailures: 8, lastAccountFailureAt: secondsAgo(8) }, now)).toEqual({ allowed: true });
    expect(decideLoginAttempt({ ...quiet, accountFailures: 99, lastAccountFailureAt: secondsAgo(0) }, now)).toEqual({
      allowed: false,
      scope: 'slowdown',
      retryAfterSeconds: 30,
    });
    expect(decideLoginAttempt({ ...quiet, accountFailures: 99, lastAccountFailureAt: secondsAgo(30) }, now)).toEqual({ allowed: true });
  });
});

describe('bursts', () => {
  it('5 failures of one account in the window are a burst', () => {
    expect(isSignInBurst({ failures: 4, addresses: 4 })).toBe(false);
    expect(isSignInBurst({ failures: 5, addresses: 1 })).toBe(true);
  });

  it('the notice says how many failures from how many addresses, in Vietnamese', () => {
    expect(signInBurstMessage({ failures: 12, addresses: 3 })).toBe(
      'Tài khoản của bạn vừa bị đăng nhập sai 12 lần từ 3 địa chỉ trong vòng 15 phút. Nếu không phải bạn, hãy báo quản trị viên để đặt lại mật khẩu.',
    );
    expect(signInBurstMessage({})).toContain('sai 1 lần từ 1 địa chỉ');
  });
});
