/** The context Next constructs a cache handler with (the fields this app relies on). */
export type CacheHandlerContext = {
  fs?: unknown;
  serverDistDir?: string;
  flushToDisk?: boolean;
  revalidatedTags: string[];
  maxMemoryCacheSize?: number;
  dev?: boolean;
  _requestHeaders: Record<string, string | string[] | undefined>;
};

/** Next's cache-handler methods plus `delete`: what a store behind `withStorePolicy` implements. */
export interface CacheStore {
  get(key: string, ctx: Record<string, unknown>): Promise<{ value: unknown; lastModified?: number } | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache?(): void;
  delete(key: string, kind: string | undefined): Promise<void>;
}

export declare function withStorePolicy<S extends new (ctx: CacheHandlerContext) => CacheStore>(Store: S): S;

export declare class FileStore implements CacheStore {
  constructor(ctx: CacheHandlerContext);
  get(key: string, ctx: Record<string, unknown>): Promise<{ value: unknown; lastModified?: number } | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
  delete(key: string, kind: string | undefined): Promise<void>;
}

/** FileStore, or with REDIS_URL (outside `next build`) RedisStore, behind the store policy. */
declare const BoundedStore: new (ctx: CacheHandlerContext) => CacheStore & { resetRequestCache(): void };
export default BoundedStore;
