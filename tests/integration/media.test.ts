import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listMedia } from '@/db/queries/media';
import { makeUser, useAsAppDatabase } from '../support/app-database';
import { AppError } from '@/lib/http/errors';
import { BoundedQueue } from '@/lib/media/job-queue';
import { IMAGE_PROCESSING, UPLOAD_RATE_LIMIT } from '@/lib/media/limits';
import { MEDIA_CSP } from '@/lib/security/headers.mjs';
import { takeRateLimit } from '@/server/http/rate-limit';
import { detectImageKind, imageProcessingQueue, MAX_UPLOAD_BYTES } from '@/server/media/process';
import { LocalDiskStorage } from '@/server/media/storage';
import { uploadImage, uploadRateLimitKey } from '@/server/media/upload';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

// The upload route handler runs as whoever this says (the tests calling uploadImage directly ignore it).
const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock('@/server/auth/session-token', () => ({
  readSessionToken: async () => (session.userId === null ? null : { userId: session.userId, signedInAtMs: Date.now() }),
}));

describeDb(`media uploads on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let dir: string;
  let storage: LocalDiskStorage;
  let actor: { id: number; role: 'journalist' };

  const photo = (width = 2000, height = 1200) =>
    sharp({ create: { width, height, channels: 3, background: '#3a7d44' } })
      .jpeg()
      // EXIF with a camera model and GPS coordinates, as phones write them.
      .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Camera X', Copyright: 'Bí mật' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 29/1 0/1' } })
      .toBuffer();

  async function expectRefused(data: Buffer, code: string) {
    const error = await uploadImage(actor, { data, caption: '', alt: '' }, { db: handle.db, storage }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    const user = await makeUser(handle.db, 'journalist');
    actor = { id: user.id, role: 'journalist' };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-test-'));
    storage = new LocalDiskStorage(dir);
  });
  afterAll(async () => {
    await handle?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a JPEG, strips its EXIF and GPS, and makes resized variants', async () => {
    const input = await photo();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const row = await uploadImage(actor, { data: input, caption: 'Ruộng bậc thang Y Tý', alt: 'Ruộng lúa' }, { db: handle.db, storage });
    expect(row.url).toMatch(/^\/media\/\d{4}\/\d{2}\/[a-f0-9]{32}\.jpg$/);
    expect(row.mimeType).toBe('image/jpeg');
    expect([row.width, row.height]).toEqual([2000, 1200]);
    const stored = await storage.get(row.storageKey);
    const meta = await sharp(stored!.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(stored!.data.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(row.variants.map((v) => v.width)).toEqual([480, 960, 1600]);
    for (const v of row.variants) {
      const file = await storage.get(v.url.replace('/media/', ''));
      expect((await sharp(file!.data).metadata()).width).toBe(v.width);
    }
  });

  it('checks the content, not the name: PNG, WebP and GIF pass, anything else does not', async () => {
    const base = sharp({ create: { width: 40, height: 30, channels: 4, background: '#ffffff' } });
    for (const [data, mime] of [
      [await base.clone().png().toBuffer(), 'image/png'],
      [await base.clone().webp().toBuffer(), 'image/webp'],
      [await base.clone().gif().toBuffer(), 'image/gif'],
    ] as const) {
      const row = await uploadImage(actor, { data, caption: 'nhỏ', alt: '' }, { db: handle.db, storage });
      expect(row.mimeType).toBe(mime);
      expect(row.variants).toEqual([]);
    }
    expect(detectImageKind(Buffer.from('GIF89a'))).toBe('gif');
    await expectRefused(Buffer.from('<html><script>alert(1)</script></html>'), 'unsupported_media_type');
    await expectRefused(Buffer.from('%PDF-1.7 not an image'), 'unsupported_media_type');
    // A JPEG header followed by garbage is caught when decoding.
    await expectRefused(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]), 'unsupported_media_type');
  });

  it('refuses SVG, even with an image name or type', async () => {
    await expectRefused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>'), 'unsupported_media_type');
    await expectRefused(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), 'unsupported_media_type');
  });

  it('refuses files over 40 MB with 413', async () => {
    const big = Buffer.concat([await photo(64, 64), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    await expectRefused(big, 'payload_too_large');
    expect(new AppError('payload_too_large', '').status).toBe(413);
  });

  it('serves uploads with nosniff, a CSP that allows nothing and a long cache; refuses odd keys', async () => {
    process.env.MEDIA_DIR = dir;
    const { GET } = await import('@/app/media/[...key]/route');
    const row = await uploadImage(actor, { data: await photo(100, 80), caption: 'phục vụ', alt: '' }, { db: handle.db, storage });
    const ctx = (key: string[]) => ({ params: Promise.resolve({ key }) });
    const ok = await GET(new Request(`http://localhost${row.url}`), ctx(row.storageKey.split('/')));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/jpeg');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    // The same strict policy next.config.mjs sends for /media (lib/security/headers.mjs).
    expect(ok.headers.get('content-security-policy')).toBe(MEDIA_CSP);
    expect(ok.headers.get('cache-control')).toContain('immutable');
    for (const key of [['..', '..', 'etc', 'passwd'], ['2026', '11', 'x.svg'], [row.storageKey.replace('.jpg', '.html')]]) {
      expect((await GET(new Request('http://localhost/media/x'), ctx(key))).status).toBe(404);
    }
  });

  it('finds images by caption without diacritics', async () => {
    const found = await listMedia({ q: 'ruong bac thang' }, handle.db);
    expect(found.items.map((m) => m.caption)).toEqual(['Ruộng bậc thang Y Tý']);
    expect((await listMedia({ q: 'y ty ruong' }, handle.db)).items.map((m) => m.caption)).toEqual(['Ruộng bậc thang Y Tý']);
    expect((await listMedia({ q: '%' }, handle.db)).items).toEqual([]);
    expect((await listMedia({}, handle.db)).items.length).toBe(5);
  });

  describe('the upload route under load', () => {
    const tinyPng = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f4c81' } }).png().toBuffer();
    const post = async () => {
      const form = new FormData();
      form.append('file', new File([new Uint8Array(await tinyPng())], 'anh.png', { type: 'image/png' }));
      const { POST } = await import('@/app/api/admin/media/route');
      return POST(
        new Request('http://localhost:3000/api/admin/media', {
          method: 'POST',
          body: form,
          headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin', host: 'localhost:3000' },
        }),
      );
    };
    let undo: () => void;
    beforeAll(() => {
      undo = useAsAppDatabase(handle);
      process.env.MEDIA_DIR = dir;
    });
    afterAll(() => {
      undo?.();
      session.userId = null;
    });

    it(`allows ${UPLOAD_RATE_LIMIT.limit} uploads per member in ${UPLOAD_RATE_LIMIT.windowMs / 60_000} minutes, then 429 with Retry-After`, async () => {
      const busy = await makeUser(handle.db, 'journalist');
      const other = await makeUser(handle.db, 'journalist');
      // The first limit − 1 uploads of the window, counted as the route counts them.
      for (let i = 1; i < UPLOAD_RATE_LIMIT.limit; i++) await takeRateLimit(uploadRateLimitKey(busy), UPLOAD_RATE_LIMIT, { db: handle.db });
      session.userId = busy.id;
      expect((await post()).status).toBe(201);
      const refused = await post();
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(UPLOAD_RATE_LIMIT.windowMs / 1000);
      expect(await refused.json()).toMatchObject({ ok: false, code: 'too_many_requests', message: expect.stringMatching(/^Bạn đã tải lên 30 ảnh/) });
      // Someone else's uploads are not affected.
      session.userId = other.id;
      expect((await post()).status).toBe(201);
    });

    it('refuses with 429 and Retry-After while the image queue is full, and accepts again once it drains', async () => {
      const member = await makeUser(handle.db, 'journalist');
      session.userId = member.id;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      // Occupy every processing slot and every waiting place.
      const blockers = Array.from({ length: IMAGE_PROCESSING.concurrency + IMAGE_PROCESSING.maxWaiting }, () => imageProcessingQueue.run(() => held));
      await Promise.resolve();
      expect(imageProcessingQueue.load).toEqual({ running: IMAGE_PROCESSING.concurrency, waiting: IMAGE_PROCESSING.maxWaiting });
      const refused = await post();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await refused.json()).toMatchObject({ ok: false, code: 'too_many_requests', message: expect.stringMatching(/đang xử lý nhiều ảnh/) });
      release();
      await Promise.all(blockers);
      expect((await post()).status).toBe(201);
    });

    it('uploadImage waits for its turn in the queue it is given', async () => {
      const queue = new BoundedQueue({ concurrency: 1, maxWaiting: 0, busyMessage: 'Bận.', retryAfterSeconds: 3 });
      let release!: () => void;
      const held = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
      await expectRefusedWith(uploadImage(actor, { data: await tinyPng(), caption: '', alt: '' }, { db: handle.db, storage, queue }), 'too_many_requests');
      release();
      await held;
      const row = await uploadImage(actor, { data: await tinyPng(), caption: '', alt: '' }, { db: handle.db, storage, queue });
      expect(row.mimeType).toBe('image/png');
    });
  });

  async function expectRefusedWith(promise: Promise<unknown>, code: string) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
  }
});
