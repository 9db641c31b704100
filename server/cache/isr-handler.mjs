// The route and data cache handler (next.config.mjs `cacheHandler`): Next's
// own file-system cache, the one it uses when no handler is configured, with
// one change — values `isStorable` refuses (a 404 for an invented URL, a null
// data result) are never written, and whatever the key held before is
// deleted. Plain ESM: Next imports this file at run time (and in build
// workers), outside the bundle, so it cannot be TypeScript on Node 20.
//
// The storage contract, for another store: a class with Next's cache-handler
// methods — `get(key, ctx)`, `set(key, data, ctx)`, `revalidateTag(tags,
// durations)`, `resetRequestCache()` — constructed with Next's handler
// context, plus `delete(key, kind)`. `withStorePolicy(Store)` puts the policy
// in front. With REDIS_URL the store is Redis, shared by every instance
// (server/cache/redis-store.mjs); `next build` keeps the files, so a build
// never needs Redis and never fills it with the build's own renders.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { clearRenderedPages } from '../../lib/rendered-pages-hook.mjs';
import { RedisStore } from './redis-store.mjs';
import { isStorable, ValueKind } from './store-policy.mjs';

const require = createRequire(import.meta.url);
// Internal path, checked by tests/unit/isr-handler.test.ts against the installed Next.
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;

/** The cache kind of a `set` call: the value's own kind, else the context's. */
function kindOf(data, ctx) {
  if (data && typeof data === 'object' && typeof data.kind === 'string') return data.kind;
  if (ctx?.fetchCache) return ValueKind.FETCH;
  return ctx?.kind;
}

/**
 * Wraps a store so that refused values are not written. A refused value for
 * a key that held one (an article since unpublished: its page now renders
 * 404) deletes the old entry, so neither a restart (tag invalidations are not
 * persisted) nor a stale-while-revalidate read can bring it back. A tag
 * invalidation also drops the rendered pages the server keeps.
 *
 * @template {new (...args: any[]) => { set(key: string, data: unknown, ctx: any): Promise<void>; delete(key: string, kind: string | undefined): Promise<void> }} S
 * @param {S} Store
 */
export function withStorePolicy(Store) {
  return class BoundedCacheHandler extends Store {
    async set(key, data, ctx) {
      if (isStorable(data)) return super.set(key, data, ctx);
      await this.delete(key, kindOf(data, ctx));
    }

    // The finished pages the production server keeps for a moment (scripts/rendered-page-cache.mjs)
    // go with any tag: a revalidated page is not answered from there either.
    async revalidateTag(tags, durations) {
      clearRenderedPages();
      return super.revalidateTag(tags, durations);
    }
  };
}

// What one page or route entry is made of on disk, primary payload first: a
// reader that misses it treats the entry as absent.
const RESPONSE_FILE_SUFFIXES = ['.html', '.body', '.meta', '.rsc', '.json', '.segments'];

/** Next's file-system cache plus the `delete` the policy needs. */
export class FileStore extends FileSystemCache {
  async delete(key, kind) {
    FileSystemCache.memoryCache?.remove?.(key);
    if (!this.flushToDisk) return;
    if (kind === ValueKind.FETCH) {
      await fs.rm(this.getFilePath(key, ValueKind.FETCH), { force: true });
    } else if (kind === ValueKind.APP_PAGE || kind === ValueKind.APP_ROUTE || kind === ValueKind.PAGES) {
      for (const suffix of RESPONSE_FILE_SUFFIXES) {
        await fs.rm(this.getFilePath(`${key}${suffix}`, kind), { recursive: true, force: true });
      }
    }
  }
}

const building = process.env.NEXT_PHASE === 'phase-production-build';

export default withStorePolicy(process.env.REDIS_URL && !building ? RedisStore : FileStore);
