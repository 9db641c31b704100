import 'server-only';
import crypto from 'node:crypto';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { insertMedia } from '@/db/queries/media';
import type { Media } from '@/db/schema';
import type { Actor } from '@/lib/editorial';
import { extensionOf, mimeOf, processImage } from './process';
import { getMediaStorage, type MediaStorage } from './storage';

export type UploadInput = { data: Buffer; caption: string; alt: string };
export type UploadDeps = { db?: Executor; storage?: MediaStorage; now?: Date };

export const mediaUrl = (key: string) => `/media/${key}`;

/** Checks, re-encodes and stores an image with its responsive variants, then records it in the library. */
export async function uploadImage(actor: Actor, input: UploadInput, deps: UploadDeps = {}): Promise<Media> {
  const db = deps.db ?? (await getDb());
  const storage = deps.storage ?? getMediaStorage();
  const now = deps.now ?? new Date();
  const image = await processImage(input.data);
  const ext = extensionOf[image.kind];
  const stem = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${crypto.randomBytes(16).toString('hex')}`;
  const key = `${stem}.${ext}`;
  await storage.put(key, image.data, mimeOf[image.kind]);
  const variants: { width: number; url: string }[] = [];
  for (const v of image.variants) {
    const vkey = `${stem}-w${v.width}.${ext}`;
    await storage.put(vkey, v.data, mimeOf[image.kind]);
    variants.push({ width: v.width, url: mediaUrl(vkey) });
  }
  const row = await insertMedia(
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
      uploadedBy: actor.id,
      createdAt: now,
    },
    db,
  );
  await recordAudit({ actorId: actor.id, action: 'media.uploaded', targetType: 'media', targetId: row.id, details: { url: row.url } }, db);
  return row;
}
