import 'server-only';
import { insertArticle } from '@/db/queries/articles-admin';
import { recordAudit } from '@/db/queries/audit';
import { provisionalDraftSlug, type Actor } from '@/lib/editorial';
import { articleStateOf, type ArticleState } from './article-state';
import { inTransaction, resolveDeps, type EditorialDeps } from './context';

/** "Viết bài mới": an empty draft owned by the actor, opened straight in the editor. */
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
