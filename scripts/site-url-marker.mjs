// A page cached under one SITE_URL carries it in every absolute URL (canonical, og:url, JSON-LD,
// the feed links), so after SITE_URL changes none of those pages may be served again. The
// production server records the address it last served under in the build's cache folder;
// when it starts under another one (or for the first time after a build, whose prerendered
// pages used the build's environment), it expires every cached page of this process before
// the first request: all of them carry the root layout's implicit tag. A shared store (Redis,
// server/cache/redis-store.mjs) keeps its entries under the address's own namespace instead.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Next's implicit tag of the root layout, which every page of the app carries. */
export const EVERY_PAGE_TAG = '_N_T_/layout';
const MARKER = 'toa-soan-site-url';

/** The address every absolute URL is built from, as lib/site-url.ts resolves it. */
export function resolvedSiteUrl(environment) {
  const configured = String(environment.SITE_URL ?? '').trim();
  return (configured || `http://localhost:${environment.PORT || '3000'}`).replace(/\/+$/, '');
}

/**
 * Compares `siteUrl` with the one recorded in `<distDir>/cache`, records it, and says whether
 * the cached pages were made under another address (or the record is missing).
 */
export function siteUrlChanged(distDir, siteUrl) {
  const file = path.join(distDir, 'cache', MARKER);
  let previous = null;
  try {
    previous = fs.readFileSync(file, 'utf8').trim();
  } catch {
    // First start after a build.
  }
  if (previous === siteUrl) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${siteUrl}\n`);
  return true;
}

/** Expires every page in this process's route cache, as revalidateTag(…, { expire: 0 }) would. */
export async function expireEveryCachedPage() {
  const require = createRequire(import.meta.url);
  // The same module instance the server's cache reads its tag state from.
  const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;
  await FileSystemCache.prototype.revalidateTag.call(null, [EVERY_PAGE_TAG], { expire: 0 });
}
