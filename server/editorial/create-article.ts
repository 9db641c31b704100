import 'server-only';
import { insertArticle } from '@/db/queries/articles-admin';
import { recordAudit } from '@/db/queries/audit';
import { provisionalDraftSlug, type Actor } from '@/lib/editorial';
import type { NewArticleData } from '@/lib/validation/editorial';
import type { EditorialResult } from './article-state';
import { saveArticle } from './save-article';
import { articleStateOf, type ArticleState } from './article-state';
import { inTransaction, resolveDeps, type EditorialDeps } from './context';

/** An empty draft owned by the actor (scripts and tests; the editor makes its row with createArticleWithContent). */
export async function createArticle(actor: Actor, deps: EditorialDeps = {}): Promise<ArticleState> {
  const { db, now } = await resolveDeps(deps);
  return inTransaction(db, async (tx) => {
    const row = await insertArticle(tx, {
      title: '',
      slug: provisionalDraftSlug(now, Math.random().toString(36).slice(2, 8)),
      authorId: actor.id,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      bodyJson: { type: 'doc', content: [] },
    });
    await recordAudit({ actorId: actor.id, action: 'article.created', targetType: 'article', targetId: row.id }, tx);
    return articleStateOf(row);
  });
}

/**
 * The first save of "Viết bài mới" (a real change, typed or pasted): the row is made here,
 * with its content, in one transaction, so opening the editor and leaving leaves nothing
 * behind ("(Chưa có tiêu đề)" rows). The save's own rules apply (saveArticle).
 */
export async function createArticleWithContent(actor: Actor, input: NewArticleData, deps: EditorialDeps = {}): Promise<EditorialResult> {
  const { db, now } = await resolveDeps(deps);
  return inTransaction(db, async (tx) => {
    const empty = await createArticle(actor, { db: tx, now });
    return saveArticle(actor, { ...input, articleId: empty.id, version: empty.version }, { db: tx, now });
  });
}
