import 'server-only';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { deleteMediaRow, getMediaById, listArticlesUsingMedia } from '@/db/queries/media';
import type { Actor } from '@/lib/editorial';
import { AppError } from '@/lib/http/errors';
import { canDeleteMedia } from '@/lib/media/permissions';
import type { DeleteMediaInput } from '@/lib/validation/media';
import { deleteMediaFiles, mediaFileKeys } from './crops';
import { getMediaStorage } from './storage';
import type { MediaChangeDeps } from './update-media';

/**
 * "Xóa ảnh": an editor's, and only for an image no article uses, trashed
 * ones included (restoring one would bring a broken image back): 409 with
 * the count otherwise. The row goes first, then every file made from the
 * upload (original, widths, crops); a file the store would not delete is
 * logged and left, never a row pointing at a missing file.
 */
export async function deleteMedia(actor: Actor, input: DeleteMediaInput, deps: Omit<MediaChangeDeps, 'queue'> = {}): Promise<{ url: string; leftInStore: string[] }> {
  const db = deps.db ?? (await getDb());
  const storage = deps.storage ?? getMediaStorage();
  const row = await getMediaById(input.mediaId, db);
  if (!row) throw new AppError('not_found', 'Không tìm thấy ảnh.');
  if (!canDeleteMedia(actor)) throw new AppError('forbidden', 'Chỉ biên tập viên mới xóa được ảnh khỏi thư viện.');
  const usage = await listArticlesUsingMedia(row.storageKey, db);
  if (usage.total > 0) {
    throw new AppError(
      'conflict',
      `Ảnh đang được dùng trong ${usage.total} bài viết (kể cả bài trong thùng rác). Hãy gỡ ảnh khỏi các bài đó trước khi xóa.`,
      { usedIn: usage.total },
    );
  }
  const deleted = await deleteMediaRow(row.id, db);
  if (!deleted) throw new AppError('not_found', 'Không tìm thấy ảnh: có thể ảnh vừa bị xóa.');
  await recordAudit({ actorId: actor.id, action: 'media.deleted', targetType: 'media', targetId: row.id, details: { url: row.url } }, db);
  const leftInStore = await deleteMediaFiles(mediaFileKeys(deleted, { x: deleted.focalX, y: deleted.focalY }), storage);
  return { url: row.url, leftInStore };
}
