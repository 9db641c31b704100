import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listMedia } from '@/db/queries/media';
import { makeUser } from '../support/app-database';
import { AppError } from '@/lib/http/errors';
import { detectImageKind, MAX_UPLOAD_BYTES } from '@/server/media/process';
import { LocalDiskStorage } from '@/server/media/storage';
import { uploadImage } from '@/server/media/upload';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

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

  it('refuses files over 10 MB with 413', async () => {
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
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
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
});
