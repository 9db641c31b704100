import 'server-only';
import crypto from 'node:crypto';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { insertMedia } from '@/db/queries/media';
import type { Media } from '@/db/schema';
import type { Actor } from '@/lib/editorial';
import { AppError } from '@/lib/http/errors';
import type { BoundedQueue } from '@/lib/media/job-queue';
import { mediaUrl } from '@/lib/media/keys';
import { mediaStoreFailure } from '@/lib/media/storage-errors';
import { UPLOAD_RATE_LIMIT } from '@/lib/media/limits';
import { takeRateLimit } from '@/server/http/rate-limit';
import { extensionOf, imageProcessingQueue, mimeOf, processImage } from './process';
import { getMediaStorage, type MediaStorage } from './storage';

/** The file and its words as sent (plain text, already checked by lib/validation/media.ts); `credit` may be left out. */
export type UploadInput = { data: Buffer; caption: string; alt: string; credit?: string };
export type UploadDeps = { db?: Executor; storage?: MediaStorage; now?: Date; queue?: BoundedQueue };

export const uploadRateLimitKey = (actor: Pick<Actor, 'id'>) => `media-upload:user:${actor.id}`;

/**
 * Counts one upload for this member (UPLOAD_RATE_LIMIT, in Postgres, so it
 * holds across instances) and refuses it with 429 over the limit, before the
 * request body is even read. Details carry `retryAfterSeconds` for Retry-After.
 */
export async function takeUploadAllowance(actor: Pick<Actor, 'id'>, deps: Pick<UploadDeps, 'db' | 'now'> = {}): Promise<void> {
  const verdict = await takeRateLimit(uploadRateLimitKey(actor), UPLOAD_RATE_LIMIT, deps);
  if (verdict.allowed) return;
  const minutes = Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60));
  throw new AppError(
    'too_many_requests',
    `Bạn đã tải lên ${UPLOAD_RATE_LIMIT.limit} ảnh trong ${UPLOAD_RATE_LIMIT.windowMs / 60_000} phút. Vui lòng thử lại sau ${minutes} phút.`,
    { retryAfterSeconds: verdict.retryAfterSeconds },
  );
}

/**
 * Checks, re-encodes and stores an image with its responsive variants, then
 * records it in the library. The processing waits for its turn in the
 * process-wide image queue (429 when that is full).
 */
export async function uploadImage(actor: Actor, input: UploadInput, deps: UploadDeps = {}): Promise<Media> {
  const db = deps.db ?? (await getDb());
  const storage = deps.storage ?? getMediaStorage();
  const now = deps.now ?? new Date();
  const image = await (deps.queue ?? imageProcessingQueue).run(() => processImage(input.data));
  const ext = extensionOf[image.kind];
  const stem = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${crypto.randomBytes(16).toString('hex')}`;
  const key = `${stem}.${ext}`;
  // Every file is written before the row that points at them; if any write or the row fails, the files
  // already written go again, so the library never lists an image whose file is missing, and no
  // half-stored upload is left behind.
  const written: string[] = [];
  const removeWritten = () => Promise.all(written.map((k) => storage.delete(k).catch(() => {})));
  const variants: { width: number; url: string }[] = [];
  try {
    await storage.put(key, image.data, mimeOf[image.kind]);
    written.push(key);
    for (const v of image.variants) {
      const vkey = `${stem}-w${v.width}.${ext}`;
      await storage.put(vkey, v.data, mimeOf[image.kind]);
      written.push(vkey);
      variants.push({ width: v.width, url: mediaUrl(vkey) });
    }
  } catch (error) {
    await removeWritten();
    const refusal = mediaStoreFailure(error);
    if (refusal) {
      console.warn('[media] không ghi được ảnh vào kho:', error instanceof Error ? error.message : error);
      throw refusal;
    }
    throw error;
  }
  let row: Media;
  try {
    row = await insertMedia(
      {
        storageKey: key,
        url: mediaUrl(key),
        mimeType: mimeOf[image.kind],
        width: image.width,
        height: image.height,
        sizeBytes: image.data.length,
        variants,
        caption: input.caption,
        alt: input.alt,
        credit: input.credit ?? '',
        uploadedBy: actor.id,
        createdAt: now,
      },
      db,
    );
  } catch (error) {
    await removeWritten();
    throw error;
  }
  await recordAudit({ actorId: actor.id, action: 'media.uploaded', targetType: 'media', targetId: row.id, details: { url: row.url } }, db);
  return row;
}
