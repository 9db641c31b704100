import { sql } from 'drizzle-orm';
import { addDays, localDay, startOfLocalWeek } from '../../lib/time';
import { newSalt } from '../../lib/visits/identity';
import {
  ARTICLE_VIEW_REPEAT_MS,
  DEFAULT_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  ONLINE_WINDOW_MS,
  PRESENCE_KEEP_MS,
  REFERRER_MIN_VISITORS,
  VISIT_IDLE_MS,
} from '../../lib/visits/rules';
import type { Database, Executor } from '../client';
import { rows } from '../rows';
import { isPubliclyVisible } from './public-filter';

// No `server-only` here: the rollup timer imports this module from
// instrumentation (server/startup.ts), outside the React server graph.


// ---------------------------------------------------------------- daily salt
const saltCache = new WeakMap<object, Map<string, string>>();

/**
 * The salt of a local day. Created with INSERT … ON CONFLICT DO NOTHING and
 * read back, so two app instances racing at midnight end up with the same one.
 */
export async function getDailySalt(db: Executor, day: string): Promise<string> {
  let perDb = saltCache.get(db);
  if (!perDb) saltCache.set(db, (perDb = new Map()));
  const cached = perDb.get(day);
  if (cached) return cached;
  await db.execute(sql`INSERT INTO visit_salts (day, salt) VALUES (${day}::date, ${newSalt()}) ON CONFLICT (day) DO NOTHING`);
  const [row] = await rows<{ salt: string }>(db, sql`SELECT salt FROM visit_salts WHERE day = ${day}::date`);
  if (!row) throw new Error(`visit salt for ${day} is missing`);
  perDb.clear(); // one day at a time: yesterday's salt is never needed again
  perDb.set(day, row.salt);
  return row.salt;
}

// ---------------------------------------------------------------- write path
const IDLE_INTERVAL = sql.raw(`interval '${VISIT_IDLE_MS / 1000} seconds'`);

export type PageviewInput = {
  eventId: string;
  visitorHash: Buffer;
  path: string;
  articleSlug: string | null;
  referrerHost: string | null;
  now: Date;
  /** The client's fixed-window counter in rate_limit_counters (a hashed key, never an address). */
  rateLimit: { key: string; windowStart: Date; limit: number };
};

export type PageviewOutcome = {
  /** This call stored the event (false for a retried event id, or when over the limit). */
  logged: boolean;
  /** The event id was already stored: a retry, answered as accepted. */
  duplicate: boolean;
  /** The client's count in this window, this beacon included. */
  hits: number;
  /** Over the limit and not a retry: nothing was stored or updated but the counter. */
  limited: boolean;
};

/** Logs one pageview: recordPageviews with a batch of one. */
export async function recordPageview(db: Executor, input: PageviewInput): Promise<PageviewOutcome> {
  const [outcome] = await recordPageviews(db, [input]);
  return outcome!;
}

type BatchRow = { i: number; hits: number; duplicate: boolean; logged: boolean };

/**
 * Logs a batch of pageviews in a single statement (one round trip, atomic,
 * committed when it returns), each with the outcome it would have had alone,
 * in order. Every beacon counts against its client's rate-limit window
 * (rate_limit_counters, the same counter as server/http/rate-limit.ts: every
 * beacon counts, so hammering does not reopen the window; the n-th beacon of
 * a key in the batch is its window's count before plus n). Only beacons
 * within the limit whose event id is new upsert their visitor's presence row
 * — a new visit when idle more than 30 minutes, the visitor's first beacon of
 * the batch then starting it — and append the event. No shared counter row is
 * touched, and the upserts take their rows in key order, so two batches (of
 * two instances) never deadlock on each other.
 *
 * An event id given twice in one batch is logged once; the later copies are
 * answered as retries.
 */
