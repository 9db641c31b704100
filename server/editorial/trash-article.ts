import 'server-only';
import { updateArticleRow } from '@/db/queries/articles-admin';
import { recordAudit } from '@/db/queries/audit';
import { trashRefusal, type Actor } from '@/lib/editorial';
import { articleStateOf, type ArticleState } from './article-state';
import { editorialForbidden, inTransaction, resolveDeps, type EditorialDeps } from './context';
import { lockArticleForChange } from './lock-article';
import { storeRevision } from './store-revision';

/**
 * "Xóa" ("Chuyển vào thùng rác"): the article leaves every list and stays restorable for
 * 30 days (lib/editorial.ts). Nothing public is trashed, so no public page changes. No
 * version is asked: trashing changes no text, and a bulk action has no version to give.
 */
export async function trashArticle(actor: Actor, input: { articleId: number }, deps: EditorialDeps = {}): Promise<ArticleState> {
  const { db, now } = await resolveDeps(deps);
  return inTransaction(db, async (tx) => {
    const row = await lockArticleForChange(tx, actor, { articleId: input.articleId, version: 0 });
    const refusal = trashRefusal(actor, row, now);
    if (refusal) throw editorialForbidden(refusal);
    const updated = await updateArticleRow(tx, row.id, { deletedAt: now, deletedBy: actor.id, version: row.version + 1, updatedAt: now });
    await storeRevision(tx, updated, actor, 'trash', now);
    await recordAudit({ actorId: actor.id, action: 'article.trashed', targetType: 'article', targetId: row.id, details: { title: row.title, status: row.status } }, tx);
    return articleStateOf(updated);
  });
}
