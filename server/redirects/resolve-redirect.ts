import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { findRedirectTargets } from '@/db/queries/redirects';
import { redirectDestination, redirectLookups } from '@/lib/redirects';

/**
 * Where an old public path now lives, or null. Asked only by a page that found nothing
 * at its path (an unknown article or category, an unknown URL), so a live page never
 * pays for it; one indexed read covers the path and its category prefix. On the primary:
 * the answer is kept in the route cache (db/index.ts getReadDb).
 */
export async function resolveRedirect(path: string, db?: Executor): Promise<string | null> {
  const lookups = redirectLookups(path);
  const targets = await findRedirectTargets(db ?? (await getDb()), lookups.map((l) => l.source));
  for (const { source, suffix } of lookups) {
    const target = targets.get(source);
    if (target) return redirectDestination(target, suffix);
  }
  return null;
}
