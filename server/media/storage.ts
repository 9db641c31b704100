import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { dataRoot } from '@/db/client';
import { env, type Env } from '@/lib/env';
import { MEDIA_KEY_PATTERN } from '@/lib/media/keys';
import { s3ConfigFromEnv, S3Storage, type S3Env } from './s3-storage';

/**
 * Where uploaded files live. The local disk is the default; an S3-compatible
 * store (server/media/s3-storage.ts, when S3_BUCKET is set) implements the
 * same three calls and replaces it without touching the upload or serving code.
 */
export interface MediaStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<{ data: Buffer; contentType: string } | null>;
  delete(key: string): Promise<void>;
}

const contentTypes: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

export function contentTypeOfKey(key: string): string {
  return contentTypes[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

const mediaContentTypes: ReadonlySet<string> = new Set(Object.values(contentTypes));
/** One of the image types this site stores and serves. */
export function isMediaContentType(contentType: string): boolean {
  return mediaContentTypes.has(contentType);
}

export class LocalDiskStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    if (!MEDIA_KEY_PATTERN.test(key)) throw new Error(`invalid media key: ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await fs.writeFile(tmp, data);
      await fs.rename(tmp, file);
    } catch (error) {
      // A disk that filled up mid-write leaves part of a file: it goes, not to be found later.
      await fs.rm(tmp, { force: true }).catch(() => {});
      throw error;
    }
  }

  async get(key: string) {
    if (!MEDIA_KEY_PATTERN.test(key)) return null;
    try {
      return { data: await fs.readFile(this.file(key)), contentType: contentTypeOfKey(key) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }
}

export function mediaRoot(config: Pick<Env, 'MEDIA_DIR' | 'DATA_DIR'> = env()): string {
  return path.resolve(/*turbopackIgnore: true*/ config.MEDIA_DIR ?? path.join(dataRoot(config), 'media'));
}

type StorageEnv = Pick<Env, 'MEDIA_DIR' | 'DATA_DIR'> & S3Env;

/** The bucket named by S3_BUCKET when it is set (shared by every instance), the local media folder otherwise. */
export function mediaStorageFromEnv(config: StorageEnv): MediaStorage {
  const s3 = s3ConfigFromEnv(config);
  return s3 ? new S3Storage(s3) : new LocalDiskStorage(mediaRoot(config));
}

let storage: MediaStorage | undefined;
export function getMediaStorage(): MediaStorage {
  storage ??= mediaStorageFromEnv(env());
  return storage;
}
