import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const SEARCH_PAGE_TTL_MS: number;
export declare const SEARCH_PAGE_MAX_ENTRIES: number;
export declare function createSearchPageCache(options?: { ttlMs?: number; maxEntries?: number; now?: () => number }): {
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  clear(): void;
  size(): number;
};
