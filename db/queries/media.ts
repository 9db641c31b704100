import 'server-only';
import { desc, eq, inArray, lt, and, sql, type SQL } from 'drizzle-orm';
import { mediaKeyOfUrl } from '@/lib/media/keys';
import type { Executor } from '../client';
import { getDb } from '../index';
import { media, users, type Media } from '../schema';

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
