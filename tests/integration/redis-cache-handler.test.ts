/**
 * The Redis cache handler (server/cache/redis-store.mjs behind the store policy) against the
 * machine's Redis on 127.0.0.1:6379, as two instances would use it: each "instance" has a
 * connection of its own, and every run works under a key base of its own, deleted afterwards.
 * The outage tests start a private redis-server on a free port and stop that one only.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLEAR_RENDERED_PAGES } from '@/lib/rendered-pages-hook.mjs';
import { withStorePolicy } from '@/server/cache/isr-handler.mjs';
import {
  closeRedisConnection,
  createRedisStore,
  MAX_ENTRY_TTL_SECONDS,
  openRedisConnection,
  redisKeyBase,
  type RedisCacheConnection,
} from '@/server/cache/redis-store.mjs';
import { freePort } from '../support/ports';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server';
import { data, page, pageCtx, pageKey, setPageCtx } from '../support/route-cache-entries';

const SHARED_REDIS = 'redis://127.0.0.1:6379';
const require = createRequire(import.meta.url);
const { areTagsStale } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js') as {
  areTagsStale: (tags: string[], timestamp: number) => boolean;
};

const handlerCtx = { serverDistDir: '/khong-co/server', revalidatedTags: [], _requestHeaders: {} };
const fetchCtx = (tags: string[], softTags: string[] = []) => ({ kind: 'FETCH', fetchCache: true, tags, softTags, fetchIdx: 1, fetchUrl: 'unstable_cache  article' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const endsAt = Date.now() + timeoutMs;
  while (Date.now() < endsAt) {
    if (await check()) return true;
    await sleep(25);
  }
  return check();
}

function uniqueBase() {
  return `test:toa-soan:isr:${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

describe('the Redis cache handler shared by several instances', () => {
  const base = uniqueBase();
  const buildId = 'build-test';
  let a: RedisCacheConnection;
  let b: RedisCacheConnection;
  let raw: ReturnType<typeof createClient>;
  let A: () => InstanceType<ReturnType<typeof createRedisStore>>;
  let B: () => InstanceType<ReturnType<typeof createRedisStore>>;
  const entryKey = (key: string) => `${base}:entry:${buildId}:${key}`;

  beforeAll(async () => {
    a = openRedisConnection(SHARED_REDIS);
    b = openRedisConnection(SHARED_REDIS);
    const OnA = withStorePolicy(createRedisStore({ connection: a, keyPrefix: base, buildId }));
    const OnB = withStorePolicy(createRedisStore({ connection: b, keyPrefix: base, buildId }));
    A = () => new OnA(handlerCtx);
    B = () => new OnB(handlerCtx);
    A();
    B();
    expect(await a.ready(3_000)).toBe(true);
    expect(await b.ready(3_000)).toBe(true);
    raw = createClient({ url: SHARED_REDIS });
    await raw.connect();
  });

  afterAll(async () => {
    if (raw?.isReady) {
      for await (const keys of raw.scanIterator({ MATCH: `${base}:*`, COUNT: 500 })) if (keys.length) await raw.del(keys);
      raw.destroy();
    }
    if (a) await closeRedisConnection(a);
    if (b) await closeRedisConnection(b);
  });

  it('serves a page stored by one instance to another, Buffers and Maps intact', async () => {
    const original = page(200, 'chia-se');
    await A().set(pageKey('/bai-viet/chia-se'), original, setPageCtx);
    const entry = await B().get(pageKey('/bai-viet/chia-se'), pageCtx);
    expect(entry).not.toBeNull();
    expect(entry?.value).toEqual(original);
    const value = entry?.value as ReturnType<typeof page>;
    expect(Buffer.isBuffer(value.rscData)).toBe(true);
    expect(value.segmentData).toBeInstanceOf(Map);
    expect([...value.segmentData.entries()]).toEqual([...original.segmentData.entries()]);
    expect(Buffer.isBuffer(value.segmentData.get('/_tree'))).toBe(true);
    expect(entry?.lastModified).toBeGreaterThan(Date.now() - 5_000);
    expect(entry?.cacheControl).toEqual(setPageCtx.cacheControl);
  });

  it('round-trips binary route bodies, data results and keys that look like its own markers', async () => {
    const bytes = Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x0a]);
    const route = { kind: 'APP_ROUTE', body: bytes, headers: { 'content-type': 'application/xml', 'x-next-cache-tags': 'sitemap' }, status: 200 };
    await A().set('/route-cache/APP_ROUTE/0123abcd/$/sitemap.xml', route, { kind: 'APP_ROUTE', cacheControl: { revalidate: 60, expire: 600 } });
    const routeEntry = await B().get('/route-cache/APP_ROUTE/0123abcd/$/sitemap.xml', { kind: 'APP_ROUTE' });
    expect(routeEntry?.value).toEqual(route);
    expect(Buffer.compare((routeEntry?.value as typeof route).body, bytes)).toBe(0);

    const tricky = { kind: 'PAGES', html: '<p>x</p>', pageData: { $b: 'không phải Buffer', $$m: [1], nested: { $m: [] } }, headers: {}, status: 200 };
    await A().set('/route-cache/PAGES/0123abcd/$/cu', tricky, { kind: 'PAGES', cacheControl: { revalidate: 60, expire: 600 } });
    expect((await B().get('/route-cache/PAGES/0123abcd/$/cu', { kind: 'PAGES' }))?.value).toEqual(tricky);

    const result = data({ article: { id: 7, title: 'Tòa soạn' } });
    await A().set('fetch-bai-7', result, fetchCtx(['article:bai-7']));
    expect((await B().get('fetch-bai-7', fetchCtx(['article:bai-7'])))?.value).toEqual(result);
  });

  it('hides an entry from every instance once a tag is revalidated on one (expire: 0, as on publish)', async () => {
    const key = pageKey('/bai-viet/sua-lai');
    await A().set(key, page(200, 'sua-lai'), setPageCtx);
    expect(await B().get(key, pageCtx)).not.toBeNull();
    await sleep(5);
    await A().revalidateTag(['article:sua-lai'], { expire: 0 });
    expect(await B().get(key, pageCtx)).toBeNull();
    expect(await A().get(key, pageCtx)).toBeNull();
    // Rendered again after the edit: served again.
    await B().set(key, page(200, 'sua-lai'), setPageCtx);
    expect(await A().get(key, pageCtx)).not.toBeNull();
  });

  it('honours a tag found only in the x-next-cache-tags header, and revalidatePath (no durations)', async () => {
    const key = pageKey('/bai-viet/chi-header');
    await A().set(key, page(200, 'chi-header'), setPageCtx);
    await sleep(5);
    await A().revalidateTag('articles', { expire: 0 });
    expect(await B().get(key, pageCtx)).toBeNull();

    await A().set(key, page(200, 'chi-header'), setPageCtx);
    await sleep(5);
    await B().revalidateTag(['_N_T_/bai-viet/chi-header']);
    expect(await A().get(key, pageCtx)).toBeNull();
  });

  it('checks a data entry against its own tags and the soft tags of the page reading it', async () => {
    await A().set('fetch-trang-chu', data({ home: 1 }), fetchCtx(['home']));
    await sleep(5);
    await A().revalidateTag(['_N_T_/trang-chu'], { expire: 0 });
    expect(await B().get('fetch-trang-chu', fetchCtx(['home']))).not.toBeNull();
    expect(await B().get('fetch-trang-chu', fetchCtx(['home'], ['_N_T_/layout', '_N_T_/trang-chu']))).toBeNull();

    // Tags stored with the entry count even when a reader does not name them.
    await A().set('fetch-chuyen-muc', data({ list: [] }), fetchCtx(['taxonomy']));
    await sleep(5);
    await B().revalidateTag(['taxonomy'], { expire: 0 });
    expect(await A().get('fetch-chuyen-muc', fetchCtx([]))).toBeNull();
  });

  it('serves a stale entry once a tag is revalidated with a profile, and drops it when the profile expires', async () => {
    const key = pageKey('/bai-viet/cu-dan');
    await A().set(key, page(200, 'cu-dan'), setPageCtx);
    await sleep(5);
    await A().revalidateTag(['article:cu-dan'], { expire: 1 });
    const entry = await B().get(key, pageCtx);
    expect(entry).not.toBeNull();
    // Next, reading it, renders a fresh copy in the background.
    expect(areTagsStale(['article:cu-dan'], entry!.lastModified!)).toBe(true);
    await sleep(1_100);
    expect(await B().get(key, pageCtx)).toBeNull();
  });

  it('drops the rendered pages of the other instance within a second, not its own twice', async () => {
    const globals = globalThis as Record<symbol, unknown>;
    let clears = 0;
    globals[CLEAR_RENDERED_PAGES] = () => clears++;
    try {
      await A().revalidateTag(['settings'], { expire: 0 });
      expect(clears).toBe(1); // the policy, in this instance, at once
      expect(await waitFor(() => clears === 2, 1_000)).toBe(true); // B, through the channel
      await sleep(150);
      expect(clears).toBe(2);
    } finally {
      delete globals[CLEAR_RENDERED_PAGES];
    }
  });

  it('stores nothing for a 404 page or a null data result, and deletes what the key held', async () => {
    for (let i = 0; i < 20; i++) {
      await A().set(pageKey(`/bai-viet/bia-dat-${i}`), page(404, `bia-dat-${i}`), setPageCtx);
      await A().set(`fetch-bia-dat-${i}`, data(null), fetchCtx([`article:bia-dat-${i}`]));
    }
    expect(await raw.exists([entryKey(pageKey('/bai-viet/bia-dat-1')), entryKey('fetch-bia-dat-1')])).toBe(0);
    expect(await B().get(pageKey('/bai-viet/bia-dat-1'), pageCtx)).toBeNull();

    const key = pageKey('/bai-viet/go-xuong');
    await A().set(key, page(200, 'go-xuong'), setPageCtx);
    expect(await raw.exists(entryKey(key))).toBe(1);
    await B().set(key, page(404, 'go-xuong'), setPageCtx);
    expect(await raw.exists(entryKey(key))).toBe(0);
    expect(await A().get(key, pageCtx)).toBeNull();
  });

  it('gives every key an expiry: a page its expire (a day at most), data ten revalidate periods', async () => {
    await A().set(pageKey('/bai-viet/mot-nam'), page(200, 'mot-nam'), setPageCtx);
    const yearTtl = await raw.ttl(entryKey(pageKey('/bai-viet/mot-nam')));
    expect(yearTtl).toBeGreaterThan(MAX_ENTRY_TTL_SECONDS - 10);
    expect(yearTtl).toBeLessThanOrEqual(MAX_ENTRY_TTL_SECONDS);

    await A().set(pageKey('/bai-viet/nam-phut'), page(200, 'nam-phut'), { ...pageCtx, cacheControl: { revalidate: 60, expire: 300 } });
    const shortTtl = await raw.ttl(entryKey(pageKey('/bai-viet/nam-phut')));
    expect(shortTtl).toBeGreaterThan(290);
    expect(shortTtl).toBeLessThanOrEqual(300);

    await A().set('fetch-thong-ke', data({ visits: 1 }, 5), fetchCtx(['stats']));
    expect(await raw.ttl(entryKey('fetch-thong-ke'))).toBeGreaterThan(50);
    await A().set('fetch-chuyen-muc-2', data({ list: [] }, 120), fetchCtx(['taxonomy']));
    expect(await raw.ttl(entryKey('fetch-chuyen-muc-2'))).toBeGreaterThan(1_190);

    await A().revalidateTag(['ttl-tag'], { expire: 0 });
    const tagTtl = await raw.ttl(`${base}:tag:ttl-tag`);
    expect(tagTtl).toBeGreaterThan(MAX_ENTRY_TTL_SECONDS);
    expect(tagTtl).toBeLessThan(MAX_ENTRY_TTL_SECONDS + 2 * 3_600);
  });

  it('keeps entries of each build and each SITE_URL apart', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-store-'));
    try {
      fs.mkdirSync(path.join(root, 'server'));
      fs.writeFileSync(path.join(root, 'BUILD_ID'), 'ban-dung-moi\n');
      const FromBuild = createRedisStore({ connection: a, keyPrefix: base });
      const store = new FromBuild({ ...handlerCtx, serverDistDir: path.join(root, 'server') });
      expect(store.entryPrefix).toBe(`${base}:entry:ban-dung-moi:`);
      await store.set('fetch-ban-dung', data({ x: 1 }), fetchCtx([]));
      expect(await raw.exists(`${base}:entry:ban-dung-moi:fetch-ban-dung`)).toBe(1);
      // The same key under the other build is not there.
      expect(await A().get('fetch-ban-dung', fetchCtx([]))).toBeNull();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    expect(redisKeyBase('https://toasoan.example.vn')).not.toBe(redisKeyBase('https://moi.example.vn'));
    expect(redisKeyBase('https://toasoan.example.vn/')).toBe(redisKeyBase('https://toasoan.example.vn'));
  });
});

describe('the Redis cache handler while Redis is unreachable', () => {
  let port: number;
  let url: string;
  let server: PrivateRedis | undefined;
  let connection: RedisCacheConnection;
  const base = uniqueBase();
  let Store: ReturnType<typeof createRedisStore>;
  const handler = () => new Store(handlerCtx);
  const warnings: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    server = await startPrivateRedis(port);
    connection = openRedisConnection(url);
    Store = withStorePolicy(createRedisStore({ connection, keyPrefix: base, buildId: 'b' }));
    handler();
    expect(await connection.ready(3_000)).toBe(true);
    vi.spyOn(console, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
    vi.spyOn(console, 'info').mockImplementation(() => {});
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    if (connection) await closeRedisConnection(connection);
    await server?.stop();
  });

  it('gives up within a second when Redis stops answering, and remembers the invalidation', async () => {
    const key = pageKey('/bai-viet/treo');
    await handler().set(key, page(200, 'treo'), setPageCtx);
    expect(await handler().get(key, pageCtx)).not.toBeNull();

    server!.pause(); // the socket stays open; nothing answers
    try {
      let started = Date.now();
      expect(await handler().get(key, pageCtx)).toBeNull();
      expect(Date.now() - started).toBeLessThan(1_200);
      started = Date.now();
      await expect(handler().revalidateTag(['article:treo'], { expire: 0 })).resolves.toBeUndefined();
      expect(Date.now() - started).toBeLessThan(1_200);
      expect(connection.pending.size).toBe(1);
    } finally {
      server!.resume();
    }
    // Redis answers again; the invalidation it missed still holds here, then reaches it.
    expect(await handler().get(key, pageCtx)).toBeNull();
    expect(await waitFor(() => connection.pending.size === 0, 3_000)).toBe(true);
    const probe = createClient({ url });
    await probe.connect();
    expect(await probe.get(`${base}:tag:article:treo`)).toContain('"expired"');
    probe.destroy();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Không dùng được Redis');
  });

  it('answers at once while Redis is down, logs once, and works again when it is back', async () => {
    const key = pageKey('/bai-viet/mat-ket-noi');
    await handler().set(key, page(200, 'mat-ket-noi'), setPageCtx);
    await server!.stop();
    expect(await waitFor(() => !connection.isReady, 2_000)).toBe(true);

    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      expect(await handler().get(key, pageCtx)).toBeNull();
      expect(Date.now() - started).toBeLessThan(1_200);
    }
    await expect(handler().set(key, page(200, 'mat-ket-noi'), setPageCtx)).resolves.toBeUndefined();
    await expect(handler().revalidateTag(['article:mat-ket-noi'], { expire: 0 })).resolves.toBeUndefined();
    await expect(handler().set(key, page(404, 'mat-ket-noi'), setPageCtx)).resolves.toBeUndefined();
    await sleep(300); // reconnection attempts fail meanwhile
    // The first test's warning counts: still one within the minute.
    expect(warnings).toHaveLength(1);

    await server!.start();
    const worksAgain = await waitFor(async () => {
      await handler().set(pageKey('/bai-viet/tro-lai'), page(200, 'tro-lai'), setPageCtx);
      return (await handler().get(pageKey('/bai-viet/tro-lai'), pageCtx)) !== null;
    }, 8_000);
    expect(worksAgain).toBe(true);
    // The invalidation made while Redis was down was written once it came back.
    expect(await waitFor(() => connection.pending.size === 0, 3_000)).toBe(true);
    const probe = createClient({ url });
    await probe.connect();
    expect(await probe.get(`${base}:tag:article:mat-ket-noi`)).toContain('"expired"');
    probe.destroy();
    expect(warnings).toHaveLength(1);
  });
});
