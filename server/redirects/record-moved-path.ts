import 'server-only';
import type { Executor } from '@/db/client';
import { deleteRedirectFrom, retargetRedirects, upsertRedirect, type RedirectSource } from '@/db/queries/redirects';

/**
 * A public page moved from `oldPath` to `newPath` (a published article's or a category's
 * new slug): the old path answers 308 to the new one, and so does every older path that
 * led to the old one (chains collapse: A→B then B→C stores A→C and B→C). The new path is
 * live, so a row that redirected away from it goes. Run inside the change's transaction.
 */
export async function recordMovedPath(
  tx: Executor,
  move: { oldPath: string; newPath: string; source: Exclude<RedirectSource, 'manual'>; actorId: number | null },
): Promise<void> {
  if (move.oldPath === move.newPath) return;
  await deleteRedirectFrom(tx, move.newPath);
  await retargetRedirects(tx, move.oldPath, move.newPath);
  await upsertRedirect(tx, { fromPath: move.oldPath, toPath: move.newPath, source: move.source, createdBy: move.actorId });
}
