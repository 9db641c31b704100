import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { changeUserRole } from '@/server/accounts/change-user-role';
import { resetUserPassword } from '@/server/accounts/reset-user-password';
import { revokeSessions } from '@/server/accounts/revoke-sessions';
import { setUserActive } from '@/server/accounts/set-user-active';
import { AppError } from '@/lib/http/errors';
import { makeUser, useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

const session = vi.hoisted(() => ({ userId: null as number | null, signedInAtMs: null as number | null }));
vi.mock('@/server/auth/session-token', () => ({
  readSessionToken: async () => (session.userId === null ? null : { userId: session.userId, signedInAtMs: session.signedInAtMs ?? Date.now() }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { getSessionUser, requireRole, requireUser } = await import('@/server/auth/session');
const { createCategoryAction } = await import('@/app/(admin)/admin/chuyen-muc/actions');

describeDb(`role changes and deactivation take effect on the next request (${testDriver})`, () => {
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

  it('a demoted admin loses admin actions on the next call, with the same session', async () => {
    const keeper = await makeUser(handle.db, 'admin');
    const admin = await makeUser(handle.db, 'admin');
    session.userId = admin.id;
    expect((await requireRole('admin')).id).toBe(admin.id);
    expect(await createCategoryAction({ name: 'Trước khi hạ quyền' })).toMatchObject({ ok: true });

    await changeUserRole({ userId: admin.id, role: 'journalist', actorId: keeper.id }, handle.db);

    expect(await getSessionUser()).toMatchObject({ id: admin.id, role: 'journalist' });
    await expect(requireRole('admin')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await createCategoryAction({ name: 'Sau khi hạ quyền' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('a promoted journalist gains the role at once', async () => {
    const keeper = await makeUser(handle.db, 'admin');
    const journalist = await makeUser(handle.db, 'journalist');
    session.userId = journalist.id;
    await expect(requireRole('moderator', 'admin')).rejects.toBeInstanceOf(AppError);
    await changeUserRole({ userId: journalist.id, role: 'moderator', actorId: keeper.id }, handle.db);
    expect((await requireRole('moderator', 'admin')).role).toBe('moderator');
  });

  it('a deactivated user is signed out on the next call, and reactivation asks for a new sign-in', async () => {
    const keeper = await makeUser(handle.db, 'admin');
    const admin = await makeUser(handle.db, 'admin');
    session.userId = admin.id;
    session.signedInAtMs = Date.now() - 60_000;
    expect(await getSessionUser()).not.toBeNull();

    await setUserActive({ userId: admin.id, active: false, actorId: keeper.id }, handle.db);

    expect(await getSessionUser()).toBeNull();
    await expect(requireUser()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await createCategoryAction({ name: 'Bị khóa' })).toMatchObject({ ok: false, code: 'unauthorized' });

    // The session from before the deactivation stays void: deactivation ended it like "Đăng xuất".
    await setUserActive({ userId: admin.id, active: true, actorId: keeper.id }, handle.db);
    expect(await getSessionUser()).toBeNull();
    expect(await createCategoryAction({ name: 'Phiên cũ sau khi mở khóa' })).toMatchObject({ ok: false, code: 'unauthorized' });
    // Signing in again works.
    session.signedInAtMs = Date.now() + 1;
    expect(await getSessionUser()).toMatchObject({ id: admin.id });
    session.signedInAtMs = null;
  });

  it('signing out and resetting the password void sessions begun before them', async () => {
    const { users } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    const keeper = await makeUser(handle.db, 'admin');
    const journalist = await makeUser(handle.db, 'journalist');
    session.userId = journalist.id;
    session.signedInAtMs = Date.now() - 60_000;
    expect(await getSessionUser()).toMatchObject({ id: journalist.id });

    await revokeSessions({ userId: journalist.id }, handle.db);
    expect(await getSessionUser()).toBeNull();
    // Signing in again afterwards gives a working session.
    session.signedInAtMs = Date.now() + 1;
    expect(await getSessionUser()).toMatchObject({ id: journalist.id });

    await handle.db.update(users).set({ sessionsValidAfter: null }).where(eq(users.id, journalist.id));
    session.signedInAtMs = Date.now() - 60_000;
    expect(await getSessionUser()).toMatchObject({ id: journalist.id });
    await resetUserPassword({ userId: journalist.id, password: 'Mat-khau-moi-2026', actorId: keeper.id }, handle.db);
    expect(await getSessionUser()).toBeNull();
    session.signedInAtMs = null;
  });

  it('a session for a deleted or unknown user id is anonymous', async () => {
    session.userId = 987654;
    expect(await getSessionUser()).toBeNull();
  });

  it('refuses to deactivate or demote the last active admin', async () => {
    // Deactivate every other admin first so exactly one remains.
    const { users } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    await handle.db.update(users).set({ active: false }).where(eq(users.role, 'admin'));
    const last = await makeUser(handle.db, 'admin');
    // Acted on by someone else (null: the command line): an admin locking themselves out is refused by a rule of its own.
    await expect(setUserActive({ userId: last.id, active: false, actorId: null }, handle.db)).rejects.toMatchObject({ code: 'conflict' });
    await expect(changeUserRole({ userId: last.id, role: 'moderator', actorId: last.id }, handle.db)).rejects.toMatchObject({ code: 'conflict' });
  });
});
