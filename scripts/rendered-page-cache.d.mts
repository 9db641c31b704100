import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const PAGE_TTL_MS: number;
export declare const SEARCH_PAGE_TTL_MS: number;
export declare const STALE_LIMIT_MS: number;
export declare const RENDERED_PAGE_MAX_ENTRIES: number;
export declare function sharedLifetimeMs(cacheControl: unknown): number | null;
export declare function acceptsGzip(acceptEncoding: unknown): boolean;
export declare function createRenderedPageCache(options?: {
  pageTtlMs?: number;
  searchTtlMs?: number;
  staleLimitMs?: number;
  maxEntries?: number;
  now?: () => number;
}): { serve(req: IncomingMessage, res: ServerResponse): boolean; clear(): void; size(): number };
