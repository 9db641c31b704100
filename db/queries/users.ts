import 'server-only';
import bcrypt from 'bcryptjs';
import { and, asc, eq, like, ne, sql } from 'drizzle-orm';
import { AppError } from '@/lib/http/errors';
import { nextFreeSlug, slugify } from '@/lib/slug';
import type { Executor } from '../client';
import { getDb } from '../index';
import { users, type UserRole } from '../schema';
import { recordAudit } from './audit';

export const PASSWORD_COST = 12;

export type UserSummary = { id: number; name: string; email: string; role: UserRole; active: boolean; createdAt: Date };

const summary = { id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, createdAt: users.createdAt };

export async function listUsers(db?: Executor): Promise<UserSummary[]> {
  const conn = db ?? (await getDb());
  return conn.select(summary).from(users).orderBy(asc(users.name), asc(users.id));
}

export async function getUserById(id: number, db?: Executor): Promise<UserSummary | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select(summary).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function getUserByEmail(email: string, db?: Executor): Promise<UserSummary | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select(summary).from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`).limit(1);
  return row ?? null;
}

async function freeUserSlug(name: string, conn: Executor): Promise<string> {
  const base = slugify(name) || 'nguoi-dung';
  const taken = await conn.select({ slug: users.slug }).from(users).where(like(users.slug, `${base}%`));
  return nextFreeSlug(base, taken.map((t) => t.slug));
}

export async function createUser(
  input: { name: string; email: string; role: UserRole; password: string },
  actorId: number | null,
  db?: Executor,
  auditAction = 'user.created',
): Promise<UserSummary> {
  const conn = db ?? (await getDb());
  const email = input.email.trim().toLowerCase();
  const passwordHash = await bcrypt.hash(input.password, PASSWORD_COST);
  return conn.transaction(async (tx) => {
    if (await getUserByEmail(email, tx)) throw new AppError('conflict', 'Email này đã có tài khoản.');
    const [row] = await tx
      .insert(users)
      .values({ name: input.name.trim(), email, role: input.role, passwordHash, slug: await freeUserSlug(input.name, tx) })
      .returning(summary);
    await recordAudit({ actorId, action: auditAction, targetType: 'user', targetId: row!.id, details: { email, role: input.role } }, tx);
    return row!;
  });
}

/** Refuses a change that would leave no active admin (nobody could manage accounts any more). */
async function assertAnotherActiveAdmin(userId: number, tx: Executor): Promise<void> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)));
  if (Number(row?.n ?? 0) === 0) throw new AppError('conflict', 'Phải còn ít nhất một tài khoản quản trị đang hoạt động.');
}

async function lockUser(userId: number, tx: Executor) {
  const [row] = await tx.select(summary).from(users).where(eq(users.id, userId)).for('update').limit(1);
  if (!row) throw new AppError('not_found', 'Không tìm thấy tài khoản.');
  return row;
}

export async function changeUserRole(userId: number, role: UserRole, actorId: number | null, db?: Executor): Promise<UserSummary> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    const current = await lockUser(userId, tx);
    if (current.role === role) return current;
    if (current.role === 'admin' && current.active) await assertAnotherActiveAdmin(userId, tx);
    const [row] = await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId)).returning(summary);
    await recordAudit({ actorId, action: 'user.role_changed', targetType: 'user', targetId: userId, details: { from: current.role, to: role } }, tx);
    return row!;
  });
}

export async function setUserActive(userId: number, active: boolean, actorId: number | null, db?: Executor): Promise<UserSummary> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    const current = await lockUser(userId, tx);
    if (current.active === active) return current;
    if (!active && current.role === 'admin') await assertAnotherActiveAdmin(userId, tx);
    const [row] = await tx.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, userId)).returning(summary);
    await recordAudit({ actorId, action: active ? 'user.reactivated' : 'user.deactivated', targetType: 'user', targetId: userId }, tx);
    return row!;
  });
}

export async function resetUserPassword(userId: number, password: string, actorId: number | null, db?: Executor): Promise<void> {
  const conn = db ?? (await getDb());
  const passwordHash = await bcrypt.hash(password, PASSWORD_COST);
  await conn.transaction(async (tx) => {
    await lockUser(userId, tx);
    // A new password ends every session that was signed in with the old one.
    await tx.update(users).set({ passwordHash, sessionsValidAfter: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit({ actorId, action: 'user.password_reset', targetType: 'user', targetId: userId }, tx);
  });
}

/**
 * `npm run user:create`: creates the account, or updates name, role and
 * password of an existing one (and reactivates it). How a production install gets its first admin.
 */
export async function upsertUserFromCli(
  input: { name: string; email: string; role: UserRole; password: string },
  db?: Executor,
): Promise<{ created: boolean; user: UserSummary }> {
  const conn = db ?? (await getDb());
  const existing = await getUserByEmail(input.email, conn);
  if (!existing) return { created: true, user: await createUser(input, null, conn, 'user.created_cli') };
  const passwordHash = await bcrypt.hash(input.password, PASSWORD_COST);
  const user = await conn.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ name: input.name.trim(), role: input.role, passwordHash, active: true, sessionsValidAfter: new Date(), updatedAt: new Date() })
      .where(eq(users.id, existing.id))
      .returning(summary);
    await recordAudit(
      { actorId: null, action: 'user.updated_cli', targetType: 'user', targetId: existing.id, details: { role: input.role, previousRole: existing.role } },
      tx,
    );
    return row!;
  });
  return { created: false, user };
}

/** Ends every session of the user that began before now (sign-out). */
export async function revokeSessions(userId: number, db?: Executor): Promise<void> {
  const conn = db ?? (await getDb());
  await conn.update(users).set({ sessionsValidAfter: new Date() }).where(eq(users.id, userId));
}
