import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getDailyVisitSeries, getMostReadArticles, getTopArticles, getTopReferrers } from '@/db/queries/stats';
import { runVisitRollup } from '@/db/queries/visits';
import { articles } from '@/db/schema';
import { PEER_HEADER } from '@/lib/http/client-ip';
import { seedDemoContent } from '@/db/seed';
import { handleVisitBeacon, handleVisitPixel } from '@/server/visits/handle-beacon';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

// The security issue "visit counters and 'Đọc nhiều' can be inflated at will",
// one test per way in. The limits are the documented ones (README "Thống kê
// truy cập"), written out here on purpose: 60 pageviews a minute per address,
// one article view per visitor per article per 30 minutes, a referrer shown
// from 3 distinct visitors.
//
// These requests reach the app through one reverse proxy (TRUSTED_PROXY_HOPS=1;
// the connection, PEER_HEADER, is the proxy's): the proxy appends the address it
// saw to X-Forwarded-For, whatever the client wrote to the left of it is not trusted.
process.env.TRUSTED_PROXY_HOPS = '1';
const PROXY_ADDRESS = '10.0.0.254';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const OWN = 'http://localhost:3000';
const SAME_ORIGIN = { origin: OWN, 'sec-fetch-site': 'same-origin' };
const at = (iso: string) => new Date(iso);
const minutes = (n: number) => n * 60_000;
const seconds = (n: number) => n * 1000;
const later = (t: Date, ms: number) => new Date(t.getTime() + ms);

type Beacon = { now: Date; ip?: string; ua?: string; path?: string; referrer?: string; eventId?: string; headers?: Record<string, string | null> };

