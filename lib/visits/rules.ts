import { env, type Env } from '../env';
import type { RateLimit } from '../rate-limit';

/** A visit ends after this much idle time (Matomo's and GA's convention). */
export const VISIT_IDLE_MS = 30 * 60_000;
/** "Đang online": distinct visitors seen within this window. */
export const ONLINE_WINDOW_MS = 5 * 60_000;
/** Presence rows idle longer than this can go: the next hit starts a new visit either way. */
export const PRESENCE_KEEP_MS = 2 * 60 * 60_000;
/** Raw events are kept this many days by default (VISIT_RETENTION_DAYS, lib/env.ts); daily aggregates are kept for ever. */
export const DEFAULT_RETENTION_DAYS = 90;
/**
 * The rollup recomputes today and yesterday from raw events, so at least two
 * days must stay; a shorter setting would zero yesterday's totals.
 */
export const MIN_RETENTION_DAYS = 3;

/**
 * Pageviews counted per client address (an IPv6 address by its /64) per
 * fixed minute; beacons beyond it are answered 429 and not counted. The POST
 * beacon and the <noscript> pixel share the budget.
 */
export const VISIT_RATE_LIMIT: RateLimit = { limit: 60, windowMs: 60_000 };
/**
 * "Lượt xem" and "Đọc nhiều": a visitor's pageview of an article counts as a
 * view only when the same visitor's previous pageview of that article (counted
 * or not) was more than this long before, so reloading does not add views.
 */
export const ARTICLE_VIEW_REPEAT_MS = 30 * 60_000;
/**
 * A referring host is listed (referrer_daily, /admin/thong-ke) for a local
 * day only once visits from it came from at least this many distinct visitors
 * (address + browser) that day: one reader's browser cannot put a site in the
 * list by itself. A visitor is not an address, so a script varying its
 * User-Agent from one address still counts as several.
 */
export const REFERRER_MIN_VISITORS = 3;

/** A hit starts a new visit when the visitor was never seen or was idle more than 30 minutes. */
export function isNewVisit(lastSeen: Date | null, now: Date): boolean {
  if (!lastSeen) return true;
  return now.getTime() - lastSeen.getTime() > VISIT_IDLE_MS;
}

/** Whether a visitor's pageview of an article at `now` is a new view, given their previous pageview of it. */
export function isNewArticleView(previous: Date | null, now: Date): boolean {
  if (!previous) return true;
  return now.getTime() - previous.getTime() > ARTICLE_VIEW_REPEAT_MS;
}

/** VISIT_RETENTION_DAYS in whole days; a shorter setting is raised to MIN_RETENTION_DAYS, as documented in .env.example. */
export function retentionDaysFromEnv(config: Pick<Env, 'VISIT_RETENTION_DAYS'> = env()): number {
  return Math.max(MIN_RETENTION_DAYS, Math.floor(config.VISIT_RETENTION_DAYS));
}
