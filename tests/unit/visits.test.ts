import { describe, expect, it } from 'vitest';
import { addDays, localDay, startOfLocalDay, startOfLocalWeek } from '@/lib/time';
import { articleSlugFromPath, beaconBodySchema, pathProblem, referrerHost } from '@/lib/visits/beacon-body';
import { parseEnv } from '@/lib/env';
import { clientIp, NO_TRUSTED_PROXY, PEER_HEADER, UNKNOWN_CLIENT_IP } from '@/lib/http/client-ip';
import { rateLimitSubject, visitorHash, visitRateLimitKey } from '@/lib/visits/identity';
import { ownOrigins } from '@/lib/http/origin';
import { beaconSource, pixelPage } from '@/lib/visits/origin';
import { classifyRequest, isBotUserAgent, isPrefetch, isStaffPreview } from '@/lib/visits/request-filter';
import {
  ARTICLE_VIEW_REPEAT_MS,
  isNewArticleView,
  isNewVisit,
  MIN_RETENTION_DAYS,
  retentionDaysFromEnv,
  VISIT_IDLE_MS,
} from '@/lib/visits/rules';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';
const ZALO = 'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Mobile Safari/537.36 Zalo android/12100';

describe('the Asia/Ho_Chi_Minh day used for "Hôm nay"', () => {
  it('keeps 23:59 local on the same day and moves to the next at 00:00 local', () => {
    expect(localDay(new Date('2026-03-15T16:59:59Z'))).toBe('2026-03-15'); // 23:59:59 local
    expect(localDay(new Date('2026-03-15T17:00:00Z'))).toBe('2026-03-16'); // 00:00 local
    expect(startOfLocalDay(new Date('2026-03-15T17:00:00Z')).toISOString()).toBe('2026-03-15T17:00:00.000Z');
  });

  it('uses the local date where it differs from the UTC date', () => {
    // 01:00 on Tuesday 17 March in Hà Nội is still Monday 16 March in UTC.
    const instant = new Date('2026-03-16T18:00:00Z');
    expect(instant.toISOString().slice(0, 10)).toBe('2026-03-16');
    expect(localDay(instant)).toBe('2026-03-17');
  });

  it('crosses month and year ends by calendar days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(localDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

describe('the Monday week used for "Trong tuần"', () => {
  it('keeps Sunday 23:59 local in the week that began the Monday before', () => {
    expect(startOfLocalWeek(new Date('2026-03-15T16:59:00Z')).toISOString()).toBe('2026-03-08T17:00:00.000Z');
  });

  it('starts a new week at Monday 00:00 local, which is Sunday 17:00 UTC', () => {
    expect(startOfLocalWeek(new Date('2026-03-15T17:00:00Z')).toISOString()).toBe('2026-03-15T17:00:00.000Z');
    expect(localDay(startOfLocalWeek(new Date('2026-03-15T17:00:00Z')))).toBe('2026-03-16');
  });

  it('puts every day from Monday to Sunday in the same week', () => {
    const monday = startOfLocalWeek(new Date('2026-03-16T03:00:00Z')).toISOString();
    for (let d = 16; d <= 22; d++) {
      expect(startOfLocalWeek(new Date(`2026-03-${d}T03:00:00Z`)).toISOString()).toBe(monday);
    }
  });
});

describe('the visit rule', () => {
  const t = new Date('2026-03-10T03:00:00Z');
  const later = (ms: number) => new Date(t.getTime() + ms);

  it('starts a visit for a visitor never seen', () => {
    expect(isNewVisit(null, t)).toBe(true);
  });

  it('continues the visit up to and including 30 idle minutes', () => {
    expect(isNewVisit(t, later(60_000))).toBe(false);
    expect(isNewVisit(t, later(VISIT_IDLE_MS))).toBe(false);
  });

  it('starts a new visit after more than 30 idle minutes', () => {
    expect(isNewVisit(t, later(VISIT_IDLE_MS + 1))).toBe(true);
    expect(isNewVisit(t, later(31 * 60_000))).toBe(true);
  });

  it('does not start a visit for an event that arrives out of order', () => {
    expect(isNewVisit(later(60_000), t)).toBe(false);
  });

  it('keeps raw events at least a few days whatever the setting', () => {
    expect(retentionDaysFromEnv(parseEnv({ VISIT_RETENTION_DAYS: '1' }))).toBe(MIN_RETENTION_DAYS);
    // Was silently 90; a value that is not a number now stops start-up, naming the variable.
    expect(() => parseEnv({ VISIT_RETENTION_DAYS: 'abc' })).toThrow(/VISIT_RETENTION_DAYS/);
    expect(retentionDaysFromEnv(parseEnv({}))).toBe(90);
    expect(retentionDaysFromEnv(parseEnv({ VISIT_RETENTION_DAYS: '30' }))).toBe(30);
  });
});

describe('visitor identity', () => {
  it('is 16 bytes, stable within a day and unlinkable across salts', () => {
    const a = visitorHash('salt-1', 'site', '203.0.113.7', CHROME);
    expect(a).toHaveLength(16);
    expect(visitorHash('salt-1', 'site', '203.0.113.7', CHROME).equals(a)).toBe(true);
    expect(visitorHash('salt-2', 'site', '203.0.113.7', CHROME).equals(a)).toBe(false);
    expect(visitorHash('salt-1', 'site', '203.0.113.8', CHROME).equals(a)).toBe(false);
    expect(visitorHash('salt-1', 'site', '203.0.113.7', SAFARI_IPHONE).equals(a)).toBe(false);
    expect(visitorHash('salt-1', 'other-site', '203.0.113.7', CHROME).equals(a)).toBe(false);
  });

  it('does not let fields run into each other', () => {
    expect(visitorHash('s', 'site', '1.2.3.4', 'x').equals(visitorHash('s', 'site', '1.2.3.4x', ''))).toBe(false);
  });

  it('takes the client address from the connection, or from what the trusted proxy appended, never from what the reader wrote', () => {
    const behindOneProxy = { hops: 1, proxies: [] };
    // A reader who sends their own X-Forwarded-For cannot choose their visitor identity (nor their rate-limit key).
    expect(clientIp(new Headers({ [PEER_HEADER]: '198.51.100.2', 'x-forwarded-for': '6.6.6.6' }), NO_TRUSTED_PROXY)).toBe('198.51.100.2');
    expect(clientIp(new Headers({ [PEER_HEADER]: '10.0.0.1', 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }), behindOneProxy)).toBe('203.0.113.7');
    expect(clientIp(new Headers({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }), { hops: 2, proxies: [] })).toBe('203.0.113.7');
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.7' }), behindOneProxy)).toBe(UNKNOWN_CLIENT_IP);
  });
});

describe('bot detection', () => {
  it.each([
    ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['Bingbot', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
    ['Cốc Cốc bot', 'Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)'],
    ['headless Chrome', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36'],
    ['curl', 'curl/8.5.0'],
    ['Facebook preview', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
    ['empty', ''],
    ['blank', '   '],
  ])('treats %s as a bot', (_, ua) => {
    expect(isBotUserAgent(ua)).toBe(true);
  });

  it.each([
    ['Chrome on Windows', CHROME],
    ['Safari on iPhone', SAFARI_IPHONE],
    ['Zalo in-app browser', ZALO],
  ])('treats %s as a reader', (_, ua) => {
    expect(isBotUserAgent(ua)).toBe(false);
  });
});

describe('request filtering', () => {
  const headers = (extra: Record<string, string> = {}) => new Headers({ 'user-agent': CHROME, ...extra });

  it('counts a plain POST from a browser', () => {
    expect(classifyRequest('POST', headers())).toEqual({ count: true });
  });

  it('does not count HEAD, prefetch or prerender', () => {
    expect(classifyRequest('HEAD', headers())).toEqual({ count: false, reason: 'head' });
    expect(classifyRequest('POST', headers({ 'sec-purpose': 'prefetch' }))).toEqual({ count: false, reason: 'prefetch' });
    expect(classifyRequest('POST', headers({ 'sec-purpose': 'prefetch;prerender' }))).toEqual({ count: false, reason: 'prefetch' });
    expect(classifyRequest('POST', headers({ purpose: 'prefetch' }))).toEqual({ count: false, reason: 'prefetch' });
    expect(isPrefetch(headers())).toBe(false);
  });

  it('does not count bots or a missing user agent', () => {
    expect(classifyRequest('POST', new Headers())).toEqual({ count: false, reason: 'empty_user_agent' });
    expect(classifyRequest('POST', new Headers({ 'user-agent': 'Googlebot/2.1' }))).toEqual({ count: false, reason: 'bot' });
  });

  it('does not count signed-in staff or draft-mode previews', () => {
    expect(isStaffPreview(headers({ cookie: 'authjs.session-token=x' }))).toBe(true);
    expect(isStaffPreview(headers({ cookie: 'a=1; __Secure-authjs.session-token=x' }))).toBe(true);
    expect(isStaffPreview(headers({ cookie: '__Secure-authjs.session-token.0=x' }))).toBe(true);
    expect(isStaffPreview(headers({ cookie: '__prerender_bypass=x' }))).toBe(true);
    expect(isStaffPreview(headers({ cookie: 'authjs.csrf-token=x; theme=dark' }))).toBe(false);
    expect(classifyRequest('POST', headers({ cookie: 'authjs.session-token=x' }))).toEqual({ count: false, reason: 'staff_preview' });
  });
});

describe('beacon body validation', () => {
  const eventId = '7d444840-9dc0-41d7-a0a4-3d9a7a9b2c11';

  it('accepts a public path, a referrer and a UUID event id', () => {
    expect(beaconBodySchema.parse({ path: '/bai-viet/le-hoi', referrer: 'https://www.google.com/', eventId })).toEqual({
      path: '/bai-viet/le-hoi',
      referrer: 'https://www.google.com/',
      eventId,
    });
    expect(beaconBodySchema.safeParse({ path: '/', eventId }).success).toBe(true);
    expect(beaconBodySchema.safeParse({ path: '/chuyen-muc/tin-t%E1%BB%A9c', referrer: null, eventId }).success).toBe(true);
  });

  it.each([
    ['a number', 5],
    ['a relative path', 'bai-viet/x'],
    ['a full URL', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a doubled slash', '/bai-viet//x'],
    ['a NUL byte', '/bai-viet/a\u0000b'],
    ['a line break', '/news/x\r\n127.0.0.1'],
    ['a space', '/tim kiem'],
    ['a query string', '/tim-kiem?q=x'],
    ['a dot segment', '/bai-viet/../admin'],
    ['the admin', '/admin'],
    ['an admin page', '/Admin/thong-ke'],
    ['an API route', '/api/visits'],
    ['an over-long path', `/${'a'.repeat(600)}`],
    ['a broken escape', '/bai-viet/%zz'],
  ])('rejects %s as the path', (_, path) => {
    expect(beaconBodySchema.safeParse({ path, eventId }).success).toBe(false);
  });

  it('rejects a missing or malformed event id and a non-string referrer', () => {
    expect(beaconBodySchema.safeParse({ path: '/' }).success).toBe(false);
    expect(beaconBodySchema.safeParse({ path: '/', eventId: 'abc' }).success).toBe(false);
    expect(beaconBodySchema.safeParse({ path: '/', eventId, referrer: 42 }).success).toBe(false);
    expect(beaconBodySchema.safeParse({ path: '/', eventId, referrer: 'not a url' }).success).toBe(false);
  });

  it('explains the problem in Vietnamese', () => {
    expect(pathProblem('/admin')).toBe('Đường dẫn không thuộc trang công khai.');
  });

  it('finds the article slug of an article page only', () => {
    expect(articleSlugFromPath('/bai-viet/le-hoi-den-thuong')).toBe('le-hoi-den-thuong');
    expect(articleSlugFromPath('/bai-viet/le-hoi-den-thuong/')).toBe('le-hoi-den-thuong');
    expect(articleSlugFromPath('/chuyen-muc/tin-tuc')).toBeNull();
    expect(articleSlugFromPath('/bai-viet/a/b')).toBeNull();
  });

  it('keeps only outside referrer hosts', () => {
    expect(referrerHost('https://www.google.com/search?q=x', ['laocai.gov.vn'])).toBe('google.com');
    expect(referrerHost('https://laocai.gov.vn/bai-viet/x', ['laocai.gov.vn'])).toBeNull();
    expect(referrerHost('https://www.laocai.gov.vn/', ['laocai.gov.vn'])).toBeNull();
    expect(referrerHost('', ['laocai.gov.vn'])).toBeNull();
    expect(referrerHost(null, [])).toBeNull();
  });
});

describe('the anti-inflation limits', () => {

  it('counts an article view again only more than 30 minutes after the previous pageview of it', () => {
    const t = new Date('2026-03-10T03:00:00Z');
    expect(isNewArticleView(null, t)).toBe(true);
    expect(isNewArticleView(t, new Date(t.getTime() + 60_000))).toBe(false);
    expect(isNewArticleView(t, new Date(t.getTime() + ARTICLE_VIEW_REPEAT_MS))).toBe(false);
    expect(isNewArticleView(t, new Date(t.getTime() + ARTICLE_VIEW_REPEAT_MS + 1))).toBe(true);
  });
});

describe('the rate-limit key', () => {
  it('holds no address: a salted hash, different every day and different from the visitor hash', () => {
    const key = visitRateLimitKey('salt-1', '203.0.113.7');
    expect(key).toMatch(/^visit:[A-Za-z0-9_-]{22}$/);
    expect(key).not.toContain('203.0.113.7');
    expect(visitRateLimitKey('salt-1', '203.0.113.7')).toBe(key);
    expect(visitRateLimitKey('salt-2', '203.0.113.7')).not.toBe(key);
    expect(visitRateLimitKey('salt-1', '203.0.113.8')).not.toBe(key);
  });

  it('groups an IPv6 client by its /64, so taking a new address from the same network does not reopen the limit', () => {
    expect(rateLimitSubject('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitSubject('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(rateLimitSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitSubject('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitSubject('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(rateLimitSubject('unknown')).toBe('unknown');
    expect(visitRateLimitKey('s', '2001:db8:1:2::1')).toBe(visitRateLimitKey('s', '2001:db8:1:2:ffff::9'));
    expect(visitRateLimitKey('s', '2001:db8:1:2::1')).not.toBe(visitRateLimitKey('s', '2001:db8:1:3::1'));
  });
});

describe('same-origin beacons', () => {
  const own = ownOrigins('http://localhost:3000/api/visits', new Headers({ host: 'localhost:3000' }), 'https://baolaocai.example');
  const h = (headers: Record<string, string>) => new Headers(headers);

  it('knows our origins: the request URL, the Host it was sent to (through a proxy too) and SITE_URL', () => {
    expect([...own].sort()).toEqual(['http://localhost:3000', 'https://baolaocai.example']);
    const proxied = ownOrigins('http://127.0.0.1:3000/api/visits', h({ host: '127.0.0.1:3000', 'x-forwarded-host': 'tin.example', 'x-forwarded-proto': 'https' }));
    expect(proxied.has('https://tin.example')).toBe(true);
    expect(ownOrigins('http://localhost/x', h({ host: 'bad host/' })).size).toBe(1);
  });

  it('accepts what a browser sends from our own page', () => {
    expect(beaconSource(h({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }), own)).toBe('same_origin');
    expect(beaconSource(h({ origin: 'https://baolaocai.example' }), own)).toBe('same_origin');
    expect(beaconSource(h({ origin: 'https://baolaocai.example:443' }), own)).toBe('same_origin');
    expect(beaconSource(h({ 'sec-fetch-site': 'same-origin' }), own)).toBe('same_origin');
  });

  it('refuses another origin, whichever header says so', () => {
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'file://' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://tin.baolaocai.example' },
      { 'sec-fetch-site': 'none' },
      { origin: 'http://localhost:3000', 'sec-fetch-site': 'cross-site' },
      { origin: 'http://baolaocai.example' },
    ];
    for (const headers of refused) {
      expect(beaconSource(h(headers), own), JSON.stringify(headers)).toBe('cross_site');
    }
  });

  it('sets apart a client that sends neither header: not a browser page', () => {
    expect(beaconSource(h({}), own)).toBe('no_origin');
  });

  it('takes the pixel page from a same-origin Referer only', () => {
    expect(pixelPage(h({ referer: 'http://localhost:3000/bai-viet/x?utm=1', 'sec-fetch-site': 'same-origin' }), own)).toEqual({ path: '/bai-viet/x' });
    expect(pixelPage(h({ referer: 'https://baolaocai.example/' }), own)).toEqual({ path: '/' });
    expect(pixelPage(h({}), own)).toEqual({ reason: 'no_referer' });
    expect(pixelPage(h({ referer: 'https://evil.example/' }), own)).toEqual({ reason: 'cross_site' });
    expect(pixelPage(h({ referer: '::' }), own)).toEqual({ reason: 'cross_site' });
    expect(pixelPage(h({ referer: 'http://localhost:3000/', 'sec-fetch-site': 'cross-site' }), own)).toEqual({ reason: 'cross_site' });
  });
});
