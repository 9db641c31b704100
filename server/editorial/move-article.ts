import 'server-only';
import { categoryExists, updateArticleRow } from '@/db/queries/articles-admin';
import { recordAudit } from '@/db/queries/audit';
import { isEditor } from '@/lib/auth/roles';
import type { Actor } from '@/lib/editorial';
import { articleStateOf, type EditorialResult } from './article-state';
import { editorialForbidden, editorialInvalid, inTransaction, resolveDeps, type EditorialDeps } from './context';
import { lockArticleForChange } from './lock-article';
import { impactOfNames, publicNamesIfPublished } from './public-impact';
import { storeRevision } from './store-revision';

/** "Chuyển chuyên mục" (a bulk action of editors): the article, whatever its status, under another category; a live one refreshes both listings. */
export async function moveArticleToCategory(actor: Actor, input: { articleId: number; categoryId: number }, deps: EditorialDeps = {}): Promise<EditorialResult> {
  if (!isEditor(actor.role)) throw editorialForbidden('Chỉ biên tập viên được chuyển chuyên mục hàng loạt.');
  const { db, now } = await resolveDeps(deps);
  return inTransaction(db, async (tx) => {
    const row = await lockArticleForChange(tx, actor, { articleId: input.articleId, version: 0 });
    if (!(await categoryExists(tx, input.categoryId))) throw editorialInvalid('Chuyên mục không tồn tại.');
    if (row.categoryId === input.categoryId) return { article: articleStateOf(row), impact: null };
    const before = await publicNamesIfPublished(tx, row);
    const updated = await updateArticleRow(tx, row.id, { categoryId: input.categoryId, version: row.version + 1, updatedAt: now });
    await storeRevision(tx, updated, actor, 'move', now);
    await recordAudit(
      { actorId: actor.id, action: 'article.moved', targetType: 'article', targetId: row.id, details: { fromCategoryId: row.categoryId, toCategoryId: input.categoryId } },
      tx,
    );
    return { article: articleStateOf(updated), impact: before ? impactOfNames(before, await publicNamesIfPublished(tx, updated)) : null };
  });
}
