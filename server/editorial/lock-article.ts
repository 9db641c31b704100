import 'server-only';
import type { Executor } from '@/db/client';
import { getLastRevision, lockArticleRow } from '@/db/queries/articles-admin';
import type { Article } from '@/db/schema';
import { canView, type Actor } from '@/lib/editorial';
import { AppError } from '@/lib/http/errors';
import { articleNotFound } from './context';

/**
 * Every change starts here: the row locked for the transaction, 404 for
 * whoever may not see it, and 409 when the caller's version is not the
 * current one (optimistic lock: never a silent overwrite).
 */
export async function lockArticleForChange(tx: Executor, actor: Actor, input: { articleId: number; version: number }): Promise<Article> {
  const row = await lockArticleRow(tx, input.articleId);
  if (!row || !canView(actor, row)) throw articleNotFound();
  // A trashed article is changed only by restoring it ("Khôi phục"): no save or button reaches it.
  if (row.deletedAt) throw new AppError('not_found', 'Bài viết đang ở trong thùng rác; hãy khôi phục trước khi sửa.');
  return row;
}

export async function assertCurrentVersion(tx: Executor, row: Article, version: number): Promise<void> {
  if (row.version !== version) throw await versionConflict(tx, row);
}

/** The `details` of a 409: what the server has now, so the editor can show both versions side by side. */
export type VersionConflictDetails = {
  serverVersion: number;
  server: { title: string; sapo: string; bodyHtml: string; bodyText: string; status: Article['status']; updatedAt: string; updatedBy: string | null };
};

async function versionConflict(tx: Executor, row: Article): Promise<AppError> {
  const last = await getLastRevision(tx, row.id);
  const details: VersionConflictDetails = {
    serverVersion: row.version,
    server: {
      title: row.title,
      sapo: row.sapo,
      bodyHtml: row.bodyHtml,
      bodyText: row.bodyText,
      status: row.status,
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: last?.editorName ?? null,
    },
  };
  return new AppError('conflict', 'Bài viết đã được người khác sửa sau khi bạn mở. Hãy so sánh hai phiên bản trước khi lưu tiếp.', details);
}
