// The route and data cache in Redis, shared by every instance (REDIS_URL): the same storage
// contract as FileStore in server/cache/isr-handler.mjs, which puts the store policy in front.
// Plain ESM for the same reason as that file: Next imports it at run time, outside the bundle.
//
// Layout, under a base of `toa-soan:isr:<hash of the site address>` (SITE_URL, as
// scripts/site-url-marker.mjs resolves it: a page carries it in its absolute URLs, so pages
// made under another address are never read):
//   <base>:entry:<build id>:<Next's key>  one cached value, with a Redis expiry
//   <base>:tag:<tag>                      when the tag was last invalidated (JSON)
//   <base>:revalidated                    pub/sub channel: "a tag changed, drop rendered pages"
// Entries belong to one build (a deploy never reads the previous one's pages); tag records
// do not, so an edit made on an instance still running the old build also hides the new
// build's copies during a rolling deploy.
//
// Redis being slow or down never reaches Next: every call gives up after COMMAND_BUDGET_MS,
// a read then answers "not cached" (Next renders) and a write is skipped.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createClient } from 'redis';
import { clearRenderedPages } from '../../lib/rendered-pages-hook.mjs';
import { resolvedSiteUrl } from '../../scripts/site-url-marker.mjs';
import { ValueKind } from './store-policy.mjs';

const require = createRequire(import.meta.url);

/** The longest any cache call waits on Redis, in total (ms). */
export const COMMAND_BUDGET_MS = 1_000;
/** The longest an entry is kept (s): a key nothing renders again leaves within a day. */
export const MAX_ENTRY_TTL_SECONDS = 86_400;
/** A tag record outlives every entry it can invalidate (ms past its latest timestamp). */
const TAG_RECORD_MARGIN_MS = (MAX_ENTRY_TTL_SECONDS + 3_600) * 1_000;
const WARNING_INTERVAL_MS = 60_000;
/** Commands in flight per connection; beyond it a call fails at once instead of piling up. */
const QUEUE_LIMIT = 1_000;
const MAX_RECONNECT_DELAY_MS = 3_000;
const REPLAY_INTERVAL_MS = 1_000;
const CACHE_TAGS_HEADER = 'x-next-cache-tags';
const CONNECTIONS = Symbol.for('toa-soan.redis-cache.connections');
const FAILED = Symbol('redis call failed');

/** The key base for a site address: entries made under another address are never read. */
export function redisKeyBase(siteUrl = resolvedSiteUrl(process.env)) {
  const address = String(siteUrl).trim().replace(/\/+$/, '');
  return `toa-soan:isr:${createHash('sha256').update(address).digest('hex').slice(0, 12)}`;
}

const buildIds = new Map();

/** `<distDir>/BUILD_ID` next to the server folder Next hands the handler. */
function readBuildId(serverDistDir) {
  if (!serverDistDir) return 'no-build-id';
  let id = buildIds.get(serverDistDir);
  if (id === undefined) {
    try {
      id = fs.readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim() || 'no-build-id';
    } catch {
      // `next dev` writes no BUILD_ID; its entries are kept apart from any build's.
      id = 'development';
    }
    buildIds.set(serverDistDir, id);
  }
  return id;
}

// ---------------------------------------------------------------------------------------------
// Values. App pages carry Buffers (rscData) and a Map of Buffers (segmentData); route bodies are
// Buffers. JSON keeps neither, so they are tagged: `{ $b: base64 }` and `{ $m: [[k, v], …] }`.
// A key of the value itself that starts with `$` gets one more, so no value is mistaken for a tag.

function encodeValue(value) {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return { $b: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (value instanceof Map) return { $m: [...value].map(([k, v]) => [encodeValue(k), encodeValue(v)]) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (typeof value.toJSON === 'function') return encodeValue(value.toJSON());
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) out[key.startsWith('$') ? `$${key}` : key] = encodeValue(item);
  }
  return out;
}

