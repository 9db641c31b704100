import 'server-only';
import { getRevision, updateArticleRow } from '@/db/queries/articles-admin';
import { recordAudit } from '@/db/queries/audit';
import { renderEditorDocument, renderRawHtml } from '@/lib/content/render';
import { canEdit, editRefusal, statusAfterEdit, type Actor } from '@/lib/editorial';
import { AppError } from '@/lib/http/errors';
import type { EditorNode } from '@/lib/validation/editorial';
import { articleStateOf, type EditorialResult } from './article-state';
import { editorialForbidden, inTransaction, resolveDeps, type EditorialDeps } from './context';
import { assertCurrentVersion, lockArticleForChange } from './lock-article';
import { impactOfNames, publicNamesIfPublished } from './public-impact';
import { storeRevision } from './store-revision';

/** "Khôi phục": an earlier revision's text becomes the current one, as a new revision. */
export async function restoreRevision(
  actor: Actor,
  input: { articleId: number; version: number; revisionId: number },
  deps: EditorialDeps = {},
): Promise<EditorialResult> {
  const { db, now } = await resolveDeps(deps);
  return inTransaction(db, async (tx) => {
    const row = await lockArticleForChange(tx, actor, input);
    if (!canEdit(actor, row)) throw editorialForbidden(editRefusal(row));
    await assertCurrentVersion(tx, row, input.version);
    const revision = await getRevision(tx, row.id, input.revisionId);
    if (!revision) throw new AppError('not_found', 'Không tìm thấy phiên bản cần khôi phục.');
    // Re-rendered with today's sanitizer: an old revision never bypasses it.
    const body = revision.bodyJson ? renderEditorDocument(revision.bodyJson as EditorNode) : renderRawHtml(revision.bodyHtml);
    const before = await publicNamesIfPublished(tx, row);
    const updated = await updateArticleRow(tx, row.id, {
      title: revision.title,
      sapo: revision.sapo,
      bodyJson: revision.bodyJson,
      bodyHtml: body.html,
      bodyText: body.text,
      status: statusAfterEdit(actor.role, row.status),
      version: row.version + 1,
      updatedAt: now,
    });
    await storeRevision(tx, updated, actor, 'restore', now, `Khôi phục phiên bản ${revision.version}`);
    await recordAudit(
      { actorId: actor.id, action: 'article.restored', targetType: 'article', targetId: row.id, details: { revisionId: revision.id, version: updated.version } },
      tx,
    );
    return { article: articleStateOf(updated), impact: impactOfNames(before) };
  });
}
