import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { getMediaById, listPublishedCoverSlugs, updateMediaDetailsRow, type MediaDetails } from '@/db/queries/media';
import type { Media } from '@/db/schema';
import { cacheTags } from '@/lib/cache-tags';
import type { Actor } from '@/lib/editorial';
import { AppError } from '@/lib/http/errors';
import { cropKeysOf, sameFocalPoint } from '@/lib/media/crops';
import type { BoundedQueue } from '@/lib/media/job-queue';
import { canEditMedia } from '@/lib/media/permissions';
import { mediaStoreFailure } from '@/lib/media/storage-errors';
import type { PublicImpact } from '@/lib/public-impact';
import { articlePath } from '@/lib/public-paths';
import type { UpdateMediaInput } from '@/lib/validation/media';
import { deleteMediaFiles, storeFocalCrops } from './crops';
import { getMediaStorage, type MediaStorage } from './storage';

export type MediaChangeDeps = { db?: Executor; storage?: MediaStorage; queue?: BoundedQueue };

/** The article pages that show this upload as their cover: their credit line and their crop links change with it. */
export async function coverPagesOf(storageKey: string, db: Executor): Promise<PublicImpact | null> {
  const slugs = await listPublishedCoverSlugs(storageKey, db);
  if (slugs.length === 0) return null;
  return { tags: slugs.map((slug) => cacheTags.article(slug)), paths: slugs.map((slug) => articlePath(slug)) };
}

/**
 * "Lưu thông tin ảnh": caption, alt text, credit and focal point, by the
 * uploader or an editor (lib/media/permissions.ts). A moved focal point gets
 * its three crops made and stored under new names first (they name the
 * point), then the row, then the old crops go: a page rendered before the
 * change and still cached is sent on from the old names to the new ones
 * (app/media/[...key]/route.ts). `impact` names the published pages whose
 * cover this is, for the caller to refresh when the credit or the crops
 * changed (the caption and alt text of the library are not shown there).
 */
export async function updateMediaDetails(
  actor: Actor,
  input: UpdateMediaInput,
  deps: MediaChangeDeps = {},
): Promise<{ media: Media; impact: PublicImpact | null }> {
  const db = deps.db ?? (await getDb());
  const storage = deps.storage ?? getMediaStorage();
  const row = await getMediaById(input.mediaId, db);
  if (!row) throw new AppError('not_found', 'Không tìm thấy ảnh.');
  if (!canEditMedia(actor, row)) throw new AppError('forbidden', 'Chỉ người tải ảnh lên hoặc biên tập viên mới sửa được thông tin ảnh này.');

  const before = { x: row.focalX, y: row.focalY };
  const after = { x: input.focalX, y: input.focalY };
  const focalMoved = !sameFocalPoint(before, after);
  if (focalMoved) {
    try {
      await storeFocalCrops(row.storageKey, after, { storage, queue: deps.queue });
    } catch (error) {
      const refusal = mediaStoreFailure(error);
      if (refusal) throw refusal;
      throw error;
    }
  }
  const details: MediaDetails = { caption: input.caption, alt: input.alt, credit: input.credit, focalX: input.focalX, focalY: input.focalY };
  let updated: Media | null;
  try {
    updated = await updateMediaDetailsRow(row.id, details, db);
  } catch (error) {
    if (focalMoved) await deleteMediaFiles(cropKeysOf(row.storageKey, after), storage);
    throw error;
  }
  if (!updated) {
    // Deleted by an editor meanwhile: what was just made goes with it.
    if (focalMoved) await deleteMediaFiles(cropKeysOf(row.storageKey, after), storage);
    throw new AppError('not_found', 'Không tìm thấy ảnh: có thể ảnh vừa bị xóa.');
  }
  if (focalMoved) await deleteMediaFiles(cropKeysOf(row.storageKey, before), storage);

  const changed: string[] = (['caption', 'alt', 'credit'] as const).filter((field) => row[field] !== updated[field]);
  if (focalMoved) changed.push('focalPoint');
  if (changed.length > 0) {
    await recordAudit({ actorId: actor.id, action: 'media.updated', targetType: 'media', targetId: row.id, details: { url: row.url, changed } }, db);
  }
  const publicChange = focalMoved || row.credit !== updated.credit;
  return { media: updated, impact: publicChange ? await coverPagesOf(row.storageKey, db) : null };
}
