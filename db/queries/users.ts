import 'server-only';
import { and, asc, eq, like, ne, sql } from 'drizzle-orm';
import { AppError } from '@/lib/http/errors';
import type { Executor } from '../client';
import { getDb } from '../index';
import { users, type NewUser, type UserRole } from '../schema';

// Rows of `users` only. Who may change what, slugs and password hashing are
// the use cases' business (server/accounts/*).

export type UserSummary = { id: number; name: string; email: string; role: UserRole; active: boolean; createdAt: Date };

const summary = { id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, createdAt: users.createdAt };

export async function listUsers(db?: Executor): Promise<UserSummary[]> {
  const conn = db ?? (await getDb());
  return conn.select(summary).from(users).orderBy(asc(users.name), asc(users.id));
}

/** Emails are compared case-insensitively: `Admin@LaoCai.vn` is `admin@laocai.vn`. */
export async function getUserByEmail(email: string, db?: Executor): Promise<UserSummary | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select(summary).from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`).limit(1);
  return row ?? null;
}

/** The row, locked until the transaction ends so concurrent changes to the account queue behind this one. */
export async function lockUserById(id: number, tx: Executor): Promise<UserSummary> {
  const [row] = await tx.select(summary).from(users).where(eq(users.id, id)).for('update').limit(1);
  if (!row) throw new AppError('not_found', 'Không tìm thấy tài khoản.');
  return row;
}

/** Slugs in use that start with `base` (the candidates `base`, `base-2` … might clash with). */
export async function takenUserSlugs(base: string, db: Executor): Promise<string[]> {
  const rows = await db.select({ slug: users.slug }).from(users).where(like(users.slug, `${base}%`));
  return rows.map((r) => r.slug);
}

/** Active admins other than `userId`. */
export async function countOtherActiveAdmins(userId: number, db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)));
  return Number(row?.n ?? 0);
}

export type NewUserRow = Pick<NewUser, 'name' | 'email' | 'role' | 'passwordHash' | 'slug'>;

export async function insertUserRow(values: NewUserRow, db: Executor): Promise<UserSummary> {
  const [row] = await db.insert(users).values(values).returning(summary);
  return row!;
}

export type UserRowChanges = Partial<Pick<NewUser, 'name' | 'role' | 'active' | 'passwordHash' | 'sessionsValidAfter'>>;

/** Edits an account's row (and its `updatedAt`). The row must exist: lock it first. */
export async function updateUserRow(id: number, changes: UserRowChanges, db: Executor): Promise<UserSummary> {
  const [row] = await db.update(users).set({ ...changes, updatedAt: new Date() }).where(eq(users.id, id)).returning(summary);
  return row!;
}

/**
 * Voids every session of the user begun before `at`. Not an edit of the
 * account, so `updatedAt` stays.
 */
export async function setSessionsValidAfter(id: number, at: Date, db: Executor): Promise<void> {
  await db.update(users).set({ sessionsValidAfter: at }).where(eq(users.id, id));
}
