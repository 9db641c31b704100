import 'server-only';
import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { getDb } from '../index';
import { accountAlerts, type AccountAlert } from '../schema';

// Rows of `account_alerts`: notices for an account's owner. When one is due
// (and how often) is the use cases' business (server/auth/credentials.ts).

export type { AccountAlert };

/** The newest alert of `kind` for the user created after `since`, or null. */
export async function findAccountAlertSince(userId: number, kind: string, since: Date, db: Executor): Promise<AccountAlert | null> {
  const [row] = await db
    .select()
    .from(accountAlerts)
    .where(and(eq(accountAlerts.userId, userId), eq(accountAlerts.kind, kind), gt(accountAlerts.createdAt, since)))
    .orderBy(desc(accountAlerts.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertAccountAlert(
  values: { userId: number; kind: string; details: Record<string, unknown>; createdAt?: Date },
  db: Executor,
): Promise<AccountAlert> {
  const [row] = await db
    .insert(accountAlerts)
    .values({ userId: values.userId, kind: values.kind, details: values.details, ...(values.createdAt ? { createdAt: values.createdAt } : {}) })
    .returning();
  return row!;
}

export async function updateAccountAlertDetails(id: number, details: Record<string, unknown>, db: Executor): Promise<void> {
  await db.update(accountAlerts).set({ details }).where(eq(accountAlerts.id, id));
}

/**
 * The user's unread alerts, oldest first, marked read by the same statement:
 * whoever shows them is the one reader, even if two tabs load at once.
 */
export async function takeUnreadAccountAlerts(userId: number, db?: Executor, now = new Date()): Promise<AccountAlert[]> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .update(accountAlerts)
    .set({ readAt: now })
    .where(and(eq(accountAlerts.userId, userId), isNull(accountAlerts.readAt)))
    .returning();
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

/** Every alert of the user, newest first (tests and support). */
export async function listAccountAlerts(userId: number, db: Executor): Promise<AccountAlert[]> {
  return db.select().from(accountAlerts).where(eq(accountAlerts.userId, userId)).orderBy(desc(accountAlerts.createdAt), asc(accountAlerts.id));
}
