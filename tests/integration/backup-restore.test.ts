/**
 * npm run db:backup / db:restore round trip, on the real databases: PGlite (a data folder of its
 * own, with pg's own dump of it) and the Postgres server (pg_dump/pg_restore, custom format). Seed,
 * back up, wipe (the database and the media folder), restore: the same articles, users,
 * revisions, visit aggregates and media files, byte for byte.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { insertRevision } from '@/db/queries/articles-admin';
import { insertMedia } from '@/db/queries/media';
import { LocalDiskStorage } from '@/server/media/storage';
import { BackupError, createBackup, restoreBackup } from '@/server/ops/backup';
import { makeArticle, makeCategory, makeUser } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

const TABLES = ['users', 'categories', 'articles', 'article_revisions', 'media', 'visit_daily', 'article_views_daily'];
type Rows<T> = T[] | { rows: T[] };
const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

async function snapshot(handle: DatabaseHandle): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const result = await handle.db.execute(sql.raw(`SELECT coalesce(json_agg(row_to_json(t))::text, '[]') AS rows FROM (SELECT * FROM ${table} ORDER BY 1) t`));
    out[table] = rowsOf<{ rows: string }>(result as Rows<{ rows: string }>)[0]!.rows;
  }
  return out;
}

const checksums = (root: string) =>
  Object.fromEntries(
    (fs.existsSync(root) ? (fs.readdirSync(root, { recursive: true }) as string[]) : [])
      .filter((entry) => fs.statSync(path.join(root, entry)).isFile())
      .sort()
      .map((entry) => [entry, crypto.createHash('sha256').update(fs.readFileSync(path.join(root, entry))).digest('hex')]),
  );

describeDb('db:backup and db:restore', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-backup-test-'));
  const mediaRoot = path.join(folder, 'media');
  const archive = path.join(folder, 'sao-luu', 'toa-soan.tar.gz');
  let config: DatabaseConfig;
  let pgHandle: (DatabaseHandle & { testUrl?: string }) | undefined;
  let before: Record<string, string>;
  let mediaBefore: Record<string, string>;

  const open = async (): Promise<DatabaseHandle> => (pgHandle && config.driver === 'postgres' ? pgHandle : openDatabase(config));
  const done = async (handle: DatabaseHandle) => {
    if (handle !== pgHandle) await handle.close();
  };
  /** Everything a restore must bring back: the database (its schemas, or PGlite's folder) and the media folder. */
  const wipe = async () => {
    if (config.driver === 'postgres') await pgHandle!.db.execute(sql.raw('DROP SCHEMA public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public'));
    else fs.rmSync(config.dataDir, { recursive: true, force: true });
    fs.rmSync(mediaRoot, { recursive: true, force: true });
  };

  beforeAll(async () => {
    if (testDriver === 'postgres') {
      pgHandle = await createTestDatabase();
      config = { driver: 'postgres', url: pgHandle.testUrl! };
    } else {
      config = { driver: 'pglite', dataDir: path.join(folder, 'pglite') };
      const fresh = await openDatabase(config);
      await migrateDatabase(fresh);
      await fresh.close();
    }
    const handle = await open();
    const editor = await makeUser(handle.db, 'moderator', { name: 'Nguyễn Thị Biên Tập' });
    const category = await makeCategory(handle.db);
    const article = await makeArticle(handle.db, { authorId: editor.id, status: 'published', categoryId: category.id, title: 'Lào Cai đón 1.784.275 lượt khách' });
    await makeArticle(handle.db, { authorId: editor.id, status: 'draft', title: 'Bản nháp chưa đăng' });
    await insertRevision(handle.db, { articleId: article.id, editorId: editor.id, action: 'publish', version: 2, status: 'published', title: article.title, sapo: 'Sapo', bodyHtml: '<p>Nội dung</p>' });
    await handle.db.execute(sql`INSERT INTO visit_daily (day, visits, pageviews, visitors) VALUES ('2026-11-30', 1200, 3400, 900), ('2026-12-01', 1500, 4100, 1100)`);
    await handle.db.execute(sql`INSERT INTO article_views_daily (article_id, day, views) VALUES (${article.id}, '2026-12-01', 321)`);
    const storage = new LocalDiskStorage(mediaRoot);
    const image = crypto.randomBytes(20_000);
    await storage.put('2026/12/0123456789abcdef0123456789abcdef.webp', image);
    await storage.put('2026/12/0123456789abcdef0123456789abcdef-w640.webp', image.subarray(0, 8_000));
    await insertMedia(
      {
        storageKey: '2026/12/0123456789abcdef0123456789abcdef.webp',
        url: '/media/2026/12/0123456789abcdef0123456789abcdef.webp',
        mimeType: 'image/webp',
        width: 1600,
        height: 900,
        sizeBytes: image.length,
        variants: [{ width: 640, url: '/media/2026/12/0123456789abcdef0123456789abcdef-w640.webp' }],
        caption: 'Ruộng bậc thang',
        alt: 'Ruộng bậc thang Y Tý',
        uploadedBy: editor.id,
      },
      handle.db,
    );
    before = await snapshot(handle);
    mediaBefore = checksums(mediaRoot);
    await done(handle);
  });

  afterAll(async () => {
    await pgHandle?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('backs up, and after a wipe restores the same rows and the same media files', async () => {
    const manifest = await createBackup({ database: config, mediaRoot }, archive);
    expect(fs.existsSync(archive)).toBe(true);
    expect(fs.existsSync(`${archive}.partial`)).toBe(false);
    expect(manifest).toMatchObject({ driver: config.driver, media: { store: 'local' } });
    expect(manifest.counts.articles).toBe(2);
    expect(manifest.counts.media).toBe(1);

    await wipe();

    const { keptAside } = await restoreBackup({ database: config, mediaRoot }, archive);
    expect(keptAside).toBeUndefined();
    const handle = await open();
    try {
      expect(await snapshot(handle)).toEqual(before);
    } finally {
      await done(handle);
    }
    expect(checksums(mediaRoot)).toEqual(mediaBefore);
    expect(Object.keys(mediaBefore)).toHaveLength(2);
  });

  it('restores over a database that changed since, and keeps a PGlite folder it replaces', async () => {
    const handle = await open();
    await handle.db.execute(sql`DELETE FROM article_views_daily`);
    await handle.db.execute(sql`UPDATE articles SET title = 'Đã sửa sau khi sao lưu'`);
    await done(handle);
    const { keptAside } = await restoreBackup({ database: config, mediaRoot }, archive);
    if (config.driver === 'pglite') {
      expect(keptAside).toBeDefined();
      expect(fs.existsSync(keptAside!)).toBe(true);
    }
    const after = await open();
    try {
      expect(await snapshot(after)).toEqual(before);
    } finally {
      await done(after);
    }
  });

  it('a backup taken through the running server’s own database (the admin download) restores the same', async () => {
    const live = path.join(folder, 'sao-luu', 'tu-may-chu.tar.gz');
    const handle = await open();
    try {
      // Taken while the database is open and in use, as app/api/admin/sao-luu/route.ts does.
      const database: DatabaseConfig = handle.driver === 'postgres' ? { driver: 'postgres', url: handle.url! } : { driver: 'pglite', dataDir: '' };
      await createBackup({ database, running: handle.driver === 'pglite' ? handle : undefined, mediaRoot }, live);
    } finally {
      await done(handle);
    }
    await wipe();
    await restoreBackup({ database: config, mediaRoot }, live);
    const after = await open();
    try {
      expect(await snapshot(after)).toEqual(before);
    } finally {
      await done(after);
    }
    expect(checksums(mediaRoot)).toEqual(mediaBefore);
  });

  it('refuses what is not a backup, with a Vietnamese reason', async () => {
    const bogus = path.join(folder, 'khong-phai.tar.gz');
    fs.writeFileSync(bogus, 'không phải tar');
    await expect(restoreBackup({ database: config, mediaRoot }, bogus)).rejects.toBeInstanceOf(BackupError);
    await expect(restoreBackup({ database: config, mediaRoot }, path.join(folder, 'khong-co.tar.gz'))).rejects.toThrow('Không có tệp');
  });
});
