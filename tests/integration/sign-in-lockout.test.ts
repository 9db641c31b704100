import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listAccountAlerts } from '@/db/queries/account-alerts';
import { claimLoginAttempt } from '@/db/queries/login-attempts';
import { auditLog, loginAttempts } from '@/db/schema';
import { LOGIN_LIMITS } from '@/lib/auth/login-limits';
import { takeAccountNotices } from '@/server/accounts/take-account-alerts';
import { verifyCredentials, type CredentialsResult } from '@/server/auth/credentials';
import { FIXTURE_PASSWORD, makeUser } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

describeDb(`sign-in and brute-force limits on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  // Each test has its own hour, so the windows of one never reach another.
  const hour = (h: number) => (minutes: number) => new Date(Date.UTC(2026, 2, 2, h) + minutes * 60_000);

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  const attemptsOf = (email: string) => handle.db.select().from(loginAttempts).where(eq(loginAttempts.email, email));
  const auditsOf = (action: string, userId: number) =>
    handle.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, userId)));
  const refused = (scope: string) => ({ ok: false, reason: 'locked', scope });

  it('signs in with the right password and audits it', async () => {
    const at = hour(1);
    const user = await makeUser(handle.db, 'journalist');
    const result = await verifyCredentials({ email: user.email.toUpperCase(), password: FIXTURE_PASSWORD, ip: '10.0.0.1' }, handle.db, at(0));
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: 'journalist' } });
    const audits = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_in'), eq(auditLog.actorId, user.id)));
    expect(audits).toHaveLength(1);
    expect(await attemptsOf(user.email)).toMatchObject([{ success: true, ip: '10.0.0.1' }]);
  });

  it('refuses a deactivated account and an unknown email exactly like a wrong password', async () => {
    const at = hour(2);
    const user = await makeUser(handle.db, 'admin', { active: false });
    expect(await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '10.0.0.2' }, handle.db, at(0))).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCredentials({ email: 'khong-ai-ca@example.vn', password: FIXTURE_PASSWORD, ip: '10.0.0.2' }, handle.db, at(1))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('5 failures from one address lock that address out of the account, not the owner signing in from elsewhere', async () => {
    const at = hour(3);
    const user = await makeUser(handle.db, 'moderator');
    const attacker = '203.0.113.50';
    for (let i = 0; i < LOGIN_LIMITS.perAccountAddress; i++) {
      expect(await verifyCredentials({ email: user.email, password: 'sai-mat-khau', ip: attacker }, handle.db, at(i))).toEqual({ ok: false, reason: 'invalid' });
    }
    const locked = await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: attacker }, handle.db, at(5));
    expect(locked).toMatchObject(refused('account'));
    // The first failure (minute 0) leaves the window at minute 15: 10 minutes from minute 5.
    expect(locked.ok === false && locked.reason === 'locked' && locked.retryAfterSeconds).toBe(10 * 60);

    // The owner, from an address that has not failed, is not denied.
    expect((await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '198.51.100.20' }, handle.db, at(5))).ok).toBe(true);
    // …and that success does not unlock the attacker's address.
    expect(await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: attacker }, handle.db, at(6))).toMatchObject(refused('account'));
    expect(await auditsOf('auth.sign_in_failed', user.id)).toHaveLength(LOGIN_LIMITS.perAccountAddress);
    expect((await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: attacker }, handle.db, at(15.5))).ok).toBe(true);
  });

  it('a successful sign-in clears the count of the account from that address', async () => {
    const at = hour(4);
    const user = await makeUser(handle.db, 'journalist');
    for (let i = 0; i < LOGIN_LIMITS.perAccountAddress - 1; i++) {
      await verifyCredentials({ email: user.email, password: 'sai', ip: '10.2.0.1' }, handle.db, at(i));
    }
    expect((await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '10.2.0.1' }, handle.db, at(5))).ok).toBe(true);
    expect(await verifyCredentials({ email: user.email, password: 'sai', ip: '10.2.0.1' }, handle.db, at(6))).toEqual({ ok: false, reason: 'invalid' });
    expect((await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '10.2.0.1' }, handle.db, at(7))).ok).toBe(true);
  });

  describe('concurrent guesses (the check and the count are one step)', () => {
    it('50 wrong guesses released together from 50 addresses, then the right one: 5 are checked, the right one is refused', async () => {
      const at = hour(5)(0);
      const user = await makeUser(handle.db, 'admin');
      const guesses = Array.from({ length: 50 }, (_, i) => verifyCredentials({ email: user.email, password: `doan-${i}`, ip: `100.64.0.${i + 1}` }, handle.db, at));
      const right = verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '100.64.1.1' }, handle.db, at);
      const results = await Promise.all([...guesses, right]);

      const evaluated = results.filter((r) => !(r.ok === false && r.reason === 'locked'));
      expect(evaluated.length).toBeLessThanOrEqual(LOGIN_LIMITS.slowdownAfter);
      expect(results.at(-1)).toMatchObject(refused('slowdown'));
      expect(results.some((r) => r.ok)).toBe(false);
      // Only the checked attempts are recorded (as failures), and audited as such.
      expect((await attemptsOf(user.email)).filter((r) => !r.success)).toHaveLength(evaluated.length);
      expect(await auditsOf('auth.sign_in_failed', user.id)).toHaveLength(evaluated.length);

      // A slowdown, not a lock: once the delay has passed, the right password from a fresh address gets in.
      const later = await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '100.64.1.2' }, handle.db, new Date(at.getTime() + 2000));
      expect(later.ok).toBe(true);
    });

    it('the same from one address: 5 are checked, the rest (the right one too) are refused for that address', async () => {
      const at = hour(6)(0);
      const user = await makeUser(handle.db, 'journalist');
      const ip = '100.65.0.1';
      const results = await Promise.all([
        ...Array.from({ length: 50 }, (_, i) => verifyCredentials({ email: user.email, password: `doan-${i}`, ip }, handle.db, at)),
        verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip }, handle.db, at),
      ]);
      expect(results.filter((r) => !(r.ok === false && r.reason === 'locked'))).toHaveLength(LOGIN_LIMITS.perAccountAddress);
      expect(results.at(-1)).toMatchObject(refused('account'));
      expect(await attemptsOf(user.email)).toHaveLength(LOGIN_LIMITS.perAccountAddress);
    });

    it('two server processes (each with its own one-at-a-time queue) still check at most 5', async () => {
      const at = hour(7)(0);
      const user = await makeUser(handle.db, 'journalist');
      vi.resetModules();
      const other = await import('@/server/auth/credentials');
      expect(other.verifyCredentials).not.toBe(verifyCredentials);
      const results: CredentialsResult[] = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? other.verifyCredentials : verifyCredentials)({ email: user.email, password: `doan-${i}`, ip: `100.66.0.${i + 1}` }, handle.db, at),
        ),
      );
      expect(results.filter((r) => !(r.ok === false && r.reason === 'locked')).length).toBeLessThanOrEqual(LOGIN_LIMITS.slowdownAfter);
      expect((await attemptsOf(user.email)).length).toBeLessThanOrEqual(LOGIN_LIMITS.slowdownAfter);
    });

    it('the database claim alone holds: of 30 simultaneous claims exactly 5 are allowed', async () => {
      const at = hour(8)(0);
      const email = 'claim-race@example.vn';
      const claims = await Promise.all(Array.from({ length: 30 }, (_, i) => claimLoginAttempt({ email, ip: `100.67.0.${i + 1}` }, handle.db, at)));
      expect(claims.filter((c) => c.allowed)).toHaveLength(LOGIN_LIMITS.slowdownAfter);
      expect(await attemptsOf(email)).toHaveLength(LOGIN_LIMITS.slowdownAfter);
    });
  });

  it('past 5 failures each further check waits 1 s, 2 s, 4 s … after the latest failure, and refusals do not count', async () => {
    const at = hour(9);
    const t0 = at(0).getTime();
    const s = (seconds: number) => new Date(t0 + seconds * 1000);
    const user = await makeUser(handle.db, 'journalist');
    for (let i = 0; i < 5; i++) await verifyCredentials({ email: user.email, password: 'sai', ip: `100.68.0.${i + 1}` }, handle.db, s(0));

    const guess = (seconds: number, n: number) => verifyCredentials({ email: user.email, password: 'sai', ip: `100.68.1.${n}` }, handle.db, s(seconds));
    expect(await guess(0.5, 1)).toEqual({ ok: false, reason: 'locked', scope: 'slowdown', retryAfterSeconds: 1 });
    expect(await guess(1, 2)).toEqual({ ok: false, reason: 'invalid' }); // checked: 6 failures now, next after 2 s
    expect(await guess(2.5, 3)).toEqual({ ok: false, reason: 'locked', scope: 'slowdown', retryAfterSeconds: 1 });
    expect(await guess(3, 4)).toEqual({ ok: false, reason: 'invalid' }); // 7 failures, next after 4 s
    expect(await guess(6, 5)).toEqual({ ok: false, reason: 'locked', scope: 'slowdown', retryAfterSeconds: 1 });
    expect(await attemptsOf(user.email)).toHaveLength(7);

    // The owner, from a fresh address, after the delay.
    expect((await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '198.51.100.30' }, handle.db, s(7))).ok).toBe(true);
  });

  it('locks an address after 20 failures across accounts; other addresses are unaffected', async () => {
    const at = hour(10);
    const ip = '203.0.113.9';
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      const someone = await makeUser(handle.db, 'journalist');
      await verifyCredentials({ email: someone.email, password: 'sai', ip }, handle.db, at(i * 0.1));
    }
    const victim = await makeUser(handle.db, 'journalist');
    expect(await verifyCredentials({ email: victim.email, password: FIXTURE_PASSWORD, ip }, handle.db, at(3))).toMatchObject(refused('ip'));
    expect((await verifyCredentials({ email: victim.email, password: FIXTURE_PASSWORD, ip: '198.51.100.7' }, handle.db, at(3))).ok).toBe(true);
    // Refused attempts are not counted again: the lock ends when the failures age out.
    expect((await verifyCredentials({ email: victim.email, password: FIXTURE_PASSWORD, ip }, handle.db, at(16))).ok).toBe(true);
    const refusals = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in_refused'));
    expect(refusals.length).toBeGreaterThanOrEqual(1);
  });

  it('counts attempts in the database, so a new process sees them', async () => {
    const at = hour(11);
    const user = await makeUser(handle.db, 'journalist');
    await handle.db.insert(loginAttempts).values(
      Array.from({ length: LOGIN_LIMITS.perAccountAddress }, (_, i) => ({ email: user.email, ip: '10.9.9.9', success: false, createdAt: at(i) })),
    );
    expect(await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '10.9.9.9' }, handle.db, at(6))).toMatchObject(refused('account'));
    expect(await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '10.9.9.8' }, handle.db, at(4.01))).toMatchObject(refused('slowdown'));
  });

  it('a burst leaves its owner one notice per window (and one audit line), shown once on the dashboard', async () => {
    const at = hour(12);
    const user = await makeUser(handle.db, 'journalist');
    const fail = (minute: number, ip: string) => verifyCredentials({ email: user.email, password: 'sai', ip }, handle.db, at(minute));
    for (let i = 0; i < 4; i++) await fail(i, `100.70.0.${i % 2}`);
    expect(await listAccountAlerts(user.id, handle.db)).toHaveLength(0);
    await fail(4, '100.70.0.2'); // the 5th failure in 15 minutes
    await fail(5, '100.70.0.3');
    await fail(6, '100.70.0.3');

    const alerts = await listAccountAlerts(user.id, handle.db);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'sign_in_burst', readAt: null, details: { failures: 7, addresses: 4 } });
    expect(await auditsOf('auth.sign_in_burst', user.id)).toHaveLength(1);

    const notices = await takeAccountNotices(user.id, handle.db);
    expect(notices.map((n) => n.message)).toEqual([
      'Tài khoản của bạn vừa bị đăng nhập sai 7 lần từ 4 địa chỉ trong vòng 15 phút. Nếu không phải bạn, hãy báo quản trị viên để đặt lại mật khẩu.',
    ]);
    expect(await takeAccountNotices(user.id, handle.db)).toEqual([]);

    // A later window's burst is a new notice.
    for (let i = 0; i < 5; i++) await fail(30 + i, `100.70.1.${i}`);
    expect(await listAccountAlerts(user.id, handle.db)).toHaveLength(2);
    expect(await auditsOf('auth.sign_in_burst', user.id)).toHaveLength(2);
    expect(await takeAccountNotices(user.id, handle.db)).toHaveLength(1);
  });
});
