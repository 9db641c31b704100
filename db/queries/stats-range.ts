import 'server-only';
import { and, desc, eq, gte, lte, sql, type SQLWrapper } from 'drizzle-orm';
import type { Grouping } from '../../lib/stats/range';
import type { Executor } from '../client';
import { getDb } from '../index';
import { articles, articleViewsDaily, categories, users, visitDaily } from '../schema';

// /admin/thong-ke over a chosen range of local days (lib/stats/range.ts):
// sums of the daily rollup rows, grouped in SQL. The rollup tables hold a
// handful of rows per day, so three years stay a few thousand rows.

export type DayRange = { from: string; to: string };

/** Sums can pass int4 over years of a busy portal: bigint in SQL, a string from postgres.js, a number here. */
const total = (column: SQLWrapper) => sql<string>`coalesce(sum(${column}), 0)::bigint`;

/**
 * Visits, pageviews and visitors per bucket: the day, the Monday of its week
 * (`date_trunc('week')` is ISO, Monday first) or the first of its month, keyed
 * `YYYY-MM-DD` like lib/stats/buckets.ts. Buckets without a row are absent;
 * fillBuckets adds them.
 */
export async function getVisitSeriesByBucket(range: DayRange, grouping: Grouping, db?: Executor) {
  const conn = db ?? (await getDb());
  // The unit is one of three words, never input; a literal so the SELECT and GROUP BY expressions are the same.
  const bucket =
    grouping === 'day'
      ? sql<string>`to_char(${visitDaily.day}, 'YYYY-MM-DD')`
      : sql<string>`to_char(date_trunc('${sql.raw(grouping)}', ${visitDaily.day}::timestamp), 'YYYY-MM-DD')`;
  const rows = await conn
    .select({ bucket, visits: total(visitDaily.visits), pageviews: total(visitDaily.pageviews), visitors: total(visitDaily.visitors) })
    .from(visitDaily)
    .where(and(gte(visitDaily.day, range.from), lte(visitDaily.day, range.to)))
    .groupBy(bucket)
    .orderBy(bucket);
  return rows.map((r) => ({ bucket: String(r.bucket), visits: Number(r.visits), pageviews: Number(r.pageviews), visitors: Number(r.visitors) }));
}

export type ArticleViewsRow = {
  rank: number;
  id: number;
  title: string;
  categoryName: string | null;
  authorId: number;
  authorName: string;
  publishedAt: Date | null;
  /** In the trash now; its views still count for the days it was read. */
  inTrash: boolean;
  views: number;
};
export type Ranking<T> = { rows: T[]; total: number; totalViews: number };
export type RankingPage = { limit: number; offset: number };

/** The totals ride on the rows (window functions): past the last page there is none, so they come from the first row instead. */
async function pastTheEnd<T>(page: RankingPage, read: (page: RankingPage) => Promise<Ranking<T>>): Promise<Ranking<T>> {
  const result = await read(page);
  if (result.rows.length > 0 || page.offset === 0) return result;
  const first = await read({ limit: 1, offset: 0 });
  return { ...first, rows: [] };
}

/**
 * Articles by views in the range, most viewed first (ties: newest id first),
 * optionally only one author's. `total` and `totalViews` cover every ranked
 * article, not just the page. An article deleted for good has no row left
 * to name, so its views leave this ranking (they stay in the visit totals).
 */
export async function getArticleViewsRanking(
  range: DayRange,
  options: RankingPage & { authorId?: number | null },
  db?: Executor,
): Promise<Ranking<ArticleViewsRow>> {
  return pastTheEnd(options, (page) => articleRankingPage(range, { ...options, ...page }, db));
}

async function articleRankingPage(range: DayRange, options: RankingPage & { authorId?: number | null }, db?: Executor): Promise<Ranking<ArticleViewsRow>> {
  const conn = db ?? (await getDb());
  const views = total(articleViewsDaily.views);
  const conditions = [gte(articleViewsDaily.day, range.from), lte(articleViewsDaily.day, range.to)];
  if (options.authorId) conditions.push(eq(articles.authorId, options.authorId));
  const rows = await conn
    .select({
      id: articles.id,
      title: articles.title,
      categoryName: categories.name,
      authorId: users.id,
      authorName: users.name,
      publishedAt: articles.publishedAt,
      deletedAt: articles.deletedAt,
      views,
      total: sql<string>`count(*) over ()`,
      totalViews: sql<string>`sum(sum(${articleViewsDaily.views})) over ()`,
    })
    .from(articleViewsDaily)
    .innerJoin(articles, eq(articles.id, articleViewsDaily.articleId))
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(...conditions))
    // Grouping by the primary keys lets the SELECT name their other columns (functional dependency).
    .groupBy(articles.id, users.id, categories.id)
    .orderBy(desc(views), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset);
  return {
    total: Number(rows[0]?.total ?? 0),
    totalViews: Number(rows[0]?.totalViews ?? 0),
    rows: rows.map((r, i) => ({
      rank: options.offset + i + 1,
      id: r.id,
      title: r.title,
      categoryName: r.categoryName,
      authorId: r.authorId,
      authorName: r.authorName,
      publishedAt: r.publishedAt,
      inTrash: r.deletedAt !== null,
      views: Number(r.views),
    })),
  };
}

export type AuthorViewsRow = { rank: number; id: number; name: string; articles: number; views: number };

/** Authors by the views of their articles in the range; `articles` is how many of theirs were read at all. */
export async function getAuthorViewsRanking(range: DayRange, options: RankingPage, db?: Executor): Promise<Ranking<AuthorViewsRow>> {
  return pastTheEnd(options, (page) => authorRankingPage(range, page, db));
}

async function authorRankingPage(range: DayRange, options: RankingPage, db?: Executor): Promise<Ranking<AuthorViewsRow>> {
  const conn = db ?? (await getDb());
  const views = total(articleViewsDaily.views);
  const rows = await conn
    .select({
      id: users.id,
      name: users.name,
      articles: sql<string>`count(distinct ${articleViewsDaily.articleId})`,
      views,
      total: sql<string>`count(*) over ()`,
      totalViews: sql<string>`sum(sum(${articleViewsDaily.views})) over ()`,
    })
    .from(articleViewsDaily)
    .innerJoin(articles, eq(articles.id, articleViewsDaily.articleId))
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(and(gte(articleViewsDaily.day, range.from), lte(articleViewsDaily.day, range.to)))
    .groupBy(users.id)
    .orderBy(desc(views), users.id)
    .limit(options.limit)
    .offset(options.offset);
  return {
    total: Number(rows[0]?.total ?? 0),
    totalViews: Number(rows[0]?.totalViews ?? 0),
    rows: rows.map((r, i) => ({ rank: options.offset + i + 1, id: r.id, name: r.name, articles: Number(r.articles), views: Number(r.views) })),
  };
}

/** The author a per-article view is filtered by, for its heading; null when there is no such user. */
export async function getStatsAuthor(id: number, db?: Executor): Promise<{ id: number; name: string } | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}