function decodeValue(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$b' && typeof value.$b === 'string') return Buffer.from(value.$b, 'base64');
  if (keys.length === 1 && keys[0] === '$m' && Array.isArray(value.$m)) {
    return new Map(value.$m.map(([k, v]) => [decodeValue(k), decodeValue(v)]));
  }
  const out = {};
  for (const key of keys) {
    // defineProperty: a stored `__proto__` key stays a key and never becomes the prototype.
    Object.defineProperty(out, key.startsWith('$$') ? key.slice(1) : key, {
      value: decodeValue(value[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function serializeEntry({ value, lastModified, cacheControl, tags }) {
  return JSON.stringify({ v: encodeValue(value), m: lastModified, c: cacheControl, t: tags });
}

function deserializeEntry(text) {
  const raw = JSON.parse(text);
  return { value: decodeValue(raw.v), lastModified: raw.m, cacheControl: raw.c ?? undefined, tags: Array.isArray(raw.t) ? raw.t : [] };
}

/**
 * How long Redis keeps an entry (s). A page or route is of no use past its `expire` (Next then
 * renders it anew before answering); a fetch or `unstable_cache` result is kept ten revalidate
 * periods (at least a minute), so a read after a quiet spell still gets the stale copy while
 * Next refreshes it. Nothing is kept more than a day.
 */
export function entryTtlSeconds(data, ctx) {
  const cap = (seconds) => Math.max(1, Math.min(MAX_ENTRY_TTL_SECONDS, Math.ceil(seconds)));
  if (data?.kind === ValueKind.FETCH) {
    const revalidate = typeof data.revalidate === 'number' ? data.revalidate : ctx?.revalidate;
    return typeof revalidate === 'number' && revalidate > 0 ? cap(Math.max(60, revalidate * 10)) : MAX_ENTRY_TTL_SECONDS;
  }
  const expire = ctx?.cacheControl?.expire;
  return typeof expire === 'number' && expire > 0 ? cap(expire) : MAX_ENTRY_TTL_SECONDS;
}

// ---------------------------------------------------------------------------------------------
// Tags, with Next's semantics (FileSystemCache.revalidateTag and tags-manifest.external.js):
// without durations a tag expires now; with durations it is stale now and, when
// `durations.expire` is given, expires that many seconds later. An entry is missing once an
// expiry that has come was set after it was made, and stale when a later stale mark exists.

function tagsOf(entry, ctx) {
  const tags = new Set([...(ctx?.tags ?? []), ...(ctx?.softTags ?? []), ...entry.tags]);
  const header = entry.value?.headers?.[CACHE_TAGS_HEADER];
  const list = Array.isArray(header) ? header.join(',') : header;
  if (typeof list === 'string') for (const tag of list.split(',')) if (tag) tags.add(tag);
  return [...tags];
}

function isExpired(record, lastModified, now) {
  return typeof record?.expired === 'number' && record.expired <= now && record.expired > lastModified;
}

function isStale(record, lastModified) {
  return typeof record?.stale === 'number' && record.stale > lastModified;
}

// Written atomically so that two instances, or an invalidation replayed after an outage, never
// lose one another's marks: the later call wins, as in Next's manifest; a late older one only
// adds what the record lacks. The record lives until its latest mark plus an entry's lifetime.
const WRITE_TAG_RECORD = `
local current = redis.call('GET', KEYS[1])
local record = {}
if current then
  local ok, decoded = pcall(cjson.decode, current)
  if ok and type(decoded) == 'table' then record = decoded end
end
local at = tonumber(ARGV[1])
local stale = tonumber(ARGV[2])
local expired = tonumber(ARGV[3])
if at >= (tonumber(record.at) or 0) then
  record.at = at
  if stale then record.stale = stale end
  if expired then record.expired = expired end
else
  if stale and stale > (tonumber(record.stale) or 0) then record.stale = stale end
  if expired and record.expired == nil then record.expired = expired end
end
local keep = math.max(tonumber(record.at) or 0, tonumber(record.stale) or 0, tonumber(record.expired) or 0) + tonumber(ARGV[4])
redis.call('SET', KEYS[1], cjson.encode(record), 'PXAT', string.format('%d', keep))
return 1
`;

function writeTagRecord(client, key, record) {
  return client.eval(WRITE_TAG_RECORD, {
    keys: [key],
    arguments: [String(record.at), record.stale === undefined ? '' : String(record.stale), record.expired === undefined ? '' : String(record.expired), String(TAG_RECORD_MARGIN_MS)],
  });
}

function parseTagRecord(text) {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

let nextTagsManifest;

/**
 * Marks tags stale in Next's own tag state, so IncrementalCache serves the entry once while it
 * renders a fresh one (stale-while-revalidate), as after a local revalidateTag with a profile.
 * False when this Next keeps that state elsewhere: the caller then treats the entry as missing.
 */
function markStaleForNext(staleTags) {
  if (nextTagsManifest === undefined) {
    try {
      // Internal module, shared by every bundle of the process (`.external`).
      nextTagsManifest = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js').tagsManifest ?? null;
    } catch {
      nextTagsManifest = null;
    }
  }
  if (!(nextTagsManifest instanceof Map)) return false;
  for (const [tag, stale] of staleTags) {
    const current = nextTagsManifest.get(tag) ?? {};
    if (!(current.stale >= stale)) nextTagsManifest.set(tag, { ...current, stale });
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Connections: one command client and one subscriber per process (sharedRedisConnection), on
// globalThis because Next constructs the handler per request and may load this file twice.

function withDeadline(promise, endsAt) {
  const left = endsAt - Date.now();
  if (left <= 0) return Promise.reject(new Error('Redis không trả lời kịp'));
  let timer;
  // Not unref'd: the connections are, so this timer is what keeps a script awaiting the cache
  // (a job invalidating tags) alive until Redis answers, one budget at most.
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis không trả lời trong ${COMMAND_BUDGET_MS} ms`)), left);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function redactedUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}

/** Exponential backoff with jitter, never giving up: Redis coming back is always picked up. */
function reconnectDelay(retries) {
  return Math.min(50 * 2 ** Math.min(retries, 10), MAX_RECONNECT_DELAY_MS) + Math.floor(Math.random() * 100);
}

class RedisCacheConnection {
  /** Tells this process's messages apart from other instances' on the channel. */
  id = randomUUID();
  /** Tag key → invalidation not yet in Redis; checked on reads and replayed when Redis is back. */
  pending = new Map();
  /** Channel → 'none' | 'pending' | 'active' for the subscriber. */
  #channels = new Map();
  #lastWarningAt = -Infinity;
  #outage = false;
  #everReady = false;
  #createdAt = Date.now();
  #firstReady;
  #lastReplayAt = -Infinity;
  #replaying = false;
  closed = false;

  constructor(url) {
    this.url = url;
    this.client = createClient({
      url,
      name: 'toa-soan-cache',
      // While disconnected a command fails at once instead of waiting in a queue for Redis.
      disableOfflineQueue: true,
      commandsQueueMaxLength: QUEUE_LIMIT,
      socket: { connectTimeout: COMMAND_BUDGET_MS, reconnectStrategy: reconnectDelay },
    });
    this.subscriber = this.client.duplicate({ name: 'toa-soan-cache-sub' });
    this.#firstReady = new Promise((resolve) => this.client.once('ready', resolve));
    this.client.on('error', (error) => this.unreachable(error));
    this.client.on('ready', () => this.#onReady());
    this.subscriber.on('error', (error) => this.unreachable(error));
    this.subscriber.on('ready', () => this.#subscribeAll());
    // Neither connection keeps a script that used the cache from exiting.
    this.client.unref();
    this.subscriber.unref();
    this.client.connect().catch(() => {});
    this.subscriber.connect().catch(() => {});
  }

  get isReady() {
    return this.client.isReady;
  }

  /** Resolves true once connected and listening on every channel, false after `timeoutMs`. */
  async ready(timeoutMs = COMMAND_BUDGET_MS) {
    const endsAt = Date.now() + timeoutMs;
    const ready = () =>
      this.client.isReady && this.subscriber.isReady && [...this.#channels.values()].every((state) => state === 'active');
    while (!ready() && !this.closed && Date.now() < endsAt) await new Promise((resolve) => setTimeout(resolve, 20));
    return ready();
  }

  /** Runs `command(client)` within the budget; FAILED instead of throwing. */
  async run(command, endsAt) {
    if (this.closed) return FAILED;
    if (!this.client.isReady) {
      // Just started: the first requests wait for the connection (within the budget) rather
      // than all rendering at once. Later, a disconnected client answers at once.
      if (this.#everReady || Date.now() - this.#createdAt > COMMAND_BUDGET_MS) return FAILED;
      await withDeadline(this.#firstReady, endsAt).catch(() => {});
      if (!this.client.isReady) return FAILED;
    }
    try {
      return await withDeadline(command(this.client), endsAt);
    } catch (error) {
      this.unreachable(error);
      return FAILED;
    }
  }

  unreachable(error) {
    if (this.closed) return;
    this.#outage = true;
    const now = Date.now();
    if (now - this.#lastWarningAt < WARNING_INTERVAL_MS) return;
    this.#lastWarningAt = now;
    const reason = error instanceof Error ? error.message || error.name : String(error);
    console.warn(
      `[bộ nhớ đệm] Không dùng được Redis (${redactedUrl(this.url)}): ${reason}. Trang được dựng lại và không được lưu chung cho tới khi Redis hoạt động trở lại; đang tự kết nối lại.`,
    );
  }

  /** Starts delivering another instance's invalidations on `channel` to this process. */
  listen(channel) {
    if (this.#channels.has(channel)) return;
    this.#channels.set(channel, 'none');
    if (this.subscriber.isReady) this.#subscribe(channel);
  }

  #subscribeAll() {
    for (const [channel, state] of this.#channels) if (state === 'none') this.#subscribe(channel);
  }

  #subscribe(channel) {
    // node-redis subscribes again by itself after a reconnect once the listener is in place;
    // only a subscription that never succeeded is retried here, on the next 'ready'.
    this.#channels.set(channel, 'pending');
    this.subscriber
      .subscribe(channel, (message) => this.#onMessage(message))
      .then(() => this.#channels.set(channel, 'active'))
      .catch((error) => {
        this.#channels.set(channel, 'none');
        this.unreachable(error);
      });
  }

  #onMessage(message) {
    try {
      if (JSON.parse(message)?.from === this.id) return;
    } catch {
      // Not one of ours, but something changed: dropping the rendered pages is always safe.
    }
    clearRenderedPages();
  }

  remember(key, record) {
    this.pending.set(key, record);
  }

  forget(key, record) {
    if (this.pending.get(key) === record) this.pending.delete(key);
  }

  #onReady() {
    this.#everReady = true;
    if (this.#outage) {
      this.#outage = false;
      console.info('[bộ nhớ đệm] Đã kết nối lại Redis.');
    }
    this.replayPending(true);
  }

  /** Writes the invalidations Redis missed; at most once a second unless `now`. */
  replayPending(now = false) {
    if (this.pending.size === 0 || this.#replaying || !this.client.isReady) return;
    if (!now && Date.now() - this.#lastReplayAt < REPLAY_INTERVAL_MS) return;
    this.#lastReplayAt = Date.now();
    this.#replaying = true;
    const batch = [...this.pending];
    this.run((client) => Promise.all(batch.map(([key, record]) => writeTagRecord(client, key, record))), Date.now() + COMMAND_BUDGET_MS)
      .then((result) => {
        if (result !== FAILED) for (const [key, record] of batch) this.forget(key, record);
      })
      .finally(() => {
        this.#replaying = false;
      });
  }

  close() {
    this.closed = true;
    this.client.destroy();
    this.subscriber.destroy();
  }
}

/** A connection of its own (another instance, as far as the cache can tell). */
export function openRedisConnection(url) {
  if (!url) throw new TypeError('Thiếu REDIS_URL cho bộ đệm Redis.');
  return new RedisCacheConnection(url);
}

/** The process's one connection to `url`. */
export function sharedRedisConnection(url) {
  const connections = (globalThis[CONNECTIONS] ??= new Map());
  let connection = connections.get(url);
  if (!connection || connection.closed) {
    connection = openRedisConnection(url);
    connections.set(url, connection);
  }
  return connection;
}

export async function closeRedisConnection(connection) {
  const connections = globalThis[CONNECTIONS];
  if (connections?.get(connection.url) === connection) connections.delete(connection.url);
  connection.close();
}

// ---------------------------------------------------------------------------------------------

/**
 * A store class for `withStorePolicy`. Next constructs it with its handler context only; the
 * options fix what that context cannot say (tests: a connection of their own, a key base).
 */
export function createRedisStore(options = {}) {
  return class RedisStore {
    constructor(ctx) {
      this.connection = options.connection ?? sharedRedisConnection(options.url ?? process.env.REDIS_URL);
      const base = options.keyPrefix ?? redisKeyBase();
      this.entryPrefix = `${base}:entry:${options.buildId ?? readBuildId(ctx?.serverDistDir)}:`;
      this.tagPrefix = `${base}:tag:`;
      this.channel = `${base}:revalidated`;
      this.connection.listen(this.channel);
    }

    resetRequestCache() {}

    async get(key, ctx) {
      const connection = this.connection;
      const endsAt = Date.now() + COMMAND_BUDGET_MS;
      connection.replayPending();
      const text = await connection.run((client) => client.get(this.entryPrefix + key), endsAt);
      if (text === FAILED || typeof text !== 'string') return null;
      let entry;
      try {
        entry = deserializeEntry(text);
      } catch {
        return null;
      }
      const tags = tagsOf(entry, ctx);
      if (tags.length > 0) {
        const keys = tags.map((tag) => this.tagPrefix + tag);
        const stored = await connection.run((client) => client.mGet(keys), endsAt);
        // Unverifiable tags: render rather than risk a page an editor has just changed.
        if (stored === FAILED) return null;
        const now = Date.now();
        const staleTags = [];
        for (let i = 0; i < tags.length; i++) {
          for (const record of [parseTagRecord(stored[i]), connection.pending.get(keys[i])]) {
            if (isExpired(record, entry.lastModified, now)) return null;
            if (isStale(record, entry.lastModified)) staleTags.push([tags[i], record.stale]);
          }
        }
        if (staleTags.length > 0 && !markStaleForNext(staleTags)) return null;
      }
      return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    }

    async set(key, data, ctx) {
      if (!data) return;
      const text = serializeEntry({
        value: data,
        lastModified: Date.now(),
        cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
        tags: ctx?.fetchCache && Array.isArray(ctx.tags) ? ctx.tags : [],
      });
      const ttl = entryTtlSeconds(data, ctx);
      await this.connection.run(
        (client) => client.set(this.entryPrefix + key, text, { expiration: { type: 'EX', value: ttl } }),
        Date.now() + COMMAND_BUDGET_MS,
      );
    }

    async delete(key) {
      await this.connection.run((client) => client.del(this.entryPrefix + key), Date.now() + COMMAND_BUDGET_MS);
    }

    async revalidateTag(tags, durations) {
      const list = (typeof tags === 'string' ? [tags] : (tags ?? [])).filter((tag) => typeof tag === 'string' && tag !== '');
      if (list.length === 0) return;
      const now = Date.now();
      /** @type {{ at: number, stale?: number, expired?: number }} */
      const record = { at: now };
      if (durations) {
        record.stale = now;
        if (typeof durations.expire === 'number') record.expired = now + durations.expire * 1_000;
      } else {
        record.expired = now;
      }
      const connection = this.connection;
      const keys = list.map((tag) => this.tagPrefix + tag);
      // Remembered here first: if Redis misses it, this instance still never serves the old page.
      for (const key of keys) connection.remember(key, record);
      const endsAt = Date.now() + COMMAND_BUDGET_MS;
      const written = await connection.run((client) => Promise.all(keys.map((key) => writeTagRecord(client, key, record))), endsAt);
      if (written === FAILED) return;
      for (const key of keys) connection.forget(key, record);
      await connection.run((client) => client.publish(this.channel, JSON.stringify({ from: connection.id, tags: list })), endsAt);
    }
  };
}

/** The store Next constructs: REDIS_URL, the SITE_URL namespace, the build's id. */
export const RedisStore = createRedisStore();
