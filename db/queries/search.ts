import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { getDb } from '../index';
import { articles, categories, users } from '../schema';
import { PAGE_SIZE, type ArticleListItem, type Page } from './articles';
import { isPubliclyVisible } from './public-filter';

/**
 * Diacritics-insensitive, ranked full-text search over published articles.
 * `query` must already be normalised (lib/search-query.ts); it is only ever
 * passed as a bound parameter. websearch_to_tsquery never raises on odd input.
 */
export async function searchPublishedArticles(
  query: string,
  page: number,
  now = new Date(),
  db?: Executor,
): Promise<Page<ArticleListItem & { rank: number }>> {
  if (!query) return { items: [], total: 0, page, pageCount: 1 };
  const conn = db ?? (await getDb());
  const tsQuery = sql`websearch_to_tsquery('simple', vn_unaccent(lower(${query})))`;
  const where = and(isPubliclyVisible(now), sql`${articles.searchVector} @@ ${tsQuery}`);
  const rank = sql<number>`ts_rank_cd(${articles.searchVector}, ${tsQuery}, 1)`;
  const [items, countRows] = await Promise.all([
    conn
      .select({
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
        rank,
      })
      .from(articles)
      .innerJoin(users, eq(users.id, articles.authorId))
      .leftJoin(categories, eq(categories.id, articles.categoryId))
      .where(where)
      .orderBy(desc(rank), desc(articles.publishedAt))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    conn.select({ n: sql<number>`count(*)::int` }).from(articles).where(where),
  ]);
  const total = Number(countRows[0]?.n ?? 0);
  return { items: items.map((i) => ({ ...i, rank: Number(i.rank) })), total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
