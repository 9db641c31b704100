import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { defaultSiteSettings } from '@/lib/validation/settings';
import { saveSiteSettings } from '@/server/settings/save-site-settings';
import { getDailyVisitSeries, getMostReadArticles, getTopArticles, getTopReferrers } from '@/db/queries/stats';
import { getVisitSnapshot, runVisitRollup } from '@/db/queries/visits';
import { articles } from '@/db/schema';
import { PEER_HEADER } from '@/lib/http/client-ip';
import { seedDemoContent } from '@/db/seed';
import { handleVisitBeacon } from '@/server/visits/handle-beacon';
import { loadCorpus } from '../support/corpus';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

// As through one reverse proxy (TRUSTED_PROXY_HOPS=1, the connection comes from the proxy):
// the X-Forwarded-For each request carries is the address the proxy saw, so the readers
// below are distinct.
process.env.TRUSTED_PROXY_HOPS = '1';
const PROXY = { [PEER_HEADER]: '10.0.0.254' };

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const at = (iso: string) => new Date(iso);
const minutes = (n: number) => n * 60_000;

type Beacon = {
  now: Date;
  ip?: string;
  ua?: string | null;
  path?: string;
  referrer?: string;
  eventId?: string;
  method?: string;
  headers?: Record<string, string>;
  rawBody?: string | Uint8Array<ArrayBuffer>;
};

function beaconRequest(b: Beacon): Request {
  // A browser's beacon from one of our pages carries Origin and Sec-Fetch-Site (see tests/integration/visit-abuse.test.ts).
  const headers = new Headers({
    'content-type': 'text/plain;charset=UTF-8',
    ...PROXY,
    'x-forwarded-for': b.ip ?? '203.0.113.7',
    origin: 'http://localhost:3000',
    'sec-fetch-site': 'same-origin',
    ...b.headers,
  });
  if (b.ua !== null) headers.set('user-agent', b.ua ?? CHROME);
  const method = b.method ?? 'POST';
  const body =
    method === 'HEAD' ? undefined : (b.rawBody ?? JSON.stringify({ path: b.path ?? '/', referrer: b.referrer, eventId: b.eventId ?? crypto.randomUUID() }));
  return new Request('http://localhost:3000/api/visits', { method, headers, body });
}

async function eventCount(handle: DatabaseHandle, day: string): Promise<number> {
  const result = (await handle.db.execute(sql`SELECT count(*)::int AS n FROM visit_events WHERE day = ${day}::date`)) as unknown as
    | { n: number }[]
    | { rows: { n: number }[] };
  const list = Array.isArray(result) ? result : result.rows;
  return Number(list[0]?.n ?? 0);
}

