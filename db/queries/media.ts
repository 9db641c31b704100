import 'server-only';
import { desc, eq, inArray, isNull, lt, and, or, sql, type SQL } from 'drizzle-orm';
import type { FocalPoint } from '@/lib/media/crops';
import { MEDIA_URL_PREFIX, mediaKeyOfUrl, mediaStemOf, ORIGINAL_MEDIA_KEY_PATTERN } from '@/lib/media/keys';
import type { Executor } from '../client';
import { getDb } from '../index';
import { articles, media, users, type ArticleStatus, type Media } from '../schema';

export async function insertMedia(values: typeof media.$inferInsert, db?: Executor): Promise<Media> {
  const conn = db ?? (await getDb());
  const [row] = await conn.insert(media).values(values).returning();
  return row!;
}

export const MEDIA_PAGE_SIZE = 30;

export type MediaListItem = Media & { uploaderName: string | null };

/** The library, newest first; `q` matches the caption or alt text without diacritics. Keyset on id. */
export async function listMedia(
  filters: { q?: string; before?: number },
  db?: Executor,
): Promise<{ items: MediaListItem[]; nextBefore: number | null }> {
  const conn = db ?? (await getDb());
  const where: SQL[] = [];
  // Every word must appear (in any order), without diacritics: "tam giac y ty" finds "Hoa tam giác mạch ở Y Tý".
  const words = (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`vn_unaccent(lower(${media.caption} || ' ' || ${media.alt})) like vn_unaccent(${pattern})`);
  }
  if (filters.before) where.push(lt(media.id, filters.before));
  const rows = await conn
    .select({ media, uploaderName: users.name })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(media.id))
    .limit(MEDIA_PAGE_SIZE + 1);
  const items = rows.slice(0, MEDIA_PAGE_SIZE).map((r) => ({ ...r.media, uploaderName: r.uploaderName }));
  return { items, nextBefore: rows.length > MEDIA_PAGE_SIZE ? items[items.length - 1]!.id : null };
}

export type MediaFileFacts = { url: string; mimeType: string; sizeBytes: number };

/** The type and byte size of the uploads behind these URLs; URLs that name no upload are left out. */
export async function getMediaFilesByUrls(urls: readonly string[], db?: Executor): Promise<MediaFileFacts[]> {
  // Through the unique storage_key index: the key is the URL without its prefix.
  const keys = [...new Set(urls.map(mediaKeyOfUrl).filter((k): k is string => k !== null))];
  if (keys.length === 0) return [];
  const conn = db ?? (await getDb());
  return conn.select({ url: media.url, mimeType: media.mimeType, sizeBytes: media.sizeBytes }).from(media).where(inArray(media.storageKey, keys));
}

/** One image of the library with its uploader's name, or null. */
export async function getMediaById(id: number, db?: Executor): Promise<MediaListItem | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select({ media, uploaderName: users.name }).from(media).leftJoin(users, eq(users.id, media.uploadedBy)).where(eq(media.id, id)).limit(1);
  return row ? { ...row.media, uploaderName: row.uploaderName } : null;
}

/** The focal point the crops of the original stored under `storageKey` are centred on, or null when no row names it. */
export async function getMediaFocalPointByKey(storageKey: string, db?: Executor): Promise<FocalPoint | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select({ x: media.focalX, y: media.focalY }).from(media).where(eq(media.storageKey, storageKey)).limit(1);
  return row ?? null;
}

export type CoverMedia = { credit: string; focal: FocalPoint };

/** The credit and focal point of the upload a cover URL names; null for a bundled or outside image, a width or crop, or a deleted upload. */
export async function getCoverMediaByUrl(url: string, db?: Executor): Promise<CoverMedia | null> {
  const key = mediaKeyOfUrl(url);
  if (!key || !ORIGINAL_MEDIA_KEY_PATTERN.test(key)) return null;
  const conn = db ?? (await getDb());
  const [row] = await conn.select({ credit: media.credit, x: media.focalX, y: media.focalY }).from(media).where(eq(media.storageKey, key)).limit(1);
  return row ? { credit: row.credit, focal: { x: row.x, y: row.y } } : null;
}

export type MediaDetails = Pick<Media, 'caption' | 'alt' | 'credit' | 'focalX' | 'focalY'>;

export async function updateMediaDetailsRow(id: number, details: MediaDetails, db?: Executor): Promise<Media | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.update(media).set(details).where(eq(media.id, id)).returning();
  return row ?? null;
}

export async function deleteMediaRow(id: number, db?: Executor): Promise<Media | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.delete(media).where(eq(media.id, id)).returning();
  return row ?? null;
}

export type MediaUsage = {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  /** In the trash: it may still be restored, so it still counts. */
  deletedAt: Date | null;
  asCover: boolean;
  inBody: boolean;
};

/** The most articles "Dùng trong" lists; the count covers them all. */
export const MEDIA_USAGE_LIST_LIMIT = 100;

/**
 * The articles (trashed ones included) that use an upload: as their cover
 * (`cover_image` holds its URL) or in their body (an `<img src>` in the
 * stored HTML), whichever of its files they link (the original, a width, a
 * crop; a relative or a full URL). The random stem names one upload only.
 * Bodies are searched in full, with no index: it is asked only when an
 * image is opened for editing or deleted.
 */
export async function listArticlesUsingMedia(storageKey: string, db?: Executor): Promise<{ items: MediaUsage[]; total: number }> {
  const conn = db ?? (await getDb());
  const needle = `${MEDIA_URL_PREFIX}${mediaStemOf(storageKey)}`;
  const asCover = sql<boolean>`coalesce(strpos(${articles.coverImage}, ${needle}) > 0, false)`;
  const inBody = sql<boolean>`(strpos(${articles.bodyHtml}, ${needle}) > 0)`;
  const rows = await conn
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      status: articles.status,
      publishedAt: articles.publishedAt,
      deletedAt: articles.deletedAt,
      asCover,
      inBody,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(articles)
    .where(or(sql`strpos(${articles.coverImage}, ${needle}) > 0`, sql`strpos(${articles.bodyHtml}, ${needle}) > 0`))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(MEDIA_USAGE_LIST_LIMIT);
  const items = rows.map((row): MediaUsage => ({
    id: row.id,
    title: row.title,
    slug: row.slug,
    status: row.status,
    publishedAt: row.publishedAt,
    deletedAt: row.deletedAt,
    asCover: Boolean(row.asCover),
    inBody: Boolean(row.inBody),
  }));
  return { items, total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}

/** The published articles whose cover is this upload: their pages show its credit and link its crops. */
export async function listPublishedCoverSlugs(storageKey: string, db?: Executor): Promise<string[]> {
  const conn = db ?? (await getDb());
  const needle = `${MEDIA_URL_PREFIX}${mediaStemOf(storageKey)}`;
  const rows = await conn
    .select({ slug: articles.slug })
    .from(articles)
    .where(and(eq(articles.status, 'published'), isNull(articles.deletedAt), sql`strpos(${articles.coverImage}, ${needle}) > 0`));
  return rows.map((r) => r.slug);
}
