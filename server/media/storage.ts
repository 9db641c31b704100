import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { dataRoot } from '@/db/client';
import { env, type Env } from '@/lib/env';
import { MEDIA_KEY_PATTERN } from '@/lib/media/keys';

/**
 * Where uploaded files live. The local disk is the default; an S3-compatible
 * store implements the same three calls and replaces it without touching
 * the upload or serving code.
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
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
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

let storage: MediaStorage | undefined;
export function getMediaStorage(): MediaStorage {
  storage ??= new LocalDiskStorage(mediaRoot());
  return storage;
}
