/**
 * The session cookie as proxy.ts refreshes it on every /admin request: a live
 * session's cookie is re-issued with a fresh expiry, a refused one
 * (deactivated, signed out, password reset, unknown user) is cleared, never
 * re-issued. proxy.ts hands each request to next-auth's session action with
 * baseAuthConfig() and copies its Set-Cookie onto the answer; this runs that
 * same action (@auth/core, which next-auth wraps: next-auth itself cannot be
 * loaded outside Next) with the same configuration, against the test database.
 */
import { Auth } from '@auth/core';
import { encode } from '@auth/core/jwt';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { makeUser, useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

vi.hoisted(() => {
  process.env.AUTH_SECRET = 'kiem-thu-cookie-phien-'.padEnd(48, 'x');
});

const { baseAuthConfig } = await import('@/server/auth/config');
const { setUserActive } = await import('@/server/accounts/set-user-active');
const { revokeSessions } = await import('@/server/accounts/revoke-sessions');
const { resetUserPassword } = await import('@/server/accounts/reset-user-password');

const COOKIE = 'authjs.session-token';

async function sessionCookie(userId: number, signedInAtMs: number): Promise<string> {
  const value = await encode({
    token: { sub: String(userId), signedInAt: Math.floor(signedInAtMs / 1000), signedInAtMs },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
    maxAge: 3600,
  });
  return `${COOKIE}=${value}`;
}

type CookieVerdict = 'reissued' | 'cleared' | 'untouched';

/** What the session action (what proxy.ts runs for every /admin and /dang-nhap request) does to the session cookie. */
async function refresh(cookie: string): Promise<CookieVerdict> {
  const request = new Request('http://localhost:3000/api/auth/session', { headers: { cookie } });
  const response = await Auth(request, { ...baseAuthConfig(), basePath: '/api/auth' });
  const set = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
  if (!set) return 'untouched';
  const value = set.slice(COOKIE.length + 1).split(';')[0];
  const expires = /expires=([^;]+)/i.exec(set)?.[1];
  const gone = !value || /max-age=0/i.test(set) || (expires !== undefined && new Date(expires).getTime() <= Date.now());
  return gone ? 'cleared' : 'reissued';
}

describeDb(`the session cookie is refreshed only while the session stands (${testDriver})`, () => {
  let handle: DatabaseHandle;
  let undo: () => void;

  beforeAll(async () => {
    handle = await createTestDatabase();
    undo = useAsAppDatabase(handle);
  });
  afterAll(async () => {
    undo?.();
    await handle?.close();
  });

  it('a live session is re-issued with a fresh expiry', async () => {
    const user = await makeUser(handle.db, 'journalist');
    const cookie = await sessionCookie(user.id, Date.now() - 60_000);
    expect(await refresh(cookie)).toBe('reissued');
  });

  it('deactivation clears the cookie instead of re-issuing it, and reactivation does not revive it', async () => {
    const keeper = await makeUser(handle.db, 'admin');
    const user = await makeUser(handle.db, 'moderator');
    const cookie = await sessionCookie(user.id, Date.now() - 60_000);
    expect(await refresh(cookie)).toBe('reissued');

    await setUserActive({ userId: user.id, active: false, actorId: keeper.id }, handle.db);
    expect(await refresh(cookie)).toBe('cleared');

    await setUserActive({ userId: user.id, active: true, actorId: keeper.id }, handle.db);
    expect(await refresh(cookie)).toBe('cleared');
    // Signing in again after the reactivation gives a working session.
    expect(await refresh(await sessionCookie(user.id, Date.now() + 5))).toBe('reissued');
  });

  it('signing out, a password reset and an unknown user clear it too', async () => {
    const keeper = await makeUser(handle.db, 'admin');
    const a = await makeUser(handle.db, 'journalist');
    const cookieA = await sessionCookie(a.id, Date.now() - 60_000);
    await revokeSessions({ userId: a.id }, handle.db);
    expect(await refresh(cookieA)).toBe('cleared');

    const b = await makeUser(handle.db, 'journalist');
    const cookieB = await sessionCookie(b.id, Date.now() - 60_000);
    await resetUserPassword({ userId: b.id, password: 'Mat-khau-moi-2026', actorId: keeper.id }, handle.db);
    expect(await refresh(cookieB)).toBe('cleared');

    expect(await refresh(await sessionCookie(987_654, Date.now()))).toBe('cleared');
  });
});
