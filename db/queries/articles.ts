import 'server-only';
import { and, desc, eq, gt, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { getDb } from '../index';
import { articles, articleTags, categories, tags, users } from '../schema';
import { isPubliclyVisible } from './public-filter';

export const PAGE_SIZE = 12;

/**
 * Matches the indexes' `published_at DESC NULLS LAST` (a plain DESC means
 * NULLS FIRST, which the planner cannot serve from those indexes and turns
 * into a sort of every published row).
 */
const newestFirst = sql`${articles.publishedAt} DESC NULLS LAST`;

/** The columns of an ArticleListItem, for every query that lists articles. */
export const articleListColumns = {
  id: articles.id,
  title: articles.title,
  slug: articles.slug,
  sapo: articles.sapo,
  coverImage: articles.coverImage,
  coverCaption: articles.coverCaption,
  publishedAt: articles.publishedAt,
  viewCount: articles.viewCount,
  categoryName: categories.name,
  categorySlug: categories.slug,
  authorName: users.name,
  authorSlug: users.slug,
};

export type ArticleListItem = {
  id: number;
  title: string;
  slug: string;
  sapo: string;
  coverImage: string | null;
  coverCaption: string | null;
  publishedAt: Date | null;
  viewCount: number;
  categoryName: string | null;
  categorySlug: string | null;
  authorName: string;
  authorSlug: string;
};

export type Page<T> = { items: T[]; total: number; page: number; pageCount: number };

function listQuery(db: Executor) {
  return db
    .select(articleListColumns)
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(categories, eq(categories.id, articles.categoryId));
}

/** One page of a public listing (newest first) and how many pages it has. */
async function listingPage(db: Executor, where: ReturnType<typeof and>, page: number): Promise<Page<ArticleListItem>> {
  const [items, [count]] = await Promise.all([
    listQuery(db).where(where).orderBy(newestFirst, desc(articles.id)).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(articles).where(where),
  ]);
  const total = Number(count?.n ?? 0);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function getLatestArticles(limit: number, now = new Date(), db?: Executor): Promise<ArticleListItem[]> {
  const conn = db ?? (await getDb());
  return listQuery(conn).where(isPubliclyVisible(now)).orderBy(newestFirst, desc(articles.id)).limit(limit);
}

/** The lead story: the newest featured article, else the newest article. */
export async function getLeadArticle(now = new Date(), db?: Executor): Promise<ArticleListItem | null> {
  const conn = db ?? (await getDb());
  const [featured] = await listQuery(conn)
    .where(and(isPubliclyVisible(now), eq(articles.featured, true)))
    .orderBy(newestFirst)
    .limit(1);
  if (featured) return featured;
  const [latest] = await getLatestArticles(1, now, conn);
  return latest ?? null;
}

export async function getCategoryArticles(categoryId: number, page: number, now = new Date(), db?: Executor): Promise<Page<ArticleListItem>> {
  const conn = db ?? (await getDb());
  const where = and(isPubliclyVisible(now), eq(articles.categoryId, categoryId));
  return listingPage(conn, where, page);
}

export async function getCategoryLatest(categoryId: number, limit: number, now = new Date(), db?: Executor): Promise<ArticleListItem[]> {
  const conn = db ?? (await getDb());
  return listQuery(conn)
    .where(and(isPubliclyVisible(now), eq(articles.categoryId, categoryId)))
    .orderBy(newestFirst, desc(articles.id))
    .limit(limit);
}

export async function getAuthorArticles(authorId: number, page: number, now = new Date(), db?: Executor): Promise<Page<ArticleListItem>> {
  const conn = db ?? (await getDb());
  const where = and(isPubliclyVisible(now), eq(articles.authorId, authorId));
  return listingPage(conn, where, page);
}

export async function getTagArticles(tagId: number, page: number, now = new Date(), db?: Executor): Promise<Page<ArticleListItem>> {
  const conn = db ?? (await getDb());
  const where = and(
    isPubliclyVisible(now),
    inArray(articles.id, conn.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, tagId))),
  );
  return listingPage(conn, where, page);
}

export type PublicArticle = NonNullable<Awaited<ReturnType<typeof getPublishedArticleBySlug>>>;

export async function getPublishedArticleBySlug(slug: string, now = new Date(), db?: Executor) {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      sapo: articles.sapo,
      bodyHtml: articles.bodyHtml,
      bodyText: articles.bodyText,
      coverImage: articles.coverImage,
      coverCaption: articles.coverCaption,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      seoTitle: articles.seoTitle,
      seoDescription: articles.seoDescription,
      viewCount: articles.viewCount,
      categoryId: articles.categoryId,
      categoryName: categories.name,
      categorySlug: categories.slug,
      authorName: users.name,
      authorSlug: users.slug,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(isPubliclyVisible(now), eq(articles.slug, slug)))
    .limit(1);
  if (!row) return null;
  const articleTagRows = await conn
    .select({ name: tags.name, slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, row.id))
    .orderBy(tags.name);
  return { ...row, tags: articleTagRows };
}

/** Same category first, newest first, excluding the article itself. */
export async function getRelatedArticles(
  article: { id: number; categoryId: number | null },
  limit = 4,
  now = new Date(),
  db?: Executor,
): Promise<ArticleListItem[]> {
  const conn = db ?? (await getDb());
  const where = article.categoryId
    ? and(isPubliclyVisible(now), eq(articles.categoryId, article.categoryId), ne(articles.id, article.id))
    : and(isPubliclyVisible(now), ne(articles.id, article.id));
  return listQuery(conn).where(where).orderBy(newestFirst).limit(limit);
}

export async function getArticlesPublishedSince(since: Date, limit: number, now = new Date(), db?: Executor): Promise<ArticleListItem[]> {
  const conn = db ?? (await getDb());
  return listQuery(conn)
    .where(and(isPubliclyVisible(now), gte(articles.publishedAt, since)))
    .orderBy(newestFirst)
    .limit(limit);
}

/** Articles per sitemap file: well under the 50,000-URL limit and the data cache's 2 MB entry limit. */
export const SITEMAP_CHUNK_SIZE = 5_000;

/** How many article sitemap files there are: one per id range of SITEMAP_CHUNK_SIZE. */
export async function getSitemapChunkCount(db?: Executor): Promise<number> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select({ maxId: sql<number>`coalesce(max(${articles.id}), 0)::int` }).from(articles);
  return Math.max(1, Math.ceil(Number(row?.maxId ?? 0) / SITEMAP_CHUNK_SIZE));
}

/** Visible articles whose id falls in chunk `chunk` (1-based); id ranges keep each file stable as the archive grows. */
export async function getSitemapChunk(chunk: number, now = new Date(), db?: Executor) {
  const conn = db ?? (await getDb());
  const from = (chunk - 1) * SITEMAP_CHUNK_SIZE;
  return conn
    .select({ slug: articles.slug, updatedAt: articles.updatedAt, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(isPubliclyVisible(now), gt(articles.id, from), lte(articles.id, from + SITEMAP_CHUNK_SIZE)))
    .orderBy(articles.id);
}
