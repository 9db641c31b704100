import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { LOGIN_LIMITS } from '@/db/queries/login-attempts';
import { auditLog, loginAttempts } from '@/db/schema';
import { verifyCredentials } from '@/server/auth/credentials';
import { FIXTURE_PASSWORD, makeUser } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

describeDb(`sign-in and brute-force lockout on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  const start = new Date('2026-03-02T08:00:00Z');
  const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('signs in with the right password and audits it', async () => {
    const user = await makeUser(handle.db, 'journalist');
    const result = await verifyCredentials({ email: user.email.toUpperCase(), password: FIXTURE_PASSWORD, ip: '10.0.0.1' }, handle.db, start);
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: 'journalist' } });
    const audits = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_in'), eq(auditLog.actorId, user.id)));
    expect(audits).toHaveLength(1);
  });

  it('refuses a deactivated account exactly like a wrong password', async () => {
    const user = await makeUser(handle.db, 'admin', { active: false });
    const result = await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '10.0.0.2' }, handle.db, start);
    expect(result).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an account after 5 failures in 15 minutes, even for the right password, until they age out', async () => {
    const user = await makeUser(handle.db, 'moderator');
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      const wrong = await verifyCredentials({ email: user.email, password: 'sai-mat-khau', ip: `10.1.0.${i}` }, handle.db, minutes(i));
      expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    }
    const locked = await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '10.1.1.1' }, handle.db, minutes(5));
    expect(locked).toMatchObject({ ok: false, reason: 'locked', scope: 'account' });
    // The first failure (minute 0) leaves the window at minute 15: 10 minutes from minute 5.
    expect(locked.ok === false && locked.reason === 'locked' && locked.retryAfterSeconds).toBe(10 * 60);

    const audits = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_in_failed'), eq(auditLog.targetId, user.id)));
    expect(audits).toHaveLength(LOGIN_LIMITS.perAccount);

    const later = await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '10.1.1.1' }, handle.db, minutes(15.5));
    expect(later.ok).toBe(true);
  });

  it('a successful sign-in clears the account count', async () => {
    const user = await makeUser(handle.db, 'journalist');
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) {
      await verifyCredentials({ email: user.email, password: 'sai', ip: '10.2.0.1' }, handle.db, minutes(i));
    }
    expect((await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '10.2.0.1' }, handle.db, minutes(5))).ok).toBe(true);
    expect(await verifyCredentials({ email: user.email, password: 'sai', ip: '10.2.0.1' }, handle.db, minutes(6))).toEqual({ ok: false, reason: 'invalid' });
    expect((await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '10.2.0.1' }, handle.db, minutes(7))).ok).toBe(true);
  });

  it('locks an address after 20 failures across accounts; other addresses are unaffected', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      await verifyCredentials({ email: `khong-ton-tai-${i}@example.vn`, password: 'sai', ip }, handle.db, minutes(30 + i * 0.1));
    }
    const victim = await makeUser(handle.db, 'journalist');
    const fromAttacker = await verifyCredentials({ email: victim.email, password: FIXTURE_PASSWORD, ip }, handle.db, minutes(33));
    expect(fromAttacker).toMatchObject({ ok: false, reason: 'locked', scope: 'ip' });
    const fromElsewhere = await verifyCredentials({ email: victim.email, password: FIXTURE_PASSWORD, ip: '198.51.100.7' }, handle.db, minutes(33));
    expect(fromElsewhere.ok).toBe(true);
    // Refused attempts are not counted again: the lock ends when the failures age out.
    expect((await verifyCredentials({ email: victim.email, password: FIXTURE_PASSWORD, ip }, handle.db, minutes(46))).ok).toBe(true);
    const refused = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in_refused'));
    expect(refused.length).toBeGreaterThanOrEqual(1);
  });

  it('counts attempts in the database, so a new process sees them', async () => {
    const user = await makeUser(handle.db, 'journalist');
    await handle.db.insert(loginAttempts).values(
      Array.from({ length: LOGIN_LIMITS.perAccount }, (_, i) => ({ email: user.email, ip: '10.9.9.9', success: false, createdAt: minutes(60 + i) })),
    );
    const result = await verifyCredentials({ email: user.email, password: FIXTURE_PASSWORD, ip: '10.9.9.8' }, handle.db, minutes(66));
    expect(result).toMatchObject({ ok: false, reason: 'locked', scope: 'account' });
  });
});
