import type { CacheHandlerContext, CacheStore } from './isr-handler.mjs';

/** The longest any cache call waits on Redis, in total (ms). */
export declare const COMMAND_BUDGET_MS: number;
/** The longest an entry is kept (s). */
export declare const MAX_ENTRY_TTL_SECONDS: number;

/** Invalidation marks of one tag, as stored under `<base>:tag:<tag>` (ms since the epoch). */
export type TagRecord = { at: number; stale?: number; expired?: number };

/** One process's command client and subscriber. */
export interface RedisCacheConnection {
  /** Identifies this process's messages on the invalidation channel. */
  readonly id: string;
  readonly url: string;
  readonly isReady: boolean;
  readonly closed: boolean;
  /** Tag key → invalidation Redis has not recorded yet. */
  readonly pending: ReadonlyMap<string, TagRecord>;
  /** True once connected and listening, false after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<boolean>;
}

export type RedisStoreOptions = {
  /** Default: REDIS_URL. */
  url?: string;
  /** Default: the process's shared connection to `url`. */
  connection?: RedisCacheConnection;
  /** Default: redisKeyBase() (from SITE_URL). */
  keyPrefix?: string;
  /** Default: `<distDir>/BUILD_ID` next to `ctx.serverDistDir`. */
  buildId?: string;
};

export declare class RedisStore implements CacheStore {
  constructor(ctx: CacheHandlerContext);
  readonly connection: RedisCacheConnection;
  readonly entryPrefix: string;
  readonly tagPrefix: string;
  readonly channel: string;
  get(key: string, ctx: Record<string, unknown>): Promise<{ value: unknown; lastModified?: number; cacheControl?: unknown } | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
  delete(key: string, kind?: string): Promise<void>;
}

export declare function createRedisStore(options?: RedisStoreOptions): typeof RedisStore;
export declare function redisKeyBase(siteUrl?: string): string;
export declare function entryTtlSeconds(data: unknown, ctx: Record<string, unknown> | undefined): number;
export declare function openRedisConnection(url: string): RedisCacheConnection;
export declare function sharedRedisConnection(url: string): RedisCacheConnection;
export declare function closeRedisConnection(connection: RedisCacheConnection): Promise<void>;