function headersOf(b: Beacon, defaults: Record<string, string>): Headers {
  const headers = new Headers({ [PEER_HEADER]: PROXY_ADDRESS, 'user-agent': b.ua ?? CHROME, 'x-forwarded-for': b.ip ?? '203.0.113.7', ...defaults });
  for (const [name, value] of Object.entries(b.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return headers;
}

function beaconRequest(b: Beacon): Request {
  const headers = headersOf(b, { 'content-type': 'text/plain;charset=UTF-8', ...SAME_ORIGIN });
  const body = JSON.stringify({ path: b.path ?? '/', referrer: b.referrer ?? null, eventId: b.eventId ?? crypto.randomUUID() });
  return new Request(`${OWN}/api/visits`, { method: 'POST', headers, body });
}

function pixelRequest(b: Beacon & { page?: string | null }): Request {
  const headers = headersOf(b, { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'image' });
  if (b.page !== null) headers.set('referer', b.page ?? `${OWN}${b.path ?? '/'}`);
  return new Request(`${OWN}/api/visits/pixel`, { method: 'GET', headers });
}

type Rows<T> = T[] | { rows: T[] };
async function query<T>(handle: DatabaseHandle, q: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await handle.db.execute(q)) as unknown as Rows<T>;
  return Array.isArray(result) ? result : result.rows;
}
const eventCount = async (handle: DatabaseHandle, day: string) =>
  Number((await query<{ n: number }>(handle, sql`SELECT count(*)::int AS n FROM visit_events WHERE day = ${day}::date`))[0]!.n);

describeDb(`visit figures cannot be inflated (${testDriver})`, () => {
  let handle: DatabaseHandle;
  let first: { id: number; slug: string };
  let second: { id: number; slug: string };
  const send = (b: Beacon) => handleVisitBeacon(beaconRequest(b), { db: handle.db, now: b.now });
  const pixel = (b: Beacon & { page?: string | null }) => handleVisitPixel(pixelRequest(b), { db: handle.db, now: b.now });
  const viewCount = async (id: number) =>
    (await handle.db.select({ viewCount: articles.viewCount }).from(articles).where(sql`${articles.id} = ${id}`))[0]!.viewCount;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoContent(handle.db, at('2026-01-01T00:00:00Z'));
    [first, second] = await handle.db.select({ id: articles.id, slug: articles.slug }).from(articles).orderBy(articles.id).limit(2) as [
      { id: number; slug: string },
      { id: number; slug: string },
    ];
  });
  afterEach(() => {
    delete process.env.SITE_URL;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('refuses beacons from a page on another origin with 403 {code, message} and counts none of them', async () => {
    const now = at('2026-04-01T03:00:00Z');
    // The report: a page on another origin counted 50 beacons.
    const fromElsewhere = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send({ now: later(now, i), ip: `198.51.100.${i + 1}`, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } }),
      ),
    );
    expect(fromElsewhere.map((r) => r.status)).toEqual(Array(50).fill(403));
    const variants: Record<string, string | null>[] = [
      { origin: 'https://evil.example', 'sec-fetch-site': null }, // a browser without Fetch Metadata
      { origin: 'null', 'sec-fetch-site': null }, // sandboxed frame, data: URL
      { origin: null, 'sec-fetch-site': 'cross-site' },
      { origin: 'https://tin.localhost:3000', 'sec-fetch-site': 'same-site' }, // a sibling subdomain
      { origin: 'http://localhost:3001', 'sec-fetch-site': 'same-site' }, // another port
      { origin: 'https://localhost:3000', 'sec-fetch-site': null }, // another scheme
      { origin: OWN, 'sec-fetch-site': 'cross-site' }, // the headers disagree: the browser's verdict wins
    ];
    for (const headers of variants) {
      const response = await send({ now, headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code).toBe('forbidden');
      expect(body.message).toMatch(/trang/);
    }
    expect(await eventCount(handle, '2026-04-01')).toBe(0);
  });

  it('does not count a client that sends neither Origin nor Sec-Fetch-Site (not a browser page): 204 X-Visit-Not-Counted: no_origin', async () => {
    const now = at('2026-04-02T03:00:00Z');
    const response = await send({ now, headers: { origin: null, 'sec-fetch-site': null } });
    expect(response.status).toBe(204);
    expect(response.headers.get('x-visit-not-counted')).toBe('no_origin');
    expect(await eventCount(handle, '2026-04-02')).toBe(0);
  });

  it('accepts our own pages: the request origin, the public SITE_URL behind a proxy, or Fetch Metadata alone', async () => {
    const now = at('2026-04-03T03:00:00Z');
    process.env.SITE_URL = 'https://baolaocai.example';
    const accepted: Record<string, string | null>[] = [
      { origin: OWN, 'sec-fetch-site': 'same-origin' },
      { origin: 'https://baolaocai.example', 'sec-fetch-site': 'same-origin' }, // SITE_URL, the proxy talks to localhost
      { origin: 'https://tin.example', 'sec-fetch-site': null, host: 'tin.example', 'x-forwarded-proto': 'https' }, // the Host it was sent to
      { origin: OWN, 'sec-fetch-site': null }, // Safari before 16.4: no Fetch Metadata
      { origin: null, 'sec-fetch-site': 'same-origin' },
    ];
    for (const [i, headers] of accepted.entries()) {
      expect((await send({ now, ip: `192.0.2.${i + 1}`, headers })).status, JSON.stringify(headers)).toBe(202);
    }
    expect(await eventCount(handle, '2026-04-03')).toBe(accepted.length);
  });

  it('rate-limits one address to 60 pageviews a minute whatever it writes into X-Forwarded-For: the rest get 429 with Retry-After and are not counted', async () => {
    const now = at('2026-04-06T03:00:15Z'); // 15 s into a minute
    // The report: 1,000 beacons, each with a new X-Forwarded-For, raised every figure by 1,000.
    // Each one forges a new left-hand entry and a new browser build; the proxy appends the real address.
    const flood = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        send({ now: later(now, i), ip: `10.66.${i >> 8}.${i & 255}, 203.0.113.50`, ua: CHROME.replace('140.0.0.0', `140.1.${i}.0`) }),
      ),
    );
    const statuses = flood.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    const refused = flood.find((r) => r.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('45');
    const body = (await refused.json()) as { code: string; message: string };
    expect(body.code).toBe('too_many_requests');
    expect(body.message).toMatch(/thử lại/);

    // Another address in the same minute is not affected.
    expect((await send({ now: later(now, seconds(1)), ip: '203.0.113.51' })).status).toBe(202);
    // The next minute the address may count again.
    expect((await send({ now: later(now, seconds(45)), ip: '203.0.113.50' })).status).toBe(202);

    expect(await eventCount(handle, '2026-04-06')).toBe(62);
    const figures = (await (async () => {
      await runVisitRollup(handle.db, { now: later(now, minutes(2)) });
      return getDailyVisitSeries(1, later(now, minutes(2)), handle.db);
    })())[0]!;
    expect(figures).toMatchObject({ day: '2026-04-06', pageviews: 62 });
    // "Đang online" is not inflated by the refused beacons either.
    const online = await query<{ n: number }>(handle, sql`SELECT count(*)::int AS n FROM visitor_presence WHERE last_seen >= ${now.toISOString()}::timestamptz`);
    expect(Number(online[0]!.n)).toBe(62);
  });

  it('stores no address in the rate-limit counters, only a salted hash', async () => {
    const keys = (await query<{ key: string }>(handle, sql`SELECT key FROM rate_limit_counters`)).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatch(/^visit:[A-Za-z0-9_-]{22}$/);
      expect(key).not.toMatch(/203\.0\.113|198\.51\.100|192\.0\.2|10\.66/);
    }
  });

  it('answers 429 to an address over the limit even under concurrency, counting exactly 60', async () => {
    const now = at('2026-04-07T03:00:00Z');
    const burst = await Promise.all(Array.from({ length: 90 }, (_, i) => send({ now: later(now, i), ip: '203.0.113.60' })));
    expect(burst.filter((r) => r.status === 202)).toHaveLength(60);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(30);
    expect(await eventCount(handle, '2026-04-07')).toBe(60);
  });

  it('still answers 202 to a retried event id that was counted, even over the limit', async () => {
    const now = at('2026-04-08T03:00:00Z');
    const eventId = crypto.randomUUID();
    expect((await send({ now, ip: '203.0.113.70', eventId })).status).toBe(202);
    for (let i = 1; i < 60; i++) expect((await send({ now: later(now, i), ip: '203.0.113.70' })).status).toBe(202);
    expect((await send({ now: later(now, 60), ip: '203.0.113.70' })).status).toBe(429);
    expect((await send({ now: later(now, 61), ip: '203.0.113.70', eventId })).status).toBe(202);
    expect(await eventCount(handle, '2026-04-08')).toBe(60);
  });

  it('counts an article view at most once per visitor per article per 30 minutes in "Lượt xem" and "Đọc nhiều"', async () => {
    const t = at('2026-04-13T02:00:00Z'); // Monday 09:00 local
    const article = (a: { slug: string }) => `/bai-viet/${a.slug}`;
    // One reader reloads the second article 50 times in a minute (the report: 500 beacons put it first)…
    for (let i = 0; i < 50; i++) expect((await send({ now: later(t, seconds(i)), ip: '192.0.2.80', path: article(second) })).status).toBe(202);
    // …and again 20 minutes later (within 30 minutes of the last one: not a new view), 45 minutes
    // later (25 minutes after that: still not), 76 minutes later (31 minutes after: a new view).
    for (const m of [20, 45, 76]) expect((await send({ now: later(t, minutes(m)), ip: '192.0.2.80', path: article(second) })).status).toBe(202);
    // Three readers read the first article once each; one comes back exactly 30 minutes later (not a
    // new view) and 31 minutes after that (a new view).
    for (const ip of ['192.0.2.81', '192.0.2.82', '192.0.2.83']) expect((await send({ now: t, ip, path: article(first) })).status).toBe(202);
    expect((await send({ now: later(t, minutes(30)), ip: '192.0.2.81', path: article(first) })).status).toBe(202);
    expect((await send({ now: later(t, minutes(61)), ip: '192.0.2.81', path: article(first) })).status).toBe(202);
    // The same reader on another article is another view.
    expect((await send({ now: later(t, seconds(1)), ip: '192.0.2.80', path: article(first) })).status).toBe(202);

    const after = later(t, minutes(80));
    await runVisitRollup(handle.db, { now: after });
    expect(await getTopArticles('2026-04-13', '2026-04-13', 10, handle.db)).toEqual([
      { id: first.id, title: expect.any(String), slug: first.slug, views: 5 },
      { id: second.id, title: expect.any(String), slug: second.slug, views: 2 },
    ]);
    const mostRead = await getMostReadArticles(5, 7, after, handle.db);
    expect(mostRead.slice(0, 2).map((a) => [a.slug, a.recentViews])).toEqual([
      [first.slug, 5],
      [second.slug, 2],
    ]);
    expect(await viewCount(first.id)).toBe(5);
    expect(await viewCount(second.id)).toBe(2);
    // Pageviews are still every accepted beacon.
    expect((await getDailyVisitSeries(1, after, handle.db))[0]).toMatchObject({ day: '2026-04-13', pageviews: 59 });
  });

  it('shows a referrer only once 3 distinct visitors came from it in a day', async () => {
    const t = at('2026-04-14T01:00:00Z');
    // Spam: one visitor, a new visit from spam.example every 31 minutes all day.
    for (let i = 0; i < 12; i++) {
      expect((await send({ now: later(t, minutes(31 * i)), ip: '192.0.2.90', referrer: 'https://spam.example/win' })).status).toBe(202);
    }
    // Two visitors from a small site: not yet shown; three from a real referrer: shown.
    for (const ip of ['192.0.2.91', '192.0.2.92']) expect((await send({ now: t, ip, referrer: 'https://nho.example/' })).status).toBe(202);
    for (const ip of ['192.0.2.93', '192.0.2.94', '192.0.2.95']) {
      expect((await send({ now: t, ip, referrer: 'https://www.baomoi.example/tin' })).status).toBe(202);
    }
    await runVisitRollup(handle.db, { now: later(t, minutes(31 * 12)) });
    expect(await getTopReferrers('2026-04-14', '2026-04-14', 10, handle.db)).toEqual([{ host: 'baomoi.example', visits: 3 }]);
  });

  it('counts the <noscript> pixel only with a same-origin Referer, and serves the image either way', async () => {
    const now = at('2026-04-15T03:00:00Z');
    const counted = await pixel({ now, ip: '192.0.2.100', path: `/bai-viet/${first.slug}` });
    expect(counted.status).toBe(200);
    expect(counted.headers.get('content-type')).toBe('image/gif');
    expect(counted.headers.get('x-visit-not-counted')).toBeNull();

    const cases: [Beacon & { page?: string | null }, string][] = [
      [{ now, ip: '192.0.2.101', page: null }, 'no_referer'],
      [{ now, ip: '192.0.2.102', page: 'https://evil.example/bai-viet/x' }, 'cross_site'],
      [{ now, ip: '192.0.2.103', page: 'not a url' }, 'cross_site'],
      [{ now, ip: '192.0.2.104', page: 'http://localhost:3001/' }, 'cross_site'],
      // An image embedded by another site never carries our Referer, but Fetch Metadata says so too.
      [{ now, ip: '192.0.2.105', headers: { 'sec-fetch-site': 'cross-site' } }, 'cross_site'],
    ];
    for (const [c, reason] of cases) {
      const response = await pixel(c);
      expect(response.status, JSON.stringify(c)).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/gif');
      expect(new Uint8Array(await response.arrayBuffer()).length).toBeGreaterThan(0);
      expect(response.headers.get('x-visit-not-counted'), JSON.stringify(c)).toBe(reason);
    }
    expect(await eventCount(handle, '2026-04-15')).toBe(1);
  });

  it('rate-limits the pixel with the beacon: one address, one budget of 60 a minute', async () => {
    const now = at('2026-04-16T03:00:00Z');
    for (let i = 0; i < 40; i++) expect((await send({ now: later(now, i), ip: '203.0.113.90' })).status).toBe(202);
    for (let i = 0; i < 20; i++) expect((await pixel({ now: later(now, 40 + i), ip: '203.0.113.90' })).status).toBe(200);
    const refused = await pixel({ now: later(now, 60), ip: '203.0.113.90' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('image/gif');
    expect(refused.headers.get('x-visit-not-counted')).toBe('rate_limited');
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await eventCount(handle, '2026-04-16')).toBe(60);
  });
});
