import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { articleAuthors, articleFollowers, articles, notifications, users } from '../schema';

// Rows of `notifications` and `article_followers`; who is told what is server/notifications/*'s.

export type NewNotification = { userId: number; kind: string; eventKey: string; articleId: number | null; actorId: number | null; message: string };

/** Writes each notification once: a row whose (user, event) already exists is skipped. Returns how many were new. */
export async function insertNotifications(db: Executor, rows: NewNotification[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await db.insert(notifications).values(rows).onConflictDoNothing({ target: [notifications.userId, notifications.eventKey] }).returning({ id: notifications.id });
  return inserted.length;
}

export type NotificationItem = { id: number; kind: string; message: string; articleId: number | null; createdAt: Date; readAt: Date | null };

export async function listNotifications(db: Executor, userId: number, limit = 15): Promise<{ items: NotificationItem[]; unread: number }> {
  const items = await db
    .select({ id: notifications.id, kind: notifications.kind, message: notifications.message, articleId: notifications.articleId, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items, unread: Number(count?.n ?? 0) };
}

/** Marks the user's own notifications read: these ids, or all of them. */
export async function markNotificationsRead(db: Executor, userId: number, ids: number[] | 'all'): Promise<void> {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(ids === 'all' ? mine : and(mine, inArray(notifications.id, ids.length ? ids : [0])));
}

/** Moderators and admins who can act on a submission. */
export async function listActiveEditorIds(db: Executor): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['moderator', 'admin'])));
  return rows.map((r) => r.id);
}

/** The article's owner and co-authors. */
export async function listArticleAuthorIds(db: Executor, articleId: number): Promise<number[]> {
  const [owner] = await db.select({ id: articles.authorId }).from(articles).where(eq(articles.id, articleId));
  const co = await db.select({ id: articleAuthors.userId }).from(articleAuthors).where(eq(articleAuthors.articleId, articleId));
  return [...new Set([...(owner ? [owner.id] : []), ...co.map((c) => c.id)])];
}

export async function followArticle(db: Executor, articleId: number, userId: number): Promise<void> {
  await db.insert(articleFollowers).values({ articleId, userId }).onConflictDoNothing();
}

export async function unfollowArticle(db: Executor, articleId: number, userId: number): Promise<void> {
  await db.delete(articleFollowers).where(and(eq(articleFollowers.articleId, articleId), eq(articleFollowers.userId, userId)));
}

export async function listFollowerIds(db: Executor, articleId: number): Promise<number[]> {
  const rows = await db.select({ id: articleFollowers.userId }).from(articleFollowers).where(eq(articleFollowers.articleId, articleId));
  return rows.map((r) => r.id);
}

export async function setEmailNotifications(db: Executor, userId: number, enabled: boolean): Promise<void> {
  await db.update(users).set({ emailNotifications: enabled }).where(eq(users.id, userId));
}

export async function getEmailNotifications(db: Executor, userId: number): Promise<boolean> {
  const [row] = await db.select({ on: users.emailNotifications }).from(users).where(eq(users.id, userId));
  return row?.on ?? false;
}
