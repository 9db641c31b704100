import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { articles } from '@/db/schema';
import { siteUrl } from '@/lib/site-url';
import { LocalDiskStorage } from '@/server/media/storage';
import { uploadImage } from '@/server/media/upload';
import { makeArticle, makeCategory, makeUser, useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

// The feed routes read through the data cache, which only exists inside Next.
vi.mock('next/cache', () => ({ unstable_cache: <T,>(fn: T) => fn, revalidateTag: () => {}, revalidatePath: () => {} }));

type Item = { title: string; enclosure?: { '@_url': string; '@_type': string; '@_length': string } };

describeDb(`RSS enclosures on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let undo: () => void;
  let dir: string;
  let storage: LocalDiskStorage;
  let categorySlug: string;
  const uploads: { title: string; url: string; type: string; bytes: number }[] = [];
  const notUploads: string[] = [];

  const items = async (response: Response): Promise<Item[]> => {
    expect(response.status).toBe(200);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(await response.text());
    return [doc.rss.channel.item].flat();
  };

  beforeAll(async () => {
    handle = await createTestDatabase();
    undo = useAsAppDatabase(handle);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rss-test-'));
    storage = new LocalDiskStorage(dir);
    const author = await makeUser(handle.db, 'journalist');
    const category = await makeCategory(handle.db);
    categorySlug = category.slug;
    const publish = async (coverImage: string | null) => {
      const row = await makeArticle(handle.db, { authorId: author.id, status: 'published', categoryId: category.id });
      await handle.db.update(articles).set({ coverImage }).where(eq(articles.id, row.id));
      return row.title;
    };
    const images = [
      await sharp({ create: { width: 640, height: 360, channels: 3, background: '#0f4c81' } }).jpeg().toBuffer(),
      await sharp({ create: { width: 300, height: 300, channels: 4, background: '#c8102e80' } }).png().toBuffer(),
      await sharp({ create: { width: 500, height: 200, channels: 3, background: '#2d6a4f' } }).webp().toBuffer(),
    ];
    for (const data of images) {
      const media = await uploadImage({ id: author.id, role: 'journalist' }, { data, caption: '', alt: '' }, { db: handle.db, storage });
      const stored = await storage.get(media.storageKey);
      uploads.push({ title: await publish(media.url), url: media.url, type: media.mimeType, bytes: stored!.data.length });
    }
    notUploads.push(await publish('/images/demo/cover-1.jpg'));
    notUploads.push(await publish('/media/2026/01/ffffffffffffffffffffffffffffffff.jpg'));
    notUploads.push(await publish(null));
  });
  afterAll(async () => {
    undo?.();
    await handle?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function expectEnclosures(feed: Item[]) {
    expect(feed.length).toBe(uploads.length + notUploads.length);
    expect(uploads.map((u) => u.type).sort()).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    for (const upload of uploads) {
      const item = feed.find((i) => i.title === upload.title);
      expect(item?.enclosure, upload.title).toEqual({ '@_url': siteUrl(upload.url), '@_type': upload.type, '@_length': String(upload.bytes) });
    }
    // A bundled image, a /media URL no upload stands behind, no cover: no enclosure rather than a guessed one.
    for (const title of notUploads) expect(feed.find((i) => i.title === title)?.enclosure, title).toBeUndefined();
  }

  it('gives the site feed the real type and byte length of each uploaded cover', async () => {
    const { GET } = await import('@/app/rss.xml/route');
    await expectEnclosures(await items(await GET()));
  });

  it("gives a category's feed the same enclosures", async () => {
    const { GET } = await import('@/app/(site)/chuyen-muc/[slug]/rss.xml/route');
    const response = await GET(new Request(`http://localhost/chuyen-muc/${categorySlug}/rss.xml`), { params: Promise.resolve({ slug: categorySlug }) });
    await expectEnclosures(await items(response));
  });
});
