import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { articleComments, users, type ArticleComment } from '../schema';

// Rows of `article_comments`; who may read or write the thread is server/comments/*'s.

export async function insertComment(
  db: Executor,
  values: { articleId: number; authorId: number; kind: 'comment' | 'return_note'; body: string; createdAt?: Date },
): Promise<ArticleComment> {
  const [row] = await db.insert(articleComments).values(values).returning();
  return row!;
}

export type CommentItem = { id: number; kind: string; body: string; createdAt: Date; authorId: number | null; authorName: string | null };

/** The thread of one article, oldest first. */
export async function listComments(db: Executor, articleId: number, limit = 500): Promise<CommentItem[]> {
  return db
    .select({ id: articleComments.id, kind: articleComments.kind, body: articleComments.body, createdAt: articleComments.createdAt, authorId: articleComments.authorId, authorName: users.name })
    .from(articleComments)
    .leftJoin(users, eq(users.id, articleComments.authorId))
    .where(eq(articleComments.articleId, articleId))
    .orderBy(asc(articleComments.createdAt), asc(articleComments.id))
    .limit(limit);
}
