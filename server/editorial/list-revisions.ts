import 'server-only';
import { getArticleAccess, getRevisionTexts, listRevisionRows, type RevisionListItem, type RevisionText } from '@/db/queries/articles-admin';
import { canView, type Actor } from '@/lib/editorial';
import { AppError } from '@/lib/http/errors';
import { articleNotFound, resolveDeps, type EditorialDeps } from './context';

export type { RevisionListItem };

async function assertCanViewArticle(actor: Actor, articleId: number, deps: EditorialDeps) {
  const { db } = await resolveDeps(deps);
  const access = await getArticleAccess(db, articleId);
  if (!access || !canView(actor, access)) throw articleNotFound();
  return db;
}

/** The revisions panel: newest first, for the author and moderators only. */
export async function listRevisions(actor: Actor, articleId: number, deps: EditorialDeps = {}): Promise<RevisionListItem[]> {
  const db = await assertCanViewArticle(actor, articleId, deps);
  return listRevisionRows(db, articleId);
}

/** The two revisions to compare, in the order asked; both must belong to the article. */
export async function getRevisionsForDiff(
  actor: Actor,
  articleId: number,
  ids: [number, number],
  deps: EditorialDeps = {},
): Promise<readonly [RevisionText, RevisionText]> {
  const db = await assertCanViewArticle(actor, articleId, deps);
  const rows = await getRevisionTexts(db, articleId, ids);
  const a = rows.find((r) => r.id === ids[0]);
  const b = rows.find((r) => r.id === ids[1]);
  if (!a || !b) throw new AppError('not_found', 'Không tìm thấy phiên bản.');
  return [a, b] as const;
}
