import 'server-only';
import { getArticleAccess } from '@/db/queries/articles-admin';
import { deletePresence, listOthersPresent, touchPresence, type PresentUser } from '@/db/queries/editorial-list';
import { canView, PRESENCE_TTL_MS, type Actor } from '@/lib/editorial';
import { articleNotFound, resolveDeps, type EditorialDeps } from './context';

/**
 * Records that `actor` has the article open and returns who else does.
 * Purely informational: it never locks or blocks anyone.
 */
export async function heartbeatPresence(actor: Actor, articleId: number, deps: EditorialDeps = {}): Promise<PresentUser[]> {
  const { db, now } = await resolveDeps(deps);
  const access = await getArticleAccess(db, articleId);
  if (!access || !canView(actor, access)) throw articleNotFound();
  await touchPresence(articleId, actor.id, { db, now });
  return listOthersPresent(articleId, actor.id, new Date(now.getTime() - PRESENCE_TTL_MS), { db });
}

/** Leaving the editor: the notice disappears for others at once instead of after the TTL. */
export async function leavePresence(actor: Actor, articleId: number, deps: EditorialDeps = {}): Promise<void> {
  await deletePresence(articleId, actor.id, deps);
}
