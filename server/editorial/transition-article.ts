import 'server-only';
import { updateArticleRow } from '@/db/queries/articles-admin';
import { recordAudit, type AuditAction } from '@/db/queries/audit';
import type { Article } from '@/db/schema';
import { canPerform, readinessProblem, scheduleProblem, transitionRefusal, type Actor, type TransitionName } from '@/lib/editorial';
import { articleStateOf, type EditorialResult } from './article-state';
import { editorialForbidden, editorialInvalid, inTransaction, resolveDeps, type EditorialDeps } from './context';
import { assertCurrentVersion, lockArticleForChange } from './lock-article';
import { impactOfNames, publicNamesIfPublished } from './public-impact';
import { storeRevision } from './store-revision';
import { insertComment } from '@/db/queries/comments';
import { followArticle } from '@/db/queries/notifications';
import { notifyArticleEvent } from '@/server/notifications/notify-article-event';

type TransitionInput = { articleId: number; version: number };
type ButtonName = Exclude<TransitionName, 'revise'>;

/** Who is told about a button: the editors of a submission, the authors of the rest (server/notifications). */
const notificationOf: Partial<Record<ButtonName, 'submitted' | 'returned' | 'published' | 'scheduled'>> = {
  submit: 'submitted',
  reject: 'returned',
  publish: 'published',
  schedule: 'scheduled',
};

const auditActionOf: Record<ButtonName, AuditAction> = {
  submit: 'article.submitted',
  withdraw: 'article.withdrawn',
  publish: 'article.published',
  schedule: 'article.scheduled',
  unschedule: 'article.unscheduled',
  reject: 'article.rejected',
  unpublish: 'article.unpublished',
};

/**
 * One state change, the same way for every button: lock, 404 for whoever
 * may not see the article, 403 for a move the workflow table refuses, 409
 * for a stale version, 422 for an article not ready, then the change, its
 * revision and its audit line in one transaction.
 */
async function transitionArticle(
  actor: Actor,
  name: ButtonName,
  input: TransitionInput,
  deps: EditorialDeps,
  change: (now: Date) => Partial<Article>,
  note: string | null = null,
): Promise<EditorialResult> {
  const { db, now } = await resolveDeps(deps);
  return inTransaction(db, async (tx) => {
    const row = await lockArticleForChange(tx, actor, input);
    if (!canPerform(actor, name, row, now)) throw editorialForbidden(transitionRefusal(actor, row));
    await assertCurrentVersion(tx, row, input.version);
    const notReady = readinessProblem(name, row);
    if (notReady) throw editorialInvalid(notReady);
    const before = await publicNamesIfPublished(tx, row);
    const updated = await updateArticleRow(tx, row.id, { ...change(now), version: row.version + 1, updatedAt: now });
    await storeRevision(tx, updated, actor, name, now, note);
    // The return note opens the editorial thread, where the author can answer it; like any commenter, its writer follows the article.
    if (name === 'reject' && note) {
      await insertComment(tx, { articleId: row.id, authorId: actor.id, kind: 'return_note', body: note, createdAt: now });
      await followArticle(tx, row.id, actor.id);
    }
    const notification = notificationOf[name];
    if (notification) await notifyArticleEvent(tx, { kind: notification, actor, article: updated });
    await recordAudit(
      {
        actorId: actor.id,
        action: auditActionOf[name],
        targetType: 'article',
        targetId: row.id,
        details: { from: row.status, to: updated.status, version: updated.version, ...(note ? { note } : {}) },
      },
      tx,
    );
    // A transition either leaves the public site or joins it: the names on the public side are the ones to refresh.
    return { article: articleStateOf(updated), impact: impactOfNames(before ?? (await publicNamesIfPublished(tx, updated))) };
  });
}

/** "Gửi duyệt". */
export function submitForReview(actor: Actor, input: TransitionInput, deps: EditorialDeps = {}) {
  return transitionArticle(actor, 'submit', input, deps, () => ({ status: 'pending', reviewNote: null }));
}

/** "Rút lại": the author takes a submitted article back to draft. */
export function withdrawArticle(actor: Actor, input: TransitionInput, deps: EditorialDeps = {}) {
  return transitionArticle(actor, 'withdraw', input, deps, () => ({ status: 'draft' }));
}

/** "Xuất bản": live now. */
export function publishArticle(actor: Actor, input: TransitionInput, deps: EditorialDeps = {}) {
  return transitionArticle(actor, 'publish', input, deps, (now) => ({ status: 'published', publishedAt: now, reviewNote: null }));
}

/** "Hẹn giờ": published with a future time; public queries show it once the time has come. */
export async function scheduleArticle(actor: Actor, input: TransitionInput & { publishAt: Date }, deps: EditorialDeps = {}) {
  const now = deps.now ?? new Date();
  const tooSoon = scheduleProblem(input.publishAt, now);
  if (tooSoon) throw editorialInvalid(tooSoon);
  return transitionArticle(actor, 'schedule', input, { ...deps, now }, () => ({ status: 'published', publishedAt: input.publishAt, reviewNote: null }));
}

/** "Hủy hẹn giờ": a scheduled article goes back to the review queue, with no publication time. */
export function unscheduleArticle(actor: Actor, input: TransitionInput, deps: EditorialDeps = {}) {
  return transitionArticle(actor, 'unschedule', input, deps, () => ({ status: 'pending', publishedAt: null }));
}

/** "Trả lại" with the moderator's note, shown to the author on the dashboard. */
export function rejectArticle(actor: Actor, input: TransitionInput & { note: string }, deps: EditorialDeps = {}) {
  return transitionArticle(actor, 'reject', input, deps, () => ({ status: 'rejected', reviewNote: input.note }), input.note);
}

/** "Gỡ bài". */
export function unpublishArticle(actor: Actor, input: TransitionInput, deps: EditorialDeps = {}) {
  return transitionArticle(actor, 'unpublish', input, deps, () => ({ status: 'archived' }));
}
