import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { BoundedQueue } from '@/lib/media/job-queue';
import { CROP_PROCESSING } from '@/lib/media/limits';
import { cropPaths, cropSize } from '@/lib/media/crops';
import { cropQueue, readMediaFile } from '@/server/media/crops';
import { LocalDiskStorage } from '@/server/media/storage';
import { uploadImage } from '@/server/media/upload';
import { makeUser } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

describeDb(`image crops on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let dir: string;
  let storage: LocalDiskStorage;
  let actor: { id: number; role: 'journalist' };
  let GET: typeof import('@/app/media/[...key]/route').GET;

  const get = (url: string) => GET(new Request(`http://localhost${url}`), { params: Promise.resolve({ key: url.replace('/media/', '').split('/') }) });
  const filesIn = (root: string): string[] => fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(root, f)).isFile());

  /** A flat grey picture with a high-contrast subject near its right edge. */
  async function photo(width: number, height: number) {
    const subject = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#c8102e' } })
      .composite([{ input: { create: { width: 150, height: 150, channels: 3, background: '#ffffff' } }, left: 75, top: 75 }])
      .png()
      .toBuffer();
    return sharp({ create: { width, height, channels: 3, background: '#808080' } })
      .composite([{ input: subject, left: width - 350, top: Math.round(height / 2 - 150) }])
      .png()
      .toBuffer();
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    const user = await makeUser(handle.db, 'journalist');
    actor = { id: user.id, role: 'journalist' };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crops-test-'));
    storage = new LocalDiskStorage(dir);
    // The route reads the app's storage, rooted here.
    process.env.MEDIA_DIR = dir;
    ({ GET } = await import('@/app/media/[...key]/route'));
  });
  afterAll(async () => {
    await handle?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes each crop on its first request at the ratio asked, keeping the subject, and stores it', async () => {
    const row = await uploadImage(actor, { data: await photo(1600, 1000), caption: '', alt: '' }, { db: handle.db, storage });
    const [wide, standard, square] = cropPaths(row.url);
    for (const [url, ratio] of [[wide!, '16x9'], [standard!, '4x3'], [square!, '1x1']] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('cache-control')).toContain('immutable');
      const body = Buffer.from(await response.arrayBuffer());
      const meta = await sharp(body).metadata();
      expect({ width: meta.width, height: meta.height }).toEqual(cropSize(1600, 1000, ratio));
      // Stored under the name the page links, byte for byte what was served.
      expect((await storage.get(url.replace('/media/', '')))?.data.equals(body)).toBe(true);
    }
    // The square crop moved right to keep the red-and-white subject rather than cutting the middle.
    const squareFile = (await storage.get(square!.replace('/media/', '')))!.data;
    const { width, height } = (await sharp(squareFile).metadata()) as { width: number; height: number };
    // stats() reads its input, not the pipeline: extract into a buffer first.
    const right = await sharp(await sharp(squareFile).extract({ left: Math.round(width * 0.6), top: 0, width: Math.round(width * 0.4), height }).toBuffer()).stats();
    expect(right.channels[1]!.max).toBeGreaterThan(240); // the white square is there
    expect(right.channels[0]!.max - right.channels[1]!.min).toBeGreaterThan(150); // and the red around it
  });

  it('serves a crop from storage once it is made, without making it again', async () => {
    const row = await uploadImage(actor, { data: await photo(1200, 900), caption: '', alt: '' }, { db: handle.db, storage });
    const url = cropPaths(row.url)[0]!;
    expect((await get(url)).status).toBe(200);
    // Replace the stored crop: a second request that recomputed would not return this.
    const marker = await sharp({ create: { width: 16, height: 9, channels: 3, background: '#00ff00' } }).png().toBuffer();
    await storage.put(url.replace('/media/', ''), marker);
    expect(Buffer.from(await (await get(url)).arrayBuffer()).equals(marker)).toBe(true);
  });

  it('creates nothing for a crop of an image that was never uploaded, another ratio, a width variant or a crop', async () => {
    const row = await uploadImage(actor, { data: await photo(2000, 1000), caption: '', alt: '' }, { db: handle.db, storage });
    const stem = row.url.replace(/\.png$/, '');
    const before = filesIn(dir).sort();
    for (const url of [
      '/media/2026/01/ffffffffffffffffffffffffffffffff-c16x9.png',
      `${stem}-c5x4.png`,
      `${stem}-c16x9.jpg`,
      `${stem}-w480-c1x1.png`,
      `${stem}-c1x1-c1x1.png`,
      `${stem}-c16x9.png/../../x`,
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect(filesIn(dir).sort()).toEqual(before);
  });

  it('shares one computation between readers asking for the same new crop at once', async () => {
    const row = await uploadImage(actor, { data: await photo(1400, 1000), caption: '', alt: '' }, { db: handle.db, storage });
    const key = cropPaths(row.url)[2]!.replace('/media/', '');
    // One slot, no waiting room: a second computation would be refused.
    const queue = new BoundedQueue({ concurrency: 1, maxWaiting: 0, busyMessage: 'Bận.', retryAfterSeconds: 1 });
    const files = await Promise.all(Array.from({ length: 5 }, () => readMediaFile(key, { storage, queue })));
    for (const file of files) expect(file?.data.equals(files[0]!.data)).toBe(true);
  });

  it('answers 429 with Retry-After while the crop queue is full, and makes the crop once it drains', async () => {
    const row = await uploadImage(actor, { data: await photo(1300, 1000), caption: '', alt: '' }, { db: handle.db, storage });
    const url = cropPaths(row.url)[1]!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const blockers = Array.from({ length: CROP_PROCESSING.concurrency + CROP_PROCESSING.maxWaiting }, () => cropQueue.run(() => held));
    const refused = await get(url);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    release();
    await Promise.all(blockers);
    expect((await get(url)).status).toBe(200);
  });
});
