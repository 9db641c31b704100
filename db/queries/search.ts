import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { searchQueryShape } from '../../lib/search-query';
import { pickReplica, type Executor } from '../client';
import { getDb } from '../index';
import { PAGE_SIZE, type ArticleListItem } from './articles';
import { isPubliclyVisible } from './public-filter';

/**
 * Results a reader can page through: five pages; beyond that, refining the
 * query is the way. It also bounds the work of a common word: the recent
 * part of the archive (SEARCH_RECENT_DAYS) almost always holds this many.
 */
export const SEARCH_RESULT_LIMIT = 60;

/** Headline matches taken from the whole archive, newest first, whatever the matches in the text. */
export const SEARCH_HEADLINE_DEPTH = 60;

/**
 * Candidates are looked for in the last SEARCH_RECENT_DAYS first, and in
 * the older archive only when those days hold too few: a common word ("lao
 * cai" is in 40% of all articles) is answered from the last month alone, a
 * rare one reaches back to the oldest article.
 */
export const SEARCH_RECENT_DAYS = 30;

/**
 * Ranks, best first; within a rank, newer first.
 * - headlinePhrase: the headline has every word of the query, in order, side by side;
 * - headline: the headline has every word, and any "quoted phrase" as written;
 * - textPhrase: the text has every "quoted phrase" as written (quoted queries only);
 * - text: the sapo or the body has every word.
 */
export const SEARCH_RANK = { headlinePhrase: 3, headline: 2, textPhrase: 1, text: 0 } as const;

export type SearchPage = {
  items: (ArticleListItem & { rank: number })[];
  /** Results, at most SEARCH_RESULT_LIMIT; `capped` when more articles match. */
  total: number;
  capped: boolean;
  page: number;
  pageCount: number;
};

type Row = Omit<ArticleListItem, 'id' | 'publishedAt' | 'viewCount'> & {
  id: number | null;
  publishedAt: Date | string | null;
  viewCount: number | string;
  rank: number | string;
  shown: number | string;
  matched: number | string;
};

/**
 * Diacritics-insensitive full-text search over published articles: every
 * word must appear; ranked by SEARCH_RANK, then newest first.
 *
 * Candidates, both over the whole archive: the newest SEARCH_RESULT_LIMIT + 1
 * articles having every word, and the newest SEARCH_HEADLINE_DEPTH whose
 * headline matches. So an old article whose headline matches is found
 * however many newer articles mention the words. The first
 * SEARCH_RESULT_LIMIT candidates by rank are the results; every page is a
 * window on that one list, so pages never overlap.
 *
 * The work stays small for common and rare words alike: candidates are found
 * through the GIN indexes without reading any article's text (a "quoted
 * phrase" is looked up as its words, its word order checked on the
 * candidates only), and ranking reads the text of the candidates only for
 * quoted queries. The text's vector is stored out of line and costs
 * ~10-40 µs an article to read.
 *
 * `query` must already be normalised (lib/search-query.ts); it only ever
 * reaches Postgres as a bound parameter, and websearch_to_tsquery never
 * raises on odd input. Visibility is isPubliclyVisible, in every lookup.
 */
