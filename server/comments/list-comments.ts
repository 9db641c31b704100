import 'server-only';
import { getArticleAccess } from '@/db/queries/articles-admin';
import { listComments, type CommentItem } from '@/db/queries/comments';
import { canView, type Actor } from '@/lib/editorial';
import { articleNotFound, resolveDeps, type EditorialDeps } from '@/server/editorial/context';

/** The editorial thread, for whoever may open the article (its author, editors); never public. */
export async function listArticleComments(actor: Actor, articleId: number, deps: EditorialDeps = {}): Promise<CommentItem[]> {
  const { db } = await resolveDeps(deps);
  const access = await getArticleAccess(db, articleId);
  if (!access || !canView(actor, access)) throw articleNotFound();
  return listComments(db, articleId);
}