export async function recordPageviews(db: Executor, inputs: readonly PageviewInput[]): Promise<PageviewOutcome[]> {
  if (inputs.length === 0) return [];
  const firstOf = new Map<string, number>();
  const unique: { i: number; input: PageviewInput }[] = [];
  inputs.forEach((input, i) => {
    if (firstOf.has(input.eventId)) return;
    firstOf.set(input.eventId, i);
    unique.push({ i, input });
  });
  const latest = new Date(Math.max(...inputs.map((input) => input.now.getTime())));
  const batch = JSON.stringify(
    unique.map(({ i, input }) => ({
      i,
      event_id: input.eventId,
      occurred_at: input.now.toISOString(),
      day: localDay(input.now),
      visitor_hash: input.visitorHash.toString('hex'),
      path: input.path,
      article_slug: input.articleSlug,
      referrer_host: input.referrerHost,
      rl_key: input.rateLimit.key,
      rl_window: input.rateLimit.windowStart.toISOString(),
      rl_limit: input.rateLimit.limit,
    })),
  );
  const result = await rows<BatchRow>(
    db,
    sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${batch}::jsonb) AS t(
        i int, event_id text, occurred_at timestamptz, day date, visitor_hash text, path text,
        article_slug text, referrer_host text, rl_key text, rl_window timestamptz, rl_limit int)
    ), per_key AS (
      SELECT rl_key, rl_window, count(*)::int AS n FROM input GROUP BY rl_key, rl_window
    ), hits AS (
      INSERT INTO rate_limit_counters AS c (key, window_start, count)
      SELECT rl_key, rl_window, n FROM per_key ORDER BY rl_key, rl_window
      ON CONFLICT (key, window_start) DO UPDATE SET count = c.count + EXCLUDED.count
      RETURNING c.key, c.window_start, c.count
    ), ranked AS (
      SELECT input.*,
        (hits.count - per_key.n + row_number() OVER (PARTITION BY input.rl_key, input.rl_window ORDER BY input.i))::int AS hit,
        EXISTS (SELECT 1 FROM visit_events e WHERE e.event_id = input.event_id) AS duplicate
      FROM input
      JOIN per_key ON per_key.rl_key = input.rl_key AND per_key.rl_window = input.rl_window
      JOIN hits ON hits.key = input.rl_key AND hits.window_start = input.rl_window
    ), admitted AS (
      SELECT ranked.*, row_number() OVER (PARTITION BY visitor_hash ORDER BY occurred_at, i) AS nth
      FROM ranked WHERE NOT duplicate AND hit <= rl_limit
    ), presence AS (
      INSERT INTO visitor_presence AS p (visitor_hash, last_seen, visit_started_at)
      SELECT decode(visitor_hash, 'hex'), max(occurred_at), min(occurred_at) FROM admitted
      GROUP BY visitor_hash ORDER BY visitor_hash
      ON CONFLICT (visitor_hash) DO UPDATE SET
        visit_started_at = CASE
          WHEN EXCLUDED.visit_started_at - p.last_seen > ${IDLE_INTERVAL} THEN EXCLUDED.visit_started_at
          ELSE p.visit_started_at END,
        last_seen = GREATEST(p.last_seen, EXCLUDED.last_seen)
      RETURNING encode(p.visitor_hash, 'hex') AS visitor_hash, p.visit_started_at
    ), logged AS (
      INSERT INTO visit_events (event_id, occurred_at, day, visitor_hash, new_visit, path, article_id, referrer_host)
      SELECT a.event_id, a.occurred_at, a.day, decode(a.visitor_hash, 'hex'),
        a.nth = 1 AND presence.visit_started_at = a.occurred_at, a.path,
        (SELECT articles.id FROM articles WHERE articles.slug = a.article_slug AND ${isPubliclyVisible(latest)}),
        a.referrer_host
      FROM admitted a JOIN presence ON presence.visitor_hash = a.visitor_hash
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id
    )
    SELECT r.i, r.hit AS hits, r.duplicate, EXISTS (SELECT 1 FROM logged l WHERE l.event_id = r.event_id) AS logged
    FROM ranked r`,
  );
  const byIndex = new Map(result.map((row) => [Number(row.i), row]));
  return inputs.map((input, i) => {
    const first = firstOf.get(input.eventId)!;
    const row = byIndex.get(first);
    const hits = Number(row?.hits ?? 0);
    if (first !== i) return { logged: false, duplicate: true, hits, limited: false };
    const duplicate = row?.duplicate === true;
    return { logged: row?.logged === true, duplicate, hits, limited: !duplicate && hits > input.rateLimit.limit };
  });
}

// ---------------------------------------------------------------- rollup
/** Any constant works; it only has to be the same in every app instance. */
const ROLLUP_LOCK_KEY = 7_305_000_301;
/** The rollup's own statement timeout (ms), above the server pool's. */
const ROLLUP_STATEMENT_TIMEOUT_MS = 60_000;

export type VisitSnapshot = { online: number; today: number; week: number; total: number; computedAt: Date | null };
export type RollupResult = { ran: false } | { ran: true; days: string[]; snapshot: VisitSnapshot; prunedEvents: number };
export type RollupOptions = { now?: Date; retentionDays?: number };

const REPEAT_VIEW_INTERVAL = sql.raw(`interval '${ARTICLE_VIEW_REPEAT_MS / 1000} seconds'`);

async function recomputeDay(tx: Executor, day: string, now: Date): Promise<void> {
  await tx.execute(sql`
    INSERT INTO visit_daily (day, visits, pageviews, visitors, updated_at)
    SELECT ${day}::date,
      count(*) FILTER (WHERE new_visit)::int,
      count(*)::int,
      count(DISTINCT visitor_hash)::int,
      ${now.toISOString()}::timestamptz
    FROM visit_events WHERE day = ${day}::date
    ON CONFLICT (day) DO UPDATE SET
      visits = EXCLUDED.visits, pageviews = EXCLUDED.pageviews, visitors = EXCLUDED.visitors, updated_at = EXCLUDED.updated_at`);
  // A view of an article: the visitor's first pageview of it that day, or one more than
  // 30 minutes after their previous pageview of it (ARTICLE_VIEW_REPEAT_MS). The visitor
  // hash changes with the daily salt, so a day is the whole partition.
  await tx.execute(sql`DELETE FROM article_views_daily WHERE day = ${day}::date`);
  await tx.execute(sql`
    INSERT INTO article_views_daily (day, article_id, views)
    SELECT ${day}::date, article_id, count(*)::int FROM (
      SELECT article_id, occurred_at,
        lag(occurred_at) OVER (PARTITION BY visitor_hash, article_id ORDER BY occurred_at) AS previous
      FROM visit_events WHERE day = ${day}::date AND article_id IS NOT NULL
    ) e
    WHERE previous IS NULL OR occurred_at - previous > ${REPEAT_VIEW_INTERVAL}
    GROUP BY article_id`);
  // A referrer brings visits, so only the first pageview of a visit counts for it, and a
  // host is listed only once that many distinct visitors came from it that day.
  await tx.execute(sql`DELETE FROM referrer_daily WHERE day = ${day}::date`);
  await tx.execute(sql`
    INSERT INTO referrer_daily (day, host, visits)
    SELECT ${day}::date, referrer_host, count(*)::int FROM visit_events
    WHERE day = ${day}::date AND new_visit AND referrer_host IS NOT NULL GROUP BY referrer_host
    HAVING count(DISTINCT visitor_hash) >= ${REFERRER_MIN_VISITORS}::int`);
}

async function readBaseline(tx: Executor): Promise<number> {
  const [row] = await rows<{ baseline: unknown }>(tx, sql`SELECT value->'statsBaseline' AS baseline FROM site_settings WHERE key = 'site'`);
  const value = Number(row?.baseline ?? 0);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * The days whose aggregates may be out of date: today, yesterday (late
 * commits just after midnight) and every day since the last rollup, in case
 * the server was down across midnight.
 */
async function daysToRecompute(tx: Executor, today: string, oldestKept: string): Promise<string[]> {
  const [last] = await rows<{ day: string | null; first_event: string | null }>(
    tx,
    sql`SELECT (SELECT max(day)::text FROM visit_daily) AS day, (SELECT min(day)::text FROM visit_events) AS first_event`,
  );
  let from = addDays(today, -1);
  const since = last?.day ?? last?.first_event ?? from;
  if (since < from) from = since;
  if (from < oldestKept) from = oldestKept;
  const days: string[] = [];
  for (let day = from; day <= today; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The single writer of every aggregate. Whoever takes the advisory lock
 * recomputes the recent days from raw events (idempotent, so late commits are
 * picked up on the next run), refreshes articles.view_count, rewrites the
 * widget's snapshot row and prunes old raw events. Other instances skip.
 */
export async function runVisitRollup(db: Database, options: RollupOptions = {}): Promise<RollupResult> {
  const now = options.now ?? new Date();
  const retentionDays = Math.max(MIN_RETENTION_DAYS, options.retentionDays ?? DEFAULT_RETENTION_DAYS);
  const today = localDay(now);
  const oldestKept = addDays(today, -(retentionDays - 1));

  return db.transaction(async (tx) => {
    // A transaction-level lock: released at commit on the same pooled connection.
    const [lock] = await rows<{ locked: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK_KEY}) AS locked`);
    if (!lock?.locked) return { ran: false } as const;
    // Recomputing a busy day from millions of raw events may take longer than a request is allowed
    // (DATABASE_STATEMENT_TIMEOUT_MS on the server's pool): this transaction gets a minute.
    await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${ROLLUP_STATEMENT_TIMEOUT_MS}`));

    const days = await daysToRecompute(tx, today, oldestKept);
    for (const day of days) await recomputeDay(tx, day, now);

    await tx.execute(sql`
      UPDATE articles a SET view_count = s.views
      FROM (
        SELECT article_id, sum(views)::bigint AS views FROM article_views_daily
        WHERE article_id IN (SELECT article_id FROM article_views_daily WHERE day >= ${days[0]}::date)
        GROUP BY article_id
      ) s
      WHERE a.id = s.article_id AND a.view_count IS DISTINCT FROM s.views`);

    const weekStart = localDay(startOfLocalWeek(now));
    const onlineSince = new Date(now.getTime() - ONLINE_WINDOW_MS).toISOString();
    const baseline = await readBaseline(tx);
    const [figures] = await rows<{ online: number; today: number; week: number; total: number }>(
      tx,
      sql`SELECT
        (SELECT count(*)::int FROM visitor_presence WHERE last_seen > ${onlineSince}::timestamptz AND last_seen <= ${now.toISOString()}::timestamptz) AS online,
        (SELECT coalesce(sum(visits), 0)::bigint FROM visit_daily WHERE day = ${today}::date) AS today,
        (SELECT coalesce(sum(visits), 0)::bigint FROM visit_daily WHERE day >= ${weekStart}::date AND day <= ${today}::date) AS week,
        (SELECT coalesce(sum(visits), 0)::bigint FROM visit_daily WHERE day <= ${today}::date) AS total`,
    );
    const snapshot: VisitSnapshot = {
      online: Number(figures?.online ?? 0),
      today: Number(figures?.today ?? 0),
      week: Number(figures?.week ?? 0),
      total: Number(figures?.total ?? 0) + baseline,
      computedAt: now,
    };
    await tx.execute(sql`
      INSERT INTO visit_snapshot (id, online, today, week, total, computed_at)
      VALUES (1, ${snapshot.online}, ${snapshot.today}, ${snapshot.week}, ${snapshot.total}, ${now.toISOString()}::timestamptz)
      ON CONFLICT (id) DO UPDATE SET online = EXCLUDED.online, today = EXCLUDED.today, week = EXCLUDED.week,
        total = EXCLUDED.total, computed_at = EXCLUDED.computed_at`);

    // Retention: raw events go by whole days; the daily rows above stay.
    const pruned = await rows<{ n: number }>(
      tx,
      sql`WITH gone AS (DELETE FROM visit_events WHERE day < ${oldestKept}::date RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    );
    const presenceCutoff = new Date(now.getTime() - PRESENCE_KEEP_MS).toISOString();
    await tx.execute(sql`DELETE FROM visitor_presence WHERE last_seen < ${presenceCutoff}::timestamptz`);
    await tx.execute(sql`DELETE FROM visit_salts WHERE day < ${addDays(today, -1)}::date`);

    return { ran: true, days, snapshot, prunedEvents: Number(pruned[0]?.n ?? 0) } as const;
  });
}

// ---------------------------------------------------------------- read path
/**
 * The widget's figures: one primary-key row. If the snapshot was computed on
 * an earlier day or week than `now` (the rollup has not run since midnight),
 * the figures that started over are shown as 0 rather than yesterday's.
 */
export async function getVisitSnapshot(db: Executor, now: Date = new Date()): Promise<VisitSnapshot> {
  const [row] = await rows<{ online: number; today: string | number; week: string | number; total: string | number; computed_at: string | Date }>(
    db,
    sql`SELECT online, today, week, total, computed_at FROM visit_snapshot WHERE id = 1`,
  );
  if (!row) return { online: 0, today: 0, week: 0, total: 0, computedAt: null };
  const computedAt = new Date(row.computed_at);
  const sameDay = localDay(computedAt) === localDay(now);
  const sameWeek = startOfLocalWeek(computedAt).getTime() === startOfLocalWeek(now).getTime();
  const stale = now.getTime() - computedAt.getTime() > ONLINE_WINDOW_MS;
  return {
    online: stale ? 0 : Number(row.online),
    today: sameDay ? Number(row.today) : 0,
    week: sameWeek ? Number(row.week) : 0,
    total: Number(row.total),
    computedAt,
  };
}