export async function searchPublishedArticles(query: string, page: number, now = new Date(), db?: Executor): Promise<SearchPage> {
  if (!query) return { items: [], total: 0, capped: false, page, pageCount: 1 };
  // Raw SQL in a transaction: handed the read handle, withReplicas would send it to the primary.
  const conn = pickReplica(db ?? (await getDb()));
  const shape = searchQueryShape(query);
  // Inline wherever it is used (not from a CTE), so the planner sees a
  // constant and can estimate how common the words are.
  const asWritten = () => sql`websearch_to_tsquery('simple', vn_unaccent(lower(${query})))`;
  // Phrases (<->, <N>) turned into plain AND: the GIN index answers that
  // alone, where a phrase makes Postgres read every candidate's text to check
  // word positions. (An excluded "phrase" thus excludes every article having
  // all its words.)
  const everyWord = () => sql`regexp_replace(${asWritten()}::text, '<(-|[0-9]+)>', '&', 'g')::tsquery`;
  // An excluded word may sit in the body of an article whose headline lacks it.
  const headlineMatch = () =>
    shape.excludes
      ? sql`articles.title_vector @@ ${asWritten()} AND articles.search_vector @@ ${everyWord()}`
      : sql`articles.title_vector @@ ${asWritten()}`;
  // One more than can be shown: whether there are more.
  const matches = newestMatches('matches', () => sql`articles.search_vector @@ ${everyWord()}`, SEARCH_RESULT_LIMIT + 1, now);
  const headlines = newestMatches('headlines', headlineMatch, SEARCH_HEADLINE_DEPTH, now);
  const rank = (value: number) => sql.raw(String(value));
  const headlinePhrase =
    shape.phrase === null
      ? sql``
      : sql`WHEN a.title_vector @@ phraseto_tsquery('simple', vn_unaccent(lower(${shape.phrase}))) THEN ${rank(SEARCH_RANK.headlinePhrase)}`;
  const textPhrase = shape.quoted ? sql`WHEN a.search_vector @@ ${asWritten()} THEN ${rank(SEARCH_RANK.textPhrase)}` : sql``;

  const result = await withSearchPlanSettings(conn, (tx) => tx.execute(sql`
    WITH ${sql.join([...matches.ctes, ...headlines.ctes], sql`, `)},
    matches AS (${matches.union}),
    ranked AS (
      SELECT a.id, a.title, a.slug, a.sapo, a.cover_image AS "coverImage", a.cover_caption AS "coverCaption",
             a.published_at AS "publishedAt", a.view_count AS "viewCount", a.author_id, a.category_id,
             CASE ${headlinePhrase}
                  WHEN a.title_vector @@ ${asWritten()} THEN ${rank(SEARCH_RANK.headline)}
                  ${textPhrase}
                  ELSE ${rank(SEARCH_RANK.text)} END AS rank
      FROM (SELECT id FROM matches UNION SELECT id FROM (${headlines.union}) AS headlines) AS candidates
      JOIN articles a ON a.id = candidates.id
      ORDER BY rank DESC, a.published_at DESC NULLS LAST, a.id DESC
      LIMIT ${sql.raw(String(SEARCH_RESULT_LIMIT))}
    ),
    counts AS (SELECT (SELECT count(*) FROM ranked) AS shown, (SELECT count(*) FROM matches) AS matched)
    SELECT counts.shown, counts.matched, p.* FROM counts
    LEFT JOIN LATERAL (
      SELECT r.id, r.title, r.slug, r.sapo, r."coverImage", r."coverCaption", r."publishedAt", r."viewCount", r.rank,
             c.name AS "categoryName", c.slug AS "categorySlug", u.name AS "authorName", u.slug AS "authorSlug"
      FROM ranked r
      JOIN users u ON u.id = r.author_id
      LEFT JOIN categories c ON c.id = r.category_id
      ORDER BY r.rank DESC, r."publishedAt" DESC NULLS LAST, r.id DESC
      LIMIT ${sql.raw(String(PAGE_SIZE))} OFFSET ${sql.raw(String((page - 1) * PAGE_SIZE))}
    ) p ON true
    ORDER BY p.rank DESC, p."publishedAt" DESC NULLS LAST, p.id DESC
  `));
  // postgres.js returns the rows as an array, PGlite as { rows }.
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: Row[] }).rows) as Row[];
  const total = Number(rows[0]?.shown ?? 0);
  const items = rows
    .filter((r): r is Row & { id: number } => r.id !== null)
    .map((r) => ({
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
  return {
    items,
    total,
    capped: Number(rows[0]?.matched ?? 0) > SEARCH_RESULT_LIMIT,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/**
 * The newest `depth` visible articles matching `match`: two CTEs, the last
 * SEARCH_RECENT_DAYS and everything older, and their union. The older part
 * is read only when the recent one holds fewer than `depth` (an uncorrelated
 * subquery, which Postgres evaluates once, before the scan, skipping the
 * scan when it is false).
 *
 * Postgres guesses how common a combination of words is from each word
 * alone. When it guesses high it walks the date index, checking article
 * after article, which is quick when the guess is right. In the recent part
 * a wrong guess costs at most that part's articles; over the older archive
 * it cost 2 s ("hà khẩu -du lịch": the words seldom meet, 92k articles
 * read). So the older part is ordered the one way no index serves (DESC
 * NULLS FIRST; published_at is never null here) and, without the walk, the
 * planner takes the GIN index, which names only the matching articles.
 */
function newestMatches(name: string, match: () => SQL, depth: number, now: Date) {
  // A string: postgres.js cannot bind a bare Date inside a raw sql`` fragment.
  const since = new Date(now.getTime() - SEARCH_RECENT_DAYS * 86_400_000).toISOString();
  const recent = sql.identifier(`${name}_recent`);
  const older = sql.identifier(`${name}_older`);
  const limit = sql.raw(String(depth));
  const newest = (range: SQL, extra: SQL, nulls: SQL) => sql`
    SELECT articles.id FROM articles
    WHERE ${isPubliclyVisible(now)} AND ${range} AND ${match()} ${extra}
    ORDER BY articles.published_at DESC ${nulls}, articles.id DESC LIMIT ${limit}`;
  return {
    ctes: [
      sql`${recent} AS (${newest(sql`articles.published_at > ${since}::timestamptz`, sql``, sql`NULLS LAST`)})`,
      sql`${older} AS (${newest(sql`articles.published_at <= ${since}::timestamptz`, sql`AND (SELECT count(*) FROM ${recent}) < ${limit}`, sql`NULLS FIRST`)})`,
    ],
    union: sql`SELECT id FROM ${recent} UNION ALL SELECT id FROM ${older}`,
  };
}

/**
 * Runs the search with sequential scans off, for the same reason as the
 * ordering of the older part (newestMatches): when the guess is high, the
 * planner would rather read the whole table, each article's text with it,
 * than the GIN index. Parallel workers off too: the older part looks costly
 * enough to the planner for a parallel plan, whose workers start (~40 ms)
 * even when the part is not read. The settings end with the transaction
 * (with the caller's, when handed one).
 */
function withSearchPlanSettings<T>(conn: Executor, run: (tx: Executor) => Promise<T>): Promise<T> {
  return conn.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return run(tx);
  });
}
