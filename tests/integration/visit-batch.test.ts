import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { recordPageview, recordPageviews, type PageviewInput } from '@/db/queries/visits';
import { articles } from '@/db/schema';
import { seedDemoContent } from '@/db/seed';
import { recordPageviewInBatch } from '@/server/visits/pageview-batcher';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

// Beacons written together (group commit, server/visits/pageview-batcher.ts) must
// each get the outcome they would have had alone: the batch statement is checked
// here against the single-beacon rules of tests/integration/visits.test.ts and
// visit-abuse.test.ts.

const at = (iso: string) => new Date(iso);
const LIMIT = 60;
const WINDOW = at('2026-03-02T03:00:00Z');

let serial = 0;
function pageview(overrides: Partial<PageviewInput> & { visitor?: string; client?: string } = {}): PageviewInput {
  const visitor = overrides.visitor ?? `visitor-${++serial}`;
  return {
    eventId: overrides.eventId ?? crypto.randomUUID(),
    visitorHash: createHash('sha256').update(visitor).digest(),
    path: overrides.path ?? '/',
    articleSlug: overrides.articleSlug ?? null,
    referrerHost: overrides.referrerHost ?? null,
    now: overrides.now ?? at('2026-03-02T03:00:10Z'),
    rateLimit: overrides.rateLimit ?? { key: `client:${overrides.client ?? visitor}`, windowStart: WINDOW, limit: LIMIT },
  };
}

type Rows<T> = T[] | { rows: T[] };
async function query<T>(handle: DatabaseHandle, q: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await handle.db.execute(q)) as unknown as Rows<T>;
  return Array.isArray(result) ? result : result.rows;
}
async function eventsOf(handle: DatabaseHandle, visitorHash: Buffer) {
  return query<{ event_id: string; new_visit: boolean; article_id: number | null }>(
    handle,
    sql`SELECT event_id, new_visit, article_id FROM visit_events WHERE visitor_hash = decode(${visitorHash.toString('hex')}, 'hex') ORDER BY occurred_at, event_id`,
  );
}

