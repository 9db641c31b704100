import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { parseEnv } from '@/lib/env';
import { readMediaFile } from '@/server/media/crops';
import { formatMigrationSummary, migrateMediaToS3, runMediaMigration } from '@/server/media/migrate-to-s3';
import { S3Storage, type S3StorageConfig } from '@/server/media/s3-storage';
import { LocalDiskStorage, mediaStorageFromEnv } from '@/server/media/storage';
import { uploadImage } from '@/server/media/upload';
import { makeUser } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';
import { startS3Server, type TestS3Server } from '../support/s3-server';

const BUCKET = 'toa-soan-media';
const MIGRATION_BUCKET = 'toa-soan-migration';
const S3_ENV_NAMES = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'MEDIA_DIR'] as const;

/** A fresh upload-shaped key, like server/media/upload.ts makes. */
const newKey = (ext = 'png', suffix = '') => `2026/11/${crypto.randomBytes(16).toString('hex')}${suffix}.${ext}`;

const tinyPng = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: '#1f6f8b' } })
    .png()
    .toBuffer();

describe('media on an S3-compatible store (s3rver)', () => {
  let s3: TestS3Server;
  let storage: S3Storage;
  const tempDirs: string[] = [];
  const storages: S3Storage[] = [];

  /** Another app instance: its own client, same bucket. */
  const openStorage = (config: S3StorageConfig) => {
    const opened = new S3Storage(config);
    storages.push(opened);
    return opened;
  };
  const tempDir = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    tempDirs.push(dir);
    return dir;
  };
  const envFor = (extra: Record<string, string>) =>
    parseEnv({
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      ...extra,
    });

  beforeAll(async () => {
    s3 = await startS3Server([BUCKET, MIGRATION_BUCKET]);
    storage = openStorage(s3.configFor(BUCKET));
  });
  afterAll(async () => {
    for (const opened of storages) opened.close();
    await s3?.close();
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('returns exactly the bytes and the content type it stored', async () => {
    // Every byte value, so no text decoding or newline translation can hide on the way.
    const data = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), crypto.randomBytes(64 * 1024)]);
    const key = newKey('webp');
    await storage.put(key, data, 'image/webp');
    const stored = await storage.get(key);
    expect(stored?.contentType).toBe('image/webp');
    expect(stored?.data.equals(data)).toBe(true);
    expect(await storage.sizeOf(key)).toBe(data.length);
  });

  it('answers a missing object with null', async () => {
    const key = newKey();
    expect(await storage.get(key)).toBeNull();
    expect(await storage.sizeOf(key)).toBeNull();
  });

  it('deletes an object, and deleting one that is not there is no error', async () => {
    const key = newKey('jpg');
    await storage.put(key, Buffer.from('ảnh'), 'image/jpeg');
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('refuses keys outside the media key grammar: put and delete throw, get finds nothing', async () => {
    const bad = ['../etc/passwd', '2026/11/../../x.png', '2026/11/abc.svg', `2026/11/${'a'.repeat(32)}.html`, '/2026/11/x.png', ''];
    for (const key of bad) {
      await expect(storage.put(key, Buffer.from('x'), 'image/png'), key).rejects.toThrow(/invalid media key/);
      await expect(storage.delete(key), key).rejects.toThrow(/invalid media key/);
      expect(await storage.get(key), key).toBeNull();
    }
  });

  it('serves only an image type: an object stored as text/html comes back with the type of its key', async () => {
    const key = newKey('png');
    await storage.put(key, await tinyPng(), 'text/html');
    expect((await storage.get(key))?.contentType).toBe('image/png');
  });

  it('reports a missing bucket as an error instead of turning every image into a 404', async () => {
    const wrong = openStorage(s3.configFor('khong-co-bucket-nay'));
    await expect(wrong.get(newKey())).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });

  it('shares media between instances: what one stores, another reads and deletes', async () => {
    const first = openStorage(s3.configFor(BUCKET));
    const second = openStorage(s3.configFor(BUCKET));
    const key = newKey('gif');
    const data = crypto.randomBytes(4096);
    await first.put(key, data, 'image/gif');
    const seen = await second.get(key);
    expect(seen?.data.equals(data)).toBe(true);
    expect(seen?.contentType).toBe('image/gif');
    await second.delete(key);
    expect(await first.get(key)).toBeNull();
  });

  it('gives up on a store that accepts connections but never answers, instead of hanging', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const dead = openStorage({ ...s3.configFor(BUCKET), endpoint: `http://127.0.0.1:${port}`, timeoutMs: 300 });
    const started = Date.now();
    try {
      await expect(dead.get(newKey())).rejects.toMatchObject({ name: 'TimeoutError' });
      await expect(dead.put(newKey(), Buffer.from('x'), 'image/png')).rejects.toMatchObject({ name: 'TimeoutError' });
      // Two attempts of 300 ms each, with the retry pause, per call.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  describe('mediaStorageFromEnv', () => {
    it('stores in the bucket when S3_BUCKET is set, and nothing on the local disk', async () => {
      const mediaDir = tempDir('media-s3-env-');
      const fromEnv = mediaStorageFromEnv(envFor({ S3_BUCKET: BUCKET, MEDIA_DIR: mediaDir }));
      expect(fromEnv).toBeInstanceOf(S3Storage);
      storages.push(fromEnv as S3Storage);
      const key = newKey('png');
      await fromEnv.put(key, await tinyPng(), 'image/png');
      expect((await storage.get(key))?.contentType).toBe('image/png');
      expect(fs.readdirSync(mediaDir)).toEqual([]);
    });

    it('keeps media in the local folder when S3_BUCKET is unset', async () => {
      const mediaDir = tempDir('media-local-env-');
      const fromEnv = mediaStorageFromEnv(parseEnv({ MEDIA_DIR: mediaDir }));
      expect(fromEnv).toBeInstanceOf(LocalDiskStorage);
      const key = newKey('jpg');
      await fromEnv.put(key, Buffer.from('jpeg'), 'image/jpeg');
      expect(fs.existsSync(path.join(mediaDir, key))).toBe(true);
      expect(await storage.get(key)).toBeNull();
    });
  });

  it('serves /media/… from the bucket, crops included, when the app runs with S3_BUCKET', async () => {
    const saved = Object.fromEntries(S3_ENV_NAMES.map((name) => [name, process.env[name]]));
    const mediaDir = tempDir('media-route-');
    Object.assign(process.env, {
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      MEDIA_DIR: mediaDir,
    });
    try {
      // A fresh module graph, so getMediaStorage() reads the variables just set.
      vi.resetModules();
      const { GET } = await import('@/app/media/[...key]/route');
      const get = (key: string) => GET(new Request(`http://localhost/media/${key}`), { params: Promise.resolve({ key: key.split('/') }) });

      const original = newKey('png');
      await storage.put(original, await tinyPng(800, 600), 'image/png');
      const served = await get(original);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(800);

      const crop = original.replace('.png', '-c1x1.png');
      expect((await get(crop)).status).toBe(200);
      // Made once, kept in the bucket for every other instance.
      expect((await sharp((await storage.get(crop))!.data).metadata()).width).toBe(600);
      expect((await get(newKey('png'))).status).toBe(404);
      expect(fs.readdirSync(mediaDir)).toEqual([]);
    } finally {
      for (const name of S3_ENV_NAMES) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      vi.resetModules();
    }
  });

  describe('migration of the local media folder', () => {
    /** A media folder as uploads leave it, plus the stray files a real one collects. */
    function localMediaFolder() {
      const root = tempDir('media-migrate-');
      const files = new Map<string, Buffer>([
        [newKey('jpg'), crypto.randomBytes(3000)],
        [newKey('jpg', '-w480'), crypto.randomBytes(1200)],
        [newKey('png').replace('2026/11', '2025/01'), crypto.randomBytes(10)],
      ]);
      for (const [key, data] of files) {
        fs.mkdirSync(path.join(root, path.dirname(key)), { recursive: true });
        fs.writeFileSync(path.join(root, key), data);
      }
      fs.writeFileSync(path.join(root, 'ghi-chu.txt'), 'không phải ảnh');
      const [firstKey] = files.keys();
      fs.writeFileSync(path.join(root, `${firstKey}.1234.tmp`), 'nửa tệp');
      return { root, files };
    }

    it('copies every upload into the bucket, keeps the local files, and skips them on a second run', async () => {
      const { root, files } = localMediaFolder();
      const target = openStorage(s3.configFor(MIGRATION_BUCKET));
      const lines: string[] = [];

      const first = await migrateMediaToS3({ root, target, log: (line) => lines.push(line) });
      expect(first.copied.sort()).toEqual([...files.keys()].sort());
      expect(first.skipped).toEqual([]);
      expect(first.failed).toEqual([]);
      expect(first.ignored).toHaveLength(2);
      for (const [key, data] of files) {
        const stored = await target.get(key);
        expect(stored?.data.equals(data), key).toBe(true);
        expect(stored?.contentType).toBe(key.endsWith('.png') ? 'image/png' : 'image/jpeg');
        expect(fs.existsSync(path.join(root, key))).toBe(true);
      }
      expect(lines.some((line) => line.includes('Đã chép'))).toBe(true);
      expect(formatMigrationSummary(first)).toContain('đã chép 3, bỏ qua 0 (đã có trên kho), lỗi 0');

      const second = await migrateMediaToS3({ root, target });
      expect(second.copied).toEqual([]);
      expect(second.skipped.sort()).toEqual([...files.keys()].sort());

      // A file whose size differs from the stored object is copied again.
      const [changed] = files.keys();
      fs.writeFileSync(path.join(root, changed!), crypto.randomBytes(5000));
      const third = await migrateMediaToS3({ root, target });
      expect(third.copied).toEqual([changed]);
      expect(third.skipped).toHaveLength(2);
    });

    it('reports the files it could not copy and still copies the rest', async () => {
      const { root, files } = localMediaFolder();
      const broken = newKey('webp');
      fs.mkdirSync(path.join(root, path.dirname(broken)), { recursive: true });
      fs.symlinkSync(path.join(root, 'khong-ton-tai.webp'), path.join(root, broken));
      const target = openStorage(s3.configFor(MIGRATION_BUCKET));

      const report = await migrateMediaToS3({ root, target });
      expect(report.copied.sort()).toEqual([...files.keys()].sort());
      expect(report.failed.map((failure) => failure.key)).toEqual([broken]);
      expect(formatMigrationSummary(report)).toMatch(new RegExp(`lỗi 1\\.[\\s\\S]*${broken}`));

      const missingBucket = await migrateMediaToS3({ root, target: openStorage(s3.configFor('khong-co-bucket-nay')) });
      expect(missingBucket.copied).toEqual([]);
      expect(missingBucket.failed).toHaveLength(files.size + 1);
    });

    it('runs from the environment: exit code 0 when all is copied, 1 on failures, 2 without S3_BUCKET', async () => {
      const capture = () => {
        const out: string[] = [];
        const err: string[] = [];
        return { out, err, io: { log: (line: string) => out.push(line), error: (line: string) => err.push(line) } };
      };

      const withoutBucket = capture();
      expect(await runMediaMigration(parseEnv({ MEDIA_DIR: tempDir('media-no-bucket-') }), withoutBucket.io)).toBe(2);
      expect(withoutBucket.err.join('\n')).toMatch(/Chưa đặt S3_BUCKET/);

      const { root } = localMediaFolder();
      const ok = capture();
      expect(await runMediaMigration(envFor({ S3_BUCKET: MIGRATION_BUCKET, MEDIA_DIR: root }), ok.io)).toBe(0);
      expect(ok.out.join('\n')).toContain('Kết quả: đã chép 3, bỏ qua 0');
      expect(ok.err).toEqual([]);

      const failing = capture();
      expect(await runMediaMigration(envFor({ S3_BUCKET: 'khong-co-bucket-nay', MEDIA_DIR: root }), failing.io)).toBe(1);
      expect(failing.err.join('\n')).toContain('lỗi 3');
    });

    it('stops with a clear message when the media folder does not exist', async () => {
      const target = openStorage(s3.configFor(MIGRATION_BUCKET));
      await expect(migrateMediaToS3({ root: path.join(os.tmpdir(), `khong-co-${crypto.randomUUID()}`), target })).rejects.toThrow(
        /Không đọc được thư mục ảnh/,
      );
    });
  });

  describeDb(`uploads through S3 on ${testDriver}`, () => {
    let handle: DatabaseHandle;
    let actor: { id: number; role: 'journalist' };

    beforeAll(async () => {
      handle = await createTestDatabase();
      const user = await makeUser(handle.db, 'journalist');
      actor = { id: user.id, role: 'journalist' };
    });
    afterAll(async () => {
      await handle?.close();
    });

    it('stores the original and its variants in the bucket, where another instance serves them and their crops', async () => {
      const row = await uploadImage(actor, { data: await tinyPng(1200, 800), caption: 'Cầu Kim Tân', alt: 'Cầu' }, { db: handle.db, storage });
      expect(row.url).toBe(`/media/${row.storageKey}`);
      const otherInstance = openStorage(s3.configFor(BUCKET));
      const original = await otherInstance.get(row.storageKey);
      expect(original?.contentType).toBe('image/png');
      expect((await sharp(original!.data).metadata()).width).toBe(1200);
      expect(row.variants.length).toBeGreaterThan(0);
      for (const variant of row.variants) {
        const file = await otherInstance.get(variant.url.replace('/media/', ''));
        expect((await sharp(file!.data).metadata()).width, variant.url).toBe(variant.width);
      }

      const cropKey = row.storageKey.replace('.png', '-c16x9.png');
      const crop = await readMediaFile(cropKey, { storage: otherInstance });
      expect(crop?.contentType).toBe('image/png');
      expect((await storage.get(cropKey))?.data.equals(crop!.data)).toBe(true);
    });
  });
});
