import 'server-only';
import { loadArticleForEdit, type ArticleForEdit } from '@/db/queries/editorial-list';
import { canView, type Actor } from '@/lib/editorial';
import { articleNotFound, type EditorialDeps } from './context';

/** The edit page and the preview: the author and moderators only; others get 404 (no hint the article exists). */
export async function getArticleForEdit(actor: Actor, articleId: number, deps: EditorialDeps = {}): Promise<ArticleForEdit> {
  const article = await loadArticleForEdit(articleId, deps);
  // A trashed article opens nowhere; the trash page lists it with "Khôi phục".
  if (!article || !canView(actor, article) || article.deletedAt) throw articleNotFound();
  return article;
}
