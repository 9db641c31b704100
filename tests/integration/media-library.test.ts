/**
 * The photo desk's library: camera files accepted and downscaled, the words
 * and focal point edited after upload (crops remade under new names, the
 * cover's pages refreshed), "Dùng trong", and deletion only of an unused
 * image, by an editor, with every file gone from the store. Through the
 * route handler and the server actions, as the pages call them, on PGlite
 * and on the Postgres server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getMediaById, listArticlesUsingMedia } from '@/db/queries/media';
import { articles, auditLog, media, type Media } from '@/db/schema';
import { cropKeysOf, cropPaths } from '@/lib/media/crops';
import { mediaUrl } from '@/lib/media/keys';
import { MAX_STORED_SIDE, MAX_UPLOAD_REQUEST_BYTES } from '@/lib/media/limits';
import { LocalDiskStorage } from '@/server/media/storage';
import { makeArticle, makeUser, useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

const session = vi.hoisted(() => ({ userId: null as number | null }));
const revalidated = vi.hoisted(() => ({ tags: [] as string[], paths: [] as string[] }));
vi.mock('@/server/auth/session-token', () => ({
  readSessionToken: async () => (session.userId === null ? null : { userId: session.userId, signedInAtMs: Date.now() }),
}));
vi.mock('next/cache', () => ({
  revalidatePath: (p: string) => void revalidated.paths.push(p),
  revalidateTag: (t: string) => void revalidated.tags.push(t),
  updateTag: () => {},
  refresh: () => {},
  unstable_cache: <T,>(fn: T) => fn,
  unstable_noStore: () => {},
}));

type Users = Record<'uploader' | 'otherJournalist' | 'moderator' | 'admin', { id: number }>;

describeDb(`the media library on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let undo: () => void;
  let dir: string;
  let storage: LocalDiskStorage;
  let who: Users;
  let POST: typeof import('@/app/api/admin/media/route').POST;
  let GET_MEDIA: typeof import('@/app/media/[...key]/route').GET;
  let actions: typeof import('@/app/(admin)/admin/thu-vien-anh/actions');

  const as = async <T,>(userId: number | null, run: () => Promise<T>): Promise<T> => {
    session.userId = userId;
    try {
      return await run();
    } finally {
      session.userId = null;
    }
  };
  const keyOf = (url: string) => url.replace(/^\/media\//, '');
  const stored = (key: string) => fs.existsSync(path.join(dir, key));
  const getFile = (url: string) => GET_MEDIA(new Request(`http://localhost${url}`), { params: Promise.resolve({ key: keyOf(url).split('/') }) });

  function uploadRequest(file: Buffer, fields: Record<string, string> = {}) {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(file)], 'may-anh.jpg', { type: 'image/jpeg' }));
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return new Request('http://localhost:3000/api/admin/media', {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin', host: 'localhost:3000' },
    });
  }

  /** A grey picture with a red block near its right edge: the point of interest. */
  const photo = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#808080' } })
      .composite([{ input: { create: { width: Math.round(width / 10), height: Math.round(height / 5), channels: 3, background: '#d00000' } }, left: Math.round(width * 0.88), top: Math.round(height * 0.4) }])
      .png()
      .toBuffer();

  async function upload(by: number, width = 1600, height = 900): Promise<Media> {
    const response = await as(by, async () => POST(uploadRequest(await photo(width, height), { caption: 'Ảnh gốc' })));
    expect(response.status).toBe(201);
    return (await response.json()) as Media;
  }

  const edit = (userId: number, m: Pick<Media, 'id' | 'caption' | 'alt' | 'credit' | 'focalX' | 'focalY'>, change: Partial<Record<'caption' | 'alt' | 'credit' | 'focalX' | 'focalY', unknown>>) =>
    as(userId, () => actions.updateMediaAction({ mediaId: m.id, caption: m.caption, alt: m.alt, credit: m.credit, focalX: m.focalX, focalY: m.focalY, ...change }));

  /** How red the right fifth of an image is (the block the photo carries there). */
  async function rednessOfRightEdge(data: Buffer): Promise<number> {
    const { width, height } = (await sharp(data).metadata()) as { width: number; height: number };
    // stats() reads its input, not the pipeline: extract into a buffer first.
    const strip = await sharp(await sharp(data).extract({ left: Math.round(width * 0.8), top: 0, width: Math.round(width * 0.2), height }).toBuffer()).stats();
    return strip.channels[0]!.mean - strip.channels[1]!.mean;
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    undo = useAsAppDatabase(handle);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-library-'));
    storage = new LocalDiskStorage(dir);
    // The route handlers and actions use the app's storage, rooted here.
    process.env.MEDIA_DIR = dir;
    who = {
      uploader: await makeUser(handle.db, 'journalist'),
      otherJournalist: await makeUser(handle.db, 'journalist'),
      moderator: await makeUser(handle.db, 'moderator'),
      admin: await makeUser(handle.db, 'admin'),
    };
    ({ POST } = await import('@/app/api/admin/media/route'));
    ({ GET: GET_MEDIA } = await import('@/app/media/[...key]/route'));
    actions = await import('@/app/(admin)/admin/thu-vien-anh/actions');
  });
  afterAll(async () => {
    undo?.();
    await handle?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('a camera file', () => {
    it('is accepted over 10 MB and stored with its longest side at 2,560 px, without its EXIF', async () => {
      // 6,000 × 4,000 px of noise at full quality: about 32 MB, as a camera's fine JPEG.
      const camera = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
        .jpeg({ quality: 100 })
        .withExif({ IFD0: { Make: 'CameraMaker', Model: 'Body X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 29/1 0/1' } })
        .toBuffer();
      expect(camera.length).toBeGreaterThan(20 * 1024 * 1024);
      const response = await as(who.uploader.id, () => POST(uploadRequest(camera, { caption: 'Toàn cảnh', credit: 'Lâm Tú' })));
      expect(response.status, await response.clone().text()).toBe(201);
      const row = (await response.json()) as Media;
      expect([row.width, row.height]).toEqual([MAX_STORED_SIDE, 1707]);
      expect(row.credit).toBe('Lâm Tú');
      const file = await storage.get(row.storageKey);
      const meta = await sharp(file!.data).metadata();
      expect([meta.width, meta.height]).toEqual([2560, 1707]);
      expect(meta.exif).toBeUndefined();
      expect(file!.data.includes(Buffer.from('CameraMaker'))).toBe(false);
      expect(file!.data.length).toBeLessThan(camera.length);
    }, 120_000);

    it('over 40 MB is refused with 413 and a Vietnamese message, whether its size was declared or not', async () => {
      const tooBig = Buffer.concat([await photo(64, 64), Buffer.alloc(MAX_UPLOAD_REQUEST_BYTES)]);
      // FormData bodies carry no Content-Length here: the route counts what it reads.
      const streamed = await as(who.uploader.id, () => POST(uploadRequest(tooBig)));
      expect(streamed.status).toBe(413);
      expect(await streamed.json()).toMatchObject({ ok: false, code: 'payload_too_large', message: 'Ảnh vượt quá giới hạn 40 MB. Hãy chọn ảnh nhỏ hơn.' });
      const declared = uploadRequest(await photo(64, 64));
      const withLength = new Request(declared, { headers: { ...Object.fromEntries(declared.headers), 'content-length': String(MAX_UPLOAD_REQUEST_BYTES + 1) } });
      const refused = await as(who.uploader.id, () => POST(withLength));
      expect(refused.status).toBe(413);
    }, 60_000);
  });

  describe('editing after upload', () => {
    it('saves caption, alt text and credit as plain text, for the uploader', async () => {
      const row = await upload(who.uploader.id);
      const answer = await edit(who.uploader.id, row, { caption: '  Chợ phiên  Bắc Hà ', alt: 'Người dân <b>mua bán</b>', credit: 'Ảnh: Lâm Tú' });
      expect(answer).toMatchObject({ ok: true, message: 'Đã lưu thông tin ảnh.', data: { caption: 'Chợ phiên Bắc Hà', alt: 'Người dân <b>mua bán</b>', credit: 'Lâm Tú' } });
      expect(await getMediaById(row.id, handle.db)).toMatchObject({ caption: 'Chợ phiên Bắc Hà', alt: 'Người dân <b>mua bán</b>', credit: 'Lâm Tú' });
      const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'media.updated'), eq(auditLog.targetId, row.id)));
      expect(audit).toMatchObject({ actorId: who.uploader.id, targetType: 'media', details: { url: row.url, changed: ['caption', 'alt', 'credit'] } });
    });

    it('lets an editor edit anyone’s image, and refuses another journalist (403) and a missing image (404)', async () => {
      const row = await upload(who.uploader.id);
      expect(await edit(who.moderator.id, row, { credit: 'TTXVN' })).toMatchObject({ ok: true });
      expect(await edit(who.admin.id, row, { credit: 'Báo Lào Cai' })).toMatchObject({ ok: true });
      expect(await edit(who.otherJournalist.id, row, { credit: 'Của tôi' })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await edit(who.moderator.id, { ...row, id: 2_000_000_000 }, {})).toMatchObject({ ok: false, code: 'not_found', message: 'Không tìm thấy ảnh.' });
      expect(await as(null, () => actions.updateMediaAction({ mediaId: row.id, caption: '', alt: '', credit: '', focalX: 0.5, focalY: 0.5 }))).toMatchObject({
        ok: false,
        code: 'unauthorized',
      });
      expect((await getMediaById(row.id, handle.db))!.credit).toBe('Báo Lào Cai');
    });

    it('refuses text over its limit and a focal point outside the image, in Vietnamese', async () => {
      const row = await upload(who.uploader.id);
      expect(await edit(who.uploader.id, row, { caption: 'x'.repeat(501) })).toMatchObject({ ok: false, code: 'validation_failed', message: 'Chú thích tối đa 500 ký tự.' });
      expect(await edit(who.uploader.id, row, { focalX: 1.5 })).toMatchObject({ ok: false, code: 'validation_failed', message: expect.stringMatching(/điểm lấy nét phải từ 0 đến 100 %/) });
    });

    it('remakes the three crops around a moved focal point under new names, and sends the old names on to them', async () => {
      const row = await upload(who.uploader.id, 1600, 900);
      // The crops a page linked before: centred on the middle.
      const before = cropPaths(row.url, { x: 0.5, y: 0.5 });
      for (const url of before) expect((await getFile(url)).status).toBe(200);
      const centredSquare = (await storage.get(keyOf(before[2]!)))!.data;

      const answer = await edit(who.uploader.id, row, { focalX: 0.93, focalY: 0.5 });
      expect(answer).toMatchObject({ ok: true, data: { focalX: 0.93, focalY: 0.5 } });
      const after = cropPaths(row.url, { x: 0.93, y: 0.5 });
      expect((answer as { data: { crops: string[] } }).data.crops).toEqual(after);
      expect(after.every((url) => !before.includes(url))).toBe(true);
      // Made at once, and the old ones gone from the store.
      for (const url of after) expect(stored(keyOf(url)), url).toBe(true);
      for (const url of before) expect(stored(keyOf(url)), url).toBe(false);

      // The square now keeps the red block at the right edge in frame; centred, it did not.
      const movedSquare = (await storage.get(keyOf(after[2]!)))!.data;
      expect(await rednessOfRightEdge(movedSquare)).toBeGreaterThan(20);
      expect(await rednessOfRightEdge(centredSquare)).toBeLessThan(5);
      expect((await sharp(movedSquare).metadata()).width).toBe(900);

      // A page or a share made before the change is sent on, briefly, to the crop of the current point.
      const old = await getFile(before[0]!);
      expect(old.status).toBe(307);
      expect(old.headers.get('location')).toBe(after[0]);
      expect(old.headers.get('cache-control')).toBe('public, max-age=60');
      // A point the image never had is not made on request.
      const invented = mediaUrl(cropKeysOf(row.storageKey, { x: 0.111, y: 0.222 })[1]!);
      expect((await getFile(invented)).status).toBe(307);
      expect(stored(keyOf(invented))).toBe(false);
      const newCrop = await getFile(after[1]!);
      expect(newCrop.status).toBe(200);
      expect(newCrop.headers.get('cache-control')).toContain('immutable');

      const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'media.updated'), eq(auditLog.targetId, row.id)));
      expect(audit!.details).toEqual({ url: row.url, changed: ['focalPoint'] });
    });

    it('refreshes the published pages whose cover it is when its credit or focal point changes', async () => {
      const row = await upload(who.uploader.id);
      const published = await makeArticle(handle.db, { authorId: who.uploader.id, status: 'published' });
      const draft = await makeArticle(handle.db, { authorId: who.uploader.id });
      await handle.db.update(articles).set({ coverImage: row.url }).where(eq(articles.id, published.id));
      await handle.db.update(articles).set({ coverImage: row.url }).where(eq(articles.id, draft.id));

      revalidated.tags.length = 0;
      revalidated.paths.length = 0;
      await edit(who.uploader.id, row, { credit: 'Lâm Tú' });
      expect(revalidated.tags).toEqual([`article:${published.slug}`]);
      expect(revalidated.paths).toContain(`/bai-viet/${published.slug}`);

      // The caption alone is not on the article page: nothing public to refresh.
      revalidated.tags.length = 0;
      await edit(who.uploader.id, { ...row, credit: 'Lâm Tú' }, { caption: 'Chú thích mới', credit: 'Lâm Tú' });
      expect(revalidated.tags).toEqual([]);

      // What the article page reads: the credit under the cover, and crops named after the point.
      const { cachedArticle } = await import('@/server/public-data');
      await edit(who.uploader.id, { ...row, caption: 'Chú thích mới', credit: 'Lâm Tú' }, { caption: 'Chú thích mới', credit: 'Lâm Tú', focalX: 0.2, focalY: 0.3 });
      expect(revalidated.tags).toEqual([`article:${published.slug}`]);
      const page = await cachedArticle(published.slug);
      expect(page!.article).toMatchObject({ coverCredit: 'Lâm Tú', coverFocal: { x: expect.closeTo(0.2, 5), y: expect.closeTo(0.3, 5) } });
      const { articleMetadata } = await import('@/lib/seo/page-metadata');
      const { defaultSiteSettings } = await import('@/lib/validation/settings');
      const og = articleMetadata(page!.article, defaultSiteSettings).openGraph as { images: { url: string }[] };
      expect(og.images[0]!.url).toBe(cropPaths(row.url, { x: 0.2, y: 0.3 })[0]);
      expect(og.images[0]!.url).toMatch(/-c16x9-f200-300\.png$/);
    });
  });

  describe('"Dùng trong" and deleting', () => {
    it('lists the articles using an image as their cover or in their body, with whichever of its files they link', async () => {
      const row = await upload(who.uploader.id);
      const other = await upload(who.uploader.id);
      const cover = await makeArticle(handle.db, { authorId: who.uploader.id, title: 'Bài có ảnh đại diện' });
      const body = await makeArticle(handle.db, { authorId: who.uploader.id, title: 'Bài có ảnh trong nội dung', status: 'published' });
      const unrelated = await makeArticle(handle.db, { authorId: who.uploader.id, title: 'Bài dùng ảnh khác' });
      await handle.db.update(articles).set({ coverImage: row.url }).where(eq(articles.id, cover.id));
      const width = row.variants[0]!.url;
      await handle.db
        .update(articles)
        .set({ bodyHtml: `<p>Mở đầu</p><figure><img src="https://laocai.example.vn${width}" alt=""><figcaption>Chợ</figcaption></figure>` })
        .where(eq(articles.id, body.id));
      await handle.db.update(articles).set({ coverImage: other.url, bodyHtml: `<figure><img src="${other.url}" alt=""></figure>` }).where(eq(articles.id, unrelated.id));

      const usage = await listArticlesUsingMedia(row.storageKey, handle.db);
      expect(usage.total).toBe(2);
      expect(usage.items.map((u) => [u.title, u.asCover, u.inBody]).sort()).toEqual([
        ['Bài có ảnh trong nội dung', false, true],
        ['Bài có ảnh đại diện', true, false],
      ]);
      expect((await listArticlesUsingMedia((await upload(who.uploader.id)).storageKey, handle.db)).total).toBe(0);
    });

    it('refuses to delete an image while an article uses it (409), then deletes it and every file made from it once unused', async () => {
      const row = await upload(who.uploader.id, 2000, 1200);
      // Crops in the store: the automatic ones (requested by a page) and those of a moved point.
      for (const url of cropPaths(row.url)) expect((await getFile(url)).status).toBe(200);
      expect(await edit(who.uploader.id, row, { focalX: 0.7, focalY: 0.4 })).toMatchObject({ ok: true });
      const moved = (await getMediaById(row.id, handle.db))!;
      const files = [row.storageKey, ...row.variants.map((v) => keyOf(v.url)), ...cropKeysOf(row.storageKey), ...cropKeysOf(row.storageKey, { x: 0.7, y: 0.4 })];
      expect(row.variants.length).toBe(3);
      for (const key of files) expect(stored(key), key).toBe(true);

      const article = await makeArticle(handle.db, { authorId: who.uploader.id, title: 'Bài đang dùng ảnh' });
      await handle.db.update(articles).set({ bodyHtml: `<figure><img src="${row.url}" alt=""></figure>`, deletedAt: new Date() }).where(eq(articles.id, article.id));

      // Only editors delete; a journalist, even the uploader, is refused before anything else.
      expect(await as(who.uploader.id, () => actions.deleteMediaAction({ mediaId: row.id }))).toMatchObject({ ok: false, code: 'forbidden' });
      // In use, even by an article in the trash (it may be restored).
      const refused = await as(who.moderator.id, () => actions.deleteMediaAction({ mediaId: moved.id }));
      expect(refused).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/^Ảnh đang được dùng trong 1 bài viết/) });
      const { httpStatusOf } = await import('@/lib/http/errors');
      expect(httpStatusOf('conflict')).toBe(409);
      expect(await getMediaById(row.id, handle.db)).not.toBeNull();
      for (const key of files) expect(stored(key), key).toBe(true);

      await handle.db.update(articles).set({ bodyHtml: '<p>Không còn ảnh</p>' }).where(eq(articles.id, article.id));
      expect(await as(who.moderator.id, () => actions.deleteMediaAction({ mediaId: row.id }))).toMatchObject({ ok: true, message: 'Đã xóa ảnh.' });
      expect(await getMediaById(row.id, handle.db)).toBeNull();
      for (const key of files) expect(stored(key), key).toBe(false);
      expect((await getFile(row.url)).status).toBe(404);
      expect((await getFile(cropPaths(row.url, { x: 0.7, y: 0.4 })[0]!)).status).toBe(404);
      const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'media.deleted'), eq(auditLog.targetId, row.id)));
      expect(audit).toMatchObject({ actorId: who.moderator.id, details: { url: row.url } });

      // Gone: a second delete is a 404.
      expect(await as(who.admin.id, () => actions.deleteMediaAction({ mediaId: row.id }))).toMatchObject({ ok: false, code: 'not_found' });
      expect(await handle.db.select().from(media).where(eq(media.id, row.id))).toEqual([]);
    });
  });
});
