import 'server-only';
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { addDays, localDay } from '../../lib/time';
import { ONLINE_WINDOW_MS } from '../../lib/visits/rules';
import type { Executor } from '../client';
import { getDb } from '../index';
import { articles, articleViewsDaily, categories, referrerDaily, users, visitDaily, visitorPresence } from '../schema';
import { articleListColumns, type ArticleListItem } from './articles';
import { isPubliclyVisible } from './public-filter';

// Reads for "Đọc nhiều" and /admin/thong-ke. All come from the daily
// aggregates (a handful of rows per day), never from the raw event log.

export type DailyStat = { day: string; visits: number; pageviews: number; visitors: number };

/** Visits and pageviews per local day, oldest first, with empty days filled in. */
export async function getDailyVisitSeries(days: number, now = new Date(), db?: Executor): Promise<DailyStat[]> {
  const conn = db ?? (await getDb());
  const today = localDay(now);
  const from = addDays(today, -(days - 1));
  const found = await conn
    .select({ day: visitDaily.day, visits: visitDaily.visits, pageviews: visitDaily.pageviews, visitors: visitDaily.visitors })
    .from(visitDaily)
    .where(and(gte(visitDaily.day, from), lte(visitDaily.day, today)));
  const byDay = new Map(found.map((r) => [String(r.day), r]));
  const series: DailyStat[] = [];
  for (let day = from; day <= today; day = addDays(day, 1)) {
    const r = byDay.get(day);
    series.push({ day, visits: Number(r?.visits ?? 0), pageviews: Number(r?.pageviews ?? 0), visitors: Number(r?.visitors ?? 0) });
  }
  return series;
}

export type TopArticle = { id: number; title: string; slug: string; views: number };

/**
 * Most viewed articles between two local days (inclusive). A view is counted
 * at most once per visitor per article per 30 minutes (the rollup,
 * db/queries/visits.ts), so reloading a page does not move it up.
 */
export async function getTopArticles(fromDay: string, toDay: string, limit = 10, db?: Executor): Promise<TopArticle[]> {
  const conn = db ?? (await getDb());
  const views = sql<number>`sum(${articleViewsDaily.views})::int`;
  const result = await conn
    .select({ id: articles.id, title: articles.title, slug: articles.slug, views })
    .from(articleViewsDaily)
    .innerJoin(articles, eq(articles.id, articleViewsDaily.articleId))
    .where(and(gte(articleViewsDaily.day, fromDay), lte(articleViewsDaily.day, toDay)))
    .groupBy(articles.id)
    .orderBy(desc(views), desc(articles.id))
    .limit(limit);
  return result.map((r) => ({ ...r, views: Number(r.views) }));
}

export type TopReferrer = { host: string; visits: number };

/**
 * Referring hosts by visits brought. The rollup writes a host's row for a day
 * only when at least REFERRER_MIN_VISITORS distinct visitors came from it that
 * day, so one client sending made-up referrers never shows here.
 */
export async function getTopReferrers(fromDay: string, toDay: string, limit = 10, db?: Executor): Promise<TopReferrer[]> {
  const conn = db ?? (await getDb());
  const visits = sql<number>`sum(${referrerDaily.visits})::int`;
  const result = await conn
    .select({ host: referrerDaily.host, visits })
    .from(referrerDaily)
    .where(and(gte(referrerDaily.day, fromDay), lte(referrerDaily.day, toDay)))
    .groupBy(referrerDaily.host)
    .orderBy(desc(visits), referrerDaily.host)
    .limit(limit);
  return result.map((r) => ({ ...r, visits: Number(r.visits) }));
}

/** Distinct visitors seen in the last five minutes, counted live (an index range on last_seen). */
export async function countOnlineVisitors(now = new Date(), db?: Executor): Promise<number> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ n: sql<number>`count(*)::int` })
    .from(visitorPresence)
    .where(and(gte(visitorPresence.lastSeen, new Date(now.getTime() - ONLINE_WINDOW_MS)), lte(visitorPresence.lastSeen, now)));
  return Number(row?.n ?? 0);
}

/** "Đọc nhiều": published articles with the most views over the last `days` local days. */
export async function getMostReadArticles(limit = 5, days = 7, now = new Date(), db?: Executor): Promise<(ArticleListItem & { recentViews: number })[]> {
  const conn = db ?? (await getDb());
  const today = localDay(now);
  const recent = conn
    .select({ articleId: articleViewsDaily.articleId, views: sql<number>`sum(${articleViewsDaily.views})`.as('views') })
    .from(articleViewsDaily)
    .where(gte(articleViewsDaily.day, addDays(today, -(days - 1))))
    .groupBy(articleViewsDaily.articleId)
    .as('recent');
  const result = await conn
    .select({
      ...articleListColumns,
      recentViews: sql<number>`${recent.views}::int`,
    })
    .from(recent)
    .innerJoin(articles, eq(articles.id, recent.articleId))
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(categories, eq(categories.id, articles.categoryId))
    .where(isPubliclyVisible(now))
    .orderBy(desc(recent.views), desc(articles.publishedAt))
    .limit(limit);
  return result.map((r) => ({ ...r, recentViews: Number(r.recentViews), viewCount: Number(r.viewCount) }));
}