describeDb(`visit logging on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  const send = (b: Beacon) => handleVisitBeacon(beaconRequest(b), { db: handle.db, now: b.now });
  const dayFigures = async (day: string, now: Date) => {
    await runVisitRollup(handle.db, { now });
    const series = await getDailyVisitSeries(1, now, handle.db);
    expect(series[0]!.day).toBe(day);
    return series[0]!;
  };

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoContent(handle.db, at('2026-01-01T00:00:00Z'));
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('counts exactly N pageviews and N visits for N concurrent beacons from distinct visitors', async () => {
    const now = at('2026-03-02T03:00:00Z'); // Monday 10:00 local
    const N = 50;
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) => send({ now: new Date(now.getTime() + i), ip: `198.51.100.${i + 1}`, path: '/chuyen-muc/tin-tuc' })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(N).fill(202));
    const figures = await dayFigures('2026-03-02', new Date(now.getTime() + minutes(1)));
    expect(figures).toMatchObject({ pageviews: N, visits: N, visitors: N });
  });

  it('counts the same visitor twice within 30 minutes as one visit and two pageviews, and again after 31 idle minutes as a second visit', async () => {
    const t = at('2026-03-03T02:00:00Z');
    const visitor = { ip: '192.0.2.10', ua: `${CHROME} Edg/140.0.0.0` };
    expect((await send({ ...visitor, now: t })).status).toBe(202);
    expect((await send({ ...visitor, now: new Date(t.getTime() + minutes(10)), path: '/tim-kiem' })).status).toBe(202);
    expect(await dayFigures('2026-03-03', new Date(t.getTime() + minutes(11)))).toMatchObject({ visits: 1, pageviews: 2, visitors: 1 });

    // Exactly 30 idle minutes still continue the visit; 31 start a new one.
    expect((await send({ ...visitor, now: new Date(t.getTime() + minutes(40)) })).status).toBe(202);
    expect(await dayFigures('2026-03-03', new Date(t.getTime() + minutes(41)))).toMatchObject({ visits: 1, pageviews: 3 });
    expect((await send({ ...visitor, now: new Date(t.getTime() + minutes(71)) })).status).toBe(202);
    expect(await dayFigures('2026-03-03', new Date(t.getTime() + minutes(72)))).toMatchObject({ visits: 2, pageviews: 4, visitors: 1 });
  });

  it('counts a retried event id once, sequentially or concurrently', async () => {
    const now = at('2026-03-04T02:00:00Z');
    const eventId = crypto.randomUUID();
    const statuses = [
      (await send({ now, eventId })).status,
      ...(await Promise.all([1, 2, 3, 4].map((i) => send({ now: new Date(now.getTime() + i), eventId })))).map((r) => r.status),
    ];
    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    expect(await dayFigures('2026-03-04', new Date(now.getTime() + minutes(1)))).toMatchObject({ visits: 1, pageviews: 1 });
  });

  it('answers bots, prefetches, HEAD and staff previews with 204 and counts none of them', async () => {
    const now = at('2026-03-05T02:00:00Z');
    const cases: Beacon[] = [
      { now, ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      { now, ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36' },
      { now, ua: 'curl/8.5.0' },
      { now, ua: 'python-requests/2.32.3' },
      { now, ua: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' },
      { now, ua: null },
      { now, ua: '   ' },
      { now, headers: { 'sec-purpose': 'prefetch' } },
      { now, headers: { 'sec-purpose': 'prefetch;prerender' } },
      { now, headers: { purpose: 'prefetch' } },
      { now, method: 'HEAD' },
      { now, headers: { cookie: 'theme=dark; authjs.session-token=abc' } },
      { now, headers: { cookie: '__Secure-authjs.session-token=abc' } },
      { now, headers: { cookie: '__Secure-authjs.session-token.0=abc; __Secure-authjs.session-token.1=def' } },
      { now, headers: { cookie: '__prerender_bypass=1' } },
    ];
    for (const c of cases) {
      const response = await send(c);
      expect(response.status, JSON.stringify(c)).toBe(204);
    }
    expect(await eventCount(handle, '2026-03-05')).toBe(0);
    expect(await dayFigures('2026-03-05', new Date(now.getTime() + minutes(1)))).toMatchObject({ visits: 0, pageviews: 0 });
  });

  it('rejects every line of the bad-input corpus, as the body and as the path, with a 4xx and counts nothing', async () => {
    const now = at('2026-03-06T02:00:00Z');
    const corpus = loadCorpus('sqli-and-bad-input.txt');
    expect(corpus.length).toBeGreaterThan(100);
    for (const line of corpus) {
      const asBody = await send({ now, rawBody: line });
      expect(asBody.status, `body ${JSON.stringify(line).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(asBody.status, `body ${JSON.stringify(line).slice(0, 80)}`).toBeLessThan(500);
      const asPath = await send({ now, path: line });
      expect(asPath.status, `path ${JSON.stringify(line).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(asPath.status, `path ${JSON.stringify(line).slice(0, 80)}`).toBeLessThan(500);
      const asReferrer = await send({ now, referrer: line, path: '/', ip: '192.0.2.99' });
      expect(asReferrer.status, `referrer ${JSON.stringify(line).slice(0, 80)}`).toBeLessThan(500);
      const json = (await asPath.json()) as { code: string; message: string };
      expect(json.code).toMatch(/^(bad_request|validation_failed|payload_too_large)$/);
      expect(json.message.length).toBeGreaterThan(0);
    }
    // Referrers from the corpus that parse as URLs may be counted; nothing else was.
    const counted = await eventCount(handle, '2026-03-06');
    const withHosts = (await handle.db.execute(
      sql`SELECT count(*)::int AS n FROM visit_events WHERE day = '2026-03-06' AND path <> '/'`,
    )) as unknown as { n: number }[] | { rows: { n: number }[] };
    expect(Number((Array.isArray(withHosts) ? withHosts : withHosts.rows)[0]!.n)).toBe(0);
    expect(counted).toBeLessThan(corpus.length);
  });

  it('answers malformed, oversized and foreign beacons with a clear 4xx', async () => {
    const now = at('2026-03-07T02:00:00Z');
    const eventId = crypto.randomUUID();
    const big = JSON.stringify({ path: `/${'a'.repeat(3000)}`, eventId });
    const cases: [Beacon, number][] = [
      [{ now, rawBody: '{"path": "/", ' }, 400],
      [{ now, rawBody: '' }, 400],
      [{ now, rawBody: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, 400],
      [{ now, rawBody: big }, 413],
      [{ now, rawBody: big, headers: { 'content-length': '100' } }, 413],
      [{ now, rawBody: '{}', headers: { 'content-length': '999999' } }, 413],
      [{ now, rawBody: JSON.stringify({ path: 5, eventId }) }, 422],
      [{ now, rawBody: JSON.stringify({ path: '/', eventId: 'not-a-uuid' }) }, 422],
      [{ now, rawBody: JSON.stringify({ path: '/', eventId, referrer: ['x'] }) }, 422],
      [{ now, rawBody: JSON.stringify([{ path: '/', eventId }]) }, 422],
      [{ now, path: '/bai-viet/a\u0000b' }, 422],
      [{ now, path: 'https://evil.example/' }, 422],
      [{ now, path: '//evil.example/' }, 422],
      [{ now, path: '/admin' }, 422],
      [{ now, path: '/admin/thong-ke' }, 422],
      [{ now, path: '/API/visits' }, 422],
      [{ now, path: '/bai-viet/../admin' }, 422],
      [{ now, path: `/${'x'.repeat(600)}` }, 422],
      [{ now, path: '/tim-kiem?q=1' }, 422],
    ];
    for (const [c, status] of cases) {
      const response = await send(c);
      expect(response.status, JSON.stringify(c).slice(0, 120)).toBe(status);
      const body = (await response.json()) as { code: string; message: string };
      expect(body.message).toBeTruthy();
    }
    expect(await eventCount(handle, '2026-03-07')).toBe(0);
  });

  it('resolves article pages to their article, rolls views into "Lượt xem" and "Đọc nhiều", and records outside referrers', async () => {
    const now = at('2026-03-09T02:00:00Z');
    const [first, second] = await handle.db.select({ id: articles.id, slug: articles.slug }).from(articles).orderBy(articles.id).limit(2);
    const views = [first!, first!, first!, second!];
    for (const [i, a] of views.entries()) {
      const response = await send({ now, ip: `198.51.100.${200 + i}`, path: `/bai-viet/${a.slug}`, referrer: i === 0 ? 'https://www.google.com/search?q=lao+cai' : 'http://localhost:3000/' });
      expect(response.status).toBe(202);
    }
    // A referrer is listed once 3 distinct visitors came from it (REFERRER_MIN_VISITORS): two more from Google.
    for (const ip of ['198.51.100.210', '198.51.100.211']) {
      expect((await send({ now, ip, path: '/', referrer: 'https://www.google.com/' })).status).toBe(202);
    }
    // A path that merely looks like an article is counted as a pageview without an article.
    expect((await send({ now, path: '/bai-viet/khong-co-bai-nay' })).status).toBe(202);
    await runVisitRollup(handle.db, { now: new Date(now.getTime() + minutes(1)) });

    const [row] = await handle.db.select({ viewCount: articles.viewCount }).from(articles).where(sql`${articles.id} = ${first!.id}`);
    expect(row!.viewCount).toBe(3);
    expect(await getTopArticles('2026-03-09', '2026-03-09', 10, handle.db)).toEqual([
      { id: first!.id, title: expect.any(String), slug: first!.slug, views: 3 },
      { id: second!.id, title: expect.any(String), slug: second!.slug, views: 1 },
    ]);
    const mostRead = await getMostReadArticles(5, 7, now, handle.db);
    expect(mostRead.map((a) => [a.slug, a.recentViews])).toEqual([
      [first!.slug, 3],
      [second!.slug, 1],
    ]);
    expect(await getTopReferrers('2026-03-09', '2026-03-09', 10, handle.db)).toEqual([{ host: 'google.com', visits: 3 }]);

    // Idempotent: a second rollup changes nothing.
    await runVisitRollup(handle.db, { now: new Date(now.getTime() + minutes(2)) });
    const [again] = await handle.db.select({ viewCount: articles.viewCount }).from(articles).where(sql`${articles.id} = ${first!.id}`);
    expect(again!.viewCount).toBe(3);
  });
});

describeDb(`visit statistics widget on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  const BASELINE = 1_784_275;
  const send = (now: Date, ip: string) =>
    handleVisitBeacon(beaconRequest({ now, ip }), { db: handle.db, now });
  const rollup = (now: Date, retentionDays?: number) => runVisitRollup(handle.db, { now, retentionDays });

  beforeAll(async () => {
    handle = await createTestDatabase();
    await saveSiteSettings({ settings: { ...defaultSiteSettings, statsBaseline: BASELINE }, actorId: null }, handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('shows zeros plus the baseline before any visit', async () => {
    const result = await rollup(at('2026-03-14T05:00:00Z'));
    expect(result.ran).toBe(true);
    expect(await getVisitSnapshot(handle.db, at('2026-03-14T05:00:01Z'))).toMatchObject({ online: 0, today: 0, week: 0, total: BASELINE });
  });

  it('counts today, this week, all time and online correctly across a local midnight and a Monday', async () => {
    // Saturday 14 March 10:00 local: one visit.
    expect((await send(at('2026-03-14T03:00:00Z'), '10.0.0.1')).status).toBe(202);
    // Sunday 15 March 23:55 local (16:55 UTC, still the 15th in UTC too): two visitors.
    expect((await send(at('2026-03-15T16:55:00Z'), '10.0.0.2')).status).toBe(202);
    expect((await send(at('2026-03-15T16:56:00Z'), '10.0.0.3')).status).toBe(202);
    await rollup(at('2026-03-15T16:59:00Z')); // Sunday 23:59 local
    expect(await getVisitSnapshot(handle.db, at('2026-03-15T16:59:00Z'))).toMatchObject({ online: 2, today: 2, week: 3, total: BASELINE + 3 });

    // A beacon committed at 23:59:59 after that rollup belongs to Sunday.
    expect((await send(at('2026-03-15T16:59:59Z'), '10.0.0.4')).status).toBe(202);

    // Monday 00:00:30 local, before the next rollup: the day and the week have started over.
    expect(await getVisitSnapshot(handle.db, at('2026-03-15T17:00:30Z'))).toMatchObject({ today: 0, week: 0, total: BASELINE + 3 });

    // Monday 00:05 local (17:05 UTC on Sunday): visitor .2 again, 10 minutes later, but a new day means
    // a new salt, so a new visitor and a new visit.
    expect((await send(at('2026-03-15T17:05:00Z'), '10.0.0.2')).status).toBe(202);
    const result = await rollup(at('2026-03-15T17:06:00Z'));
    expect(result.ran && result.days).toEqual(['2026-03-15', '2026-03-16']);
    const monday = await getVisitSnapshot(handle.db, at('2026-03-15T17:06:00Z'));
    // Online: .2 (new hash) and .4 within five minutes… .4 was seen at 23:59:59, six minutes ago: not online.
    expect(monday).toMatchObject({ online: 1, today: 1, week: 1, total: BASELINE + 5 });
    const series = await getDailyVisitSeries(3, at('2026-03-15T17:06:00Z'), handle.db);
    expect(series.map((d) => [d.day, d.visits])).toEqual([
      ['2026-03-14', 1],
      ['2026-03-15', 3],
      ['2026-03-16', 1],
    ]);

    // Tuesday 01:00 local is still Monday 18:00 in UTC: the local day is what counts.
    expect((await send(at('2026-03-16T18:00:00Z'), '10.0.0.5')).status).toBe(202);
    await rollup(at('2026-03-16T18:01:00Z'));
    expect(await getVisitSnapshot(handle.db, at('2026-03-16T18:01:00Z'))).toMatchObject({ online: 1, today: 1, week: 2, total: BASELINE + 6 });
  });

  it('prunes raw events past the retention window and keeps the daily totals', async () => {
    const before = await getVisitSnapshot(handle.db, at('2026-03-16T18:01:00Z'));
    const later = at('2026-06-30T03:00:00Z');
    const result = await rollup(later, 30);
    expect(result.ran && result.prunedEvents).toBe(6);
    expect(await eventCount(handle, '2026-03-15')).toBe(0);
    const after = await getVisitSnapshot(handle.db, later);
    expect(after).toMatchObject({ today: 0, week: 0, online: 0, total: before.total });
    const series = await getDailyVisitSeries(120, later, handle.db);
    expect(series.reduce((sum, d) => sum + d.visits, 0)).toBe(6);
  });

  it('lets only one rollup write at a time', async () => {
    const now = at('2026-06-30T04:00:00Z');
    const results = await Promise.all([rollup(now), rollup(now), rollup(now)]);
    expect(results.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    expect(await getVisitSnapshot(handle.db, now)).toMatchObject({ total: BASELINE + 6 });
  });
});
