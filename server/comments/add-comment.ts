import 'server-only';
import { eq } from 'drizzle-orm';
import { getArticleAccess } from '@/db/queries/articles-admin';
import { insertComment, type CommentItem } from '@/db/queries/comments';
import { followArticle, insertNotifications, listArticleAuthorIds, listFollowerIds } from '@/db/queries/notifications';
import { articles, users } from '@/db/schema';
import { canView, type Actor } from '@/lib/editorial';
import { commentEventKey, notificationMessage } from '@/lib/notifications';
import { articleNotFound, inTransaction, resolveDeps, type EditorialDeps } from '@/server/editorial/context';

/**
 * A comment in an article's editorial thread, by its author or an editor (whoever may open
 * the article). The commenter follows the article from then on; its authors and followers
 * are told, the commenter is not. Plain text: the thread is shown as text, never as HTML.
 */
export async function addComment(actor: Actor, input: { articleId: number; body: string }, deps: EditorialDeps = {}): Promise<CommentItem> {
  const { db, now } = await resolveDeps(deps);
  return inTransaction(db, async (tx) => {
    const access = await getArticleAccess(tx, input.articleId);
    if (!access || !canView(actor, access)) throw articleNotFound();
    const comment = await insertComment(tx, { articleId: input.articleId, authorId: actor.id, kind: 'comment', body: input.body, createdAt: now });
    await followArticle(tx, input.articleId, actor.id);
    const recipients = [...new Set([...(await listArticleAuthorIds(tx, input.articleId)), ...(await listFollowerIds(tx, input.articleId))])].filter((id) => id !== actor.id);
    const [who] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
    const [article] = await tx.select({ title: articles.title }).from(articles).where(eq(articles.id, input.articleId));
    const message = notificationMessage('comment', { actorName: who?.name ?? 'Một thành viên', title: article?.title ?? '' });
    await insertNotifications(
      tx,
      recipients.map((userId) => ({ userId, kind: 'comment', eventKey: commentEventKey(comment.id), articleId: input.articleId, actorId: actor.id, message })),
    );
    return { id: comment.id, kind: comment.kind, body: comment.body, createdAt: comment.createdAt, authorId: actor.id, authorName: who?.name ?? null };
  });
}
