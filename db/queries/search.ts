import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { getDb } from '../index';
import { PAGE_SIZE, type ArticleListItem } from './articles';
import { isPubliclyVisible } from './public-filter';

/**
 * How many matches are ranked. Ranking every match reads every matching body
 * (a common phrase like "lao cai" matches ~40% of 100k articles: >1 s), so we
 * rank the newest RECENT_WINDOW matches plus the newest TITLE_WINDOW title
 * matches — the way news search behaves anyway: fresh and on-topic first.
 */
export const RECENT_WINDOW = 100;
export const TITLE_WINDOW = 40;
export const FRESH_DAYS = 30;

export type SearchPage = {
  items: (ArticleListItem & { rank: number })[];
  /** Matches among the ranked window; `capped` when there are more. */
  total: number;
  capped: boolean;
  page: number;
  pageCount: number;
};

type Row = Omit<ArticleListItem, 'publishedAt' | 'viewCount'> & {
  publishedAt: Date | string | null;
  viewCount: number | string;
  rank: number | string;
  total: number | string;
  recentCount: number | string;
};

/**
 * Diacritics-insensitive, ranked full-text search over published articles.
 * `query` must already be normalised (lib/search-query.ts); it only ever
 * reaches Postgres as a bound parameter, and websearch_to_tsquery never
 * raises on odd input. Visibility is isPubliclyVisible, as everywhere.
 */
export async function searchPublishedArticles(query: string, page: number, now = new Date(), db?: Executor): Promise<SearchPage> {
  if (!query) return { items: [], total: 0, capped: false, page, pageCount: 1 };
  const conn = db ?? (await getDb());
  // Common words match a large share of all articles; looking at the last
  // FRESH_DAYS first lets the index find the newest matches without visiting
  // every match. Only when that window holds fewer than RECENT_WINDOW matches
  // (rare words: cheap anyway) is the whole archive searched.
  const since = new Date(now.getTime() - FRESH_DAYS * 86_400_000);
  const fresh = await runSearch(conn, query, page, now, since);
  if (fresh.recentCount >= RECENT_WINDOW) return fresh.page;
  return (await runSearch(conn, query, page, now, null)).page;
}

async function runSearch(conn: Executor, query: string, page: number, now: Date, since: Date | null) {
  // A string, not a Date: postgres.js cannot bind a bare Date inside a raw sql`` fragment
  // (isPubliclyVisible binds `now` through the column, which converts it).
  const sinceIso = (since ?? new Date(0)).toISOString();
  // Inline (not from the CTE) in the two lookups, so the planner sees a
  // constant and can estimate how common the words are.
  const tsQuery = sql`websearch_to_tsquery('simple', vn_unaccent(lower(${query})))`;
  const result = await conn.execute(sql`
    WITH q AS (SELECT ${tsQuery} AS query),
    recent AS (
      SELECT articles.id FROM articles
      WHERE ${isPubliclyVisible(now)} AND articles.published_at > ${sinceIso}::timestamptz
        AND articles.search_vector @@ ${tsQuery}
      ORDER BY articles.published_at DESC NULLS LAST LIMIT ${RECENT_WINDOW}
    ),
    titled AS (
      SELECT articles.id FROM articles
      WHERE ${isPubliclyVisible(now)} AND articles.published_at > ${sinceIso}::timestamptz
        AND articles.title_vector @@ ${tsQuery}
      ORDER BY articles.published_at DESC NULLS LAST LIMIT ${TITLE_WINDOW}
    ),
    candidates AS (SELECT id FROM recent UNION SELECT id FROM titled)
    SELECT a.id, a.title, a.slug, a.sapo, a.cover_image AS "coverImage", a.cover_caption AS "coverCaption",
           a.published_at AS "publishedAt", a.view_count AS "viewCount",
           c.name AS "categoryName", c.slug AS "categorySlug", u.name AS "authorName", u.slug AS "authorSlug",
           ts_rank_cd(a.search_vector, q.query, 1) + CASE WHEN a.title_vector @@ q.query THEN 1 ELSE 0 END AS rank,
           count(*) OVER () AS total,
           (SELECT count(*) FROM recent) AS "recentCount"
    FROM candidates
    JOIN articles a ON a.id = candidates.id
    JOIN users u ON u.id = a.author_id
    LEFT JOIN categories c ON c.id = a.category_id
    CROSS JOIN q
    ORDER BY rank DESC, a.published_at DESC NULLS LAST, a.id DESC
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}
  `);
  // postgres.js returns the rows as an array, PGlite as { rows }.
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: Row[] }).rows) as Row[];
  const total = Number(rows[0]?.total ?? 0);
  const items = rows.map((r) => ({
    id: r.id,
    title: r.title,
    slug: r.slug,
    sapo: r.sapo,
    coverImage: r.coverImage,
    coverCaption: r.coverCaption,
    categoryName: r.categoryName,
    categorySlug: r.categorySlug,
    authorName: r.authorName,
    authorSlug: r.authorSlug,
    publishedAt: r.publishedAt === null ? null : new Date(r.publishedAt),
    viewCount: Number(r.viewCount),
    rank: Number(r.rank),
  }));
  const searchPage: SearchPage = {
    items,
    total,
    capped: total >= RECENT_WINDOW,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
  return { page: searchPage, recentCount: Number(rows[0]?.recentCount ?? 0) };
}