describeDb(`visit batches on ${testDriver}`, () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoContent(handle.db, at('2026-01-01T00:00:00Z'));
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('gives one visitor\'s beacons in one batch one visit, with the first starting it, and resolves each article', async () => {
    const [article] = await handle.db.select({ id: articles.id, slug: articles.slug }).from(articles).orderBy(articles.id).limit(1);
    const first = pageview({ visitor: 'same-reader', now: at('2026-03-02T03:00:01Z') });
    const second = pageview({ visitor: 'same-reader', now: at('2026-03-02T03:00:02Z'), path: `/bai-viet/${article!.slug}`, articleSlug: article!.slug });
    const outcomes = await recordPageviews(handle.db, [second, first]);
    expect(outcomes.map((o) => o.logged)).toEqual([true, true]);
    const events = await eventsOf(handle, first.visitorHash);
    expect(events.map((e) => [e.event_id, e.new_visit, e.article_id])).toEqual([
      [first.eventId, true, null],
      [second.eventId, false, article!.id],
    ]);

    // 31 idle minutes later, in another batch: a second visit.
    const back = pageview({ visitor: 'same-reader', now: at('2026-03-02T03:31:03Z'), rateLimit: { key: 'client:same-reader', windowStart: at('2026-03-02T03:31:00Z'), limit: LIMIT } });
    const [outcome] = await recordPageviews(handle.db, [back, pageview()]);
    expect(outcome!.logged).toBe(true);
    expect((await eventsOf(handle, first.visitorHash)).map((e) => e.new_visit)).toEqual([true, false, true]);
  });

  it('refuses every beacon of one client past the limit within a single batch, and only those', async () => {
    const batch = Array.from({ length: LIMIT + 5 }, (_, n) => pageview({ visitor: `flood-${n}`, client: 'flooding-address' }));
    const outcomes = await recordPageviews(handle.db, batch);
    expect(outcomes.filter((o) => o.logged)).toHaveLength(LIMIT);
    expect(outcomes.map((o) => o.limited)).toEqual([...Array(LIMIT).fill(false), ...Array(5).fill(true)]);
    expect(outcomes.map((o) => o.hits)).toEqual(batch.map((_, n) => n + 1));

    // The window's count carries over to the next batch.
    const [next] = await recordPageviews(handle.db, [pageview({ client: 'flooding-address' })]);
    expect(next).toMatchObject({ logged: false, limited: true, hits: LIMIT + 6 });
  });

  it('logs an event id given twice in one batch once, and answers a stored one as a retry', async () => {
    const once = pageview({ visitor: 'retrying-reader' });
    const outcomes = await recordPageviews(handle.db, [once, { ...once }, pageview()]);
    expect(outcomes.map((o) => [o.logged, o.duplicate])).toEqual([
      [true, false],
      [false, true],
      [true, false],
    ]);
    const [again] = await recordPageviews(handle.db, [{ ...once, now: at('2026-03-02T03:00:20Z') }]);
    expect(again).toMatchObject({ logged: false, duplicate: true, limited: false });
    expect(await eventsOf(handle, once.visitorHash)).toHaveLength(1);
  });

  it('writes concurrent beacons together and answers each as if alone', async () => {
    const before = Number((await query<{ n: number }>(handle, sql`SELECT count(*)::int AS n FROM visit_events`))[0]!.n);
    const inputs = Array.from({ length: 300 }, (_, n) =>
      pageview({ visitor: `crowd-${n % 150}`, client: `crowd-address-${n % 5}`, now: new Date(at('2026-03-02T03:01:00Z').getTime() + n) }),
    );
    const outcomes = await Promise.all(inputs.map((input) => recordPageviewInBatch(handle.db, input)));
    // 5 addresses of 60 beacons each: exactly at the limit, none refused.
    expect(outcomes.every((o) => o.logged && !o.limited)).toBe(true);
    const after = Number((await query<{ n: number }>(handle, sql`SELECT count(*)::int AS n FROM visit_events`))[0]!.n);
    expect(after - before).toBe(300);
    // Two beacons per visitor, one visit each.
    const visits = await query<{ n: number }>(
      handle,
      sql`SELECT count(*)::int AS n FROM visit_events WHERE new_visit AND path = '/' AND event_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(inputs.map((i) => i.eventId))}::jsonb))`,
    );
    expect(Number(visits[0]!.n)).toBe(150);
  });

  it('fails only the beacon that cannot be stored when it shares a batch with others', async () => {
    // A NUL character cannot be stored in Postgres text, so the whole statement fails;
    // the batcher then writes each alone.
    const broken = pageview({ path: '/a\u0000b' });
    const good = [pageview(), pageview(), pageview()];
    const results = await Promise.allSettled([good[0]!, broken, good[1]!, good[2]!].map((input) => recordPageviewInBatch(handle.db, input)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    for (const input of good) expect(await eventsOf(handle, input.visitorHash)).toHaveLength(1);
    expect(await eventsOf(handle, broken.visitorHash)).toHaveLength(0);
  });

  it('never deadlocks two batches that take the same rows in opposite orders', async () => {
    const visitors = Array.from({ length: 40 }, (_, n) => `shared-${n}`);
    const forward = () => visitors.map((visitor) => pageview({ visitor, client: visitor, now: at('2026-03-02T03:05:00Z') }));
    const backward = () => [...visitors].reverse().map((visitor) => pageview({ visitor, client: visitor, now: at('2026-03-02T03:05:00Z') }));
    for (let round = 0; round < 10; round++) {
      const [a, b] = await Promise.all([recordPageviews(handle.db, forward()), recordPageviews(handle.db, backward())]);
      expect([...a, ...b].every((o) => o.logged)).toBe(true);
    }
    // 10 rounds of two batches, each with one beacon of this client, then this one.
    const single = await recordPageview(handle.db, pageview({ visitor: 'shared-0', client: 'shared-0' }));
    expect(single.hits).toBe(2 * 10 + 1);
  });
});
