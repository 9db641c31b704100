import 'server-only';
import { getArticleHeads } from '@/db/queries/articles-admin';
import { BULK_ACTIONS, mergeImpacts, type BulkActionName, type BulkOutcome } from '@/lib/bulk-articles';
import type { Actor } from '@/lib/editorial';
import { AppError } from '@/lib/http/errors';
import type { PublicImpact } from '@/lib/public-impact';
import type { EditorialResult } from './article-state';
import { resolveDeps, type EditorialDeps } from './context';
import { moveArticleToCategory } from './move-article';
import { publishArticle, rejectArticle, unpublishArticle } from './transition-article';
import { trashArticle } from './trash-article';

export type BulkInput = { ids: number[]; action: BulkActionName; categoryId?: number; note?: string };

/**
 * A bulk action of the article list: each article goes through the same use case as its
 * own button (its own transaction, its own checks), so one refused article neither stops
 * the others nor is changed; each one is reported. A missing article, or one the caller
 * may not see, is reported as not found.
 */
export async function runBulkArticleAction(actor: Actor, input: BulkInput, deps: EditorialDeps = {}): Promise<{ outcomes: BulkOutcome[]; impact: PublicImpact | null }> {
  const { db } = await resolveDeps(deps);
  const heads = new Map((await getArticleHeads(db, input.ids)).map((h) => [h.id, h]));
  const outcomes: BulkOutcome[] = [];
  const impacts: (PublicImpact | null)[] = [];
  for (const id of input.ids) {
    const head = heads.get(id);
    if (!head) {
      outcomes.push({ id, title: `#${id}`, ok: false, message: 'Không tìm thấy bài viết.' });
      continue;
    }
    try {
      const result = await runOne(actor, input, head, deps);
      impacts.push(result?.impact ?? null);
      outcomes.push({ id, title: head.title || '(Chưa có tiêu đề)', ok: true, message: `Đã ${BULK_ACTIONS[input.action].toLowerCase()}.` });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ id, title: head.title || '(Chưa có tiêu đề)', ok: false, message: error.message });
    }
  }
  return { outcomes, impact: mergeImpacts(impacts) };
}

async function runOne(actor: Actor, input: BulkInput, head: { id: number; version: number }, deps: EditorialDeps): Promise<EditorialResult | null> {
  const target = { articleId: head.id, version: head.version };
  switch (input.action) {
    case 'publish':
      return publishArticle(actor, target, deps);
    case 'reject':
      return rejectArticle(actor, { ...target, note: input.note ?? '' }, deps);
    case 'unpublish':
      return unpublishArticle(actor, target, deps);
    case 'move':
      return moveArticleToCategory(actor, { articleId: head.id, categoryId: input.categoryId! }, deps);
    case 'trash':
      await trashArticle(actor, { articleId: head.id }, deps);
      return null;
  }
}
