import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { getDb } from '../index';
import { articles } from '../schema';

/** Articles waiting for a moderator ("Chờ duyệt"), shown in the admin header. */
export async function countPendingArticles(db?: Executor): Promise<number> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select({ n: sql<number>`count(*)::int` }).from(articles).where(and(eq(articles.status, 'pending'), isNull(articles.deletedAt)));
  return Number(row?.n ?? 0);
}
