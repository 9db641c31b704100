/**
 * An upload when the media store cannot take the file, with real stores that really fail: a
 * media folder that cannot be created (a file stands where it should be) and the S3-protocol
 * server (s3rver) stopped. The upload is refused with a clear status and message, no row points
 * at a missing file, and no file is left behind. On PGlite and the Postgres server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { AppError, toErrorResponse } from '@/lib/http/errors';
import { S3Storage } from '@/server/media/s3-storage';
import { LocalDiskStorage } from '@/server/media/storage';
import { uploadImage } from '@/server/media/upload';
import { makeUser } from '../support/app-database';
import { createTestDatabase, describeDb } from '../support/database';
import { startS3Server } from '../support/s3-server';

type Rows<T> = T[] | { rows: T[] };
const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

describeDb('an upload the media store cannot take', () => {
  let handle: DatabaseHandle;
  let folder: string;
  let png: Buffer;
  let actor: { id: number; role: 'journalist' };

  const mediaRows = async () => Number(rowsOf<{ n: number }>((await handle.db.execute(sql`SELECT count(*)::int AS n FROM media`)) as Rows<{ n: number }>)[0]!.n);
  const refusalOf = async (run: Promise<unknown>) => {
    const error = await run.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  beforeAll(async () => {
    handle = await createTestDatabase();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-media-failure-'));
    png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2f855a' } }).png().toBuffer();
    const user = await makeUser(handle.db, 'journalist');
    actor = { id: user.id, role: 'journalist' };
  });

  afterAll(async () => {
    await handle?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('a media folder that cannot be written: 503 with a Vietnamese message, no row, nothing on disk', async () => {
    // A file where the media folder should be: every write under it fails (ENOTDIR), as on a broken mount.
    const root = path.join(folder, 'khong-phai-thu-muc');
    fs.writeFileSync(root, 'x');
    const before = await mediaRows();
    const warn = console.warn;
    console.warn = () => {};
    try {
      const refusal = await refusalOf(uploadImage(actor, { data: png, caption: '', alt: '' }, { db: handle.db, storage: new LocalDiskStorage(root) }));
      expect(refusal.code).toBe('service_unavailable');
      const response = toErrorResponse(refusal);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ code: 'service_unavailable', message: 'Kho lưu ảnh đang không ghi được. Ảnh chưa được lưu; vui lòng thử lại sau ít phút.' });
    } finally {
      console.warn = warn;
    }
    expect(await mediaRows()).toBe(before);
    expect(fs.readFileSync(root, 'utf8')).toBe('x');
  });

  it('the S3 store down: 503, no row, no object', async () => {
    const s3 = await startS3Server(['anh']);
    const storage = new S3Storage({ ...s3.configFor('anh'), timeoutMs: 2_000 });
    // Works while the store is up …
    const stored = await uploadImage(actor, { data: png, caption: 'trước', alt: '' }, { db: handle.db, storage });
    expect(await storage.get(stored.storageKey)).not.toBeNull();
    await s3.close();
    const before = await mediaRows();
    const warn = console.warn;
    console.warn = () => {};
    try {
      // … and is refused, with nothing recorded, once it is gone.
      const refusal = await refusalOf(uploadImage(actor, { data: png, caption: 'sau', alt: '' }, { db: handle.db, storage }));
      expect(refusal.code).toBe('service_unavailable');
      expect(refusal.status).toBe(503);
    } finally {
      console.warn = warn;
    }
    expect(await mediaRows()).toBe(before);
  });

  it('a row that cannot be written takes its files with it', async () => {
    const root = path.join(folder, 'anh');
    const storage = new LocalDiskStorage(root);
    // The uploader does not exist: the insert fails on the foreign key after every file was written.
    const error = await uploadImage({ id: 2_000_000_000, role: 'journalist' }, { data: png, caption: '', alt: '' }, { db: handle.db, storage }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).not.toBeNull();
    const files = fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }).filter((entry) => String(entry).includes('.')) : [];
    expect(files).toEqual([]);
  });
});
