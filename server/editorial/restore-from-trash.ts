import 'server-only';
import { lockArticleRow, updateArticleRow } from '@/db/queries/articles-admin';
import { recordAudit } from '@/db/queries/audit';
import { canUseTrash, type Actor } from '@/lib/editorial';
import { articleStateOf, type ArticleState } from './article-state';
import { articleNotFound, editorialForbidden, inTransaction, resolveDeps, type EditorialDeps } from './context';
import { storeRevision } from './store-revision';

/** "Khôi phục" from the trash, by an editor: back in the lists with the status it had. */
export async function restoreFromTrash(actor: Actor, input: { articleId: number }, deps: EditorialDeps = {}): Promise<ArticleState> {
  if (!canUseTrash(actor.role)) throw editorialForbidden('Chỉ biên tập viên được khôi phục bài từ thùng rác.');
  const { db, now } = await resolveDeps(deps);
  return inTransaction(db, async (tx) => {
    const row = await lockArticleRow(tx, input.articleId);
    if (!row?.deletedAt) throw articleNotFound();
    const updated = await updateArticleRow(tx, row.id, { deletedAt: null, deletedBy: null, version: row.version + 1, updatedAt: now });
    await storeRevision(tx, updated, actor, 'untrash', now);
    await recordAudit({ actorId: actor.id, action: 'article.untrashed', targetType: 'article', targetId: row.id, details: { title: row.title } }, tx);
    return articleStateOf(updated);
  });
}
