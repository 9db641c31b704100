'use server';

import { redirect } from 'next/navigation';
import {
  createArticle,
  publishArticle,
  rejectArticle,
  restoreRevision,
  saveArticle,
  scheduleArticle,
  submitForReview,
  unpublishArticle,
  type ArticleState,
} from '@/db/queries/editorial';
import { requireRole, requireUser } from '@/server/auth/session';
import { refreshPublicPages } from '@/server/cache/refresh-public-pages';
import { actionError, type ActionResult } from '@/lib/http/action-result';
import { rejectSchema, restoreSchema, saveArticleSchema, scheduleSchema, transitionSchema } from '@/lib/validation/editorial';

// One action per button. Each checks who is calling, validates strictly
// (unknown keys such as `status` or `authorId` from a journalist are refused)
// and hands the actor to the data layer, which checks what they may do.

/** "Viết bài mới". */
export async function createArticleAction(): Promise<void> {
  const user = await requireUser();
  const article = await createArticle(user);
  redirect(`/admin/bai-viet/${article.id}`);
}

/** "Lưu nháp" (also the editor's autosave when the page is open). */
export async function saveDraftAction(input: unknown): Promise<ActionResult<ArticleState>> {
  try {
    const user = await requireUser();
    const result = await saveArticle(user, saveArticleSchema.parse(input));
    refreshPublicPages(result.impact);
    return { ok: true, data: result.article };
  } catch (error) {
    return actionError(error);
  }
}

/** "Gửi duyệt". */
export async function submitForReviewAction(input: unknown): Promise<ActionResult<ArticleState>> {
  try {
    const user = await requireUser();
    const result = await submitForReview(user, transitionSchema.parse(input));
    refreshPublicPages(result.impact);
    return { ok: true, data: result.article };
  } catch (error) {
    return actionError(error);
  }
}

/** "Xuất bản". */
export async function publishArticleAction(input: unknown): Promise<ActionResult<ArticleState>> {
  try {
    const user = await requireRole('moderator', 'admin');
    const result = await publishArticle(user, transitionSchema.parse(input));
    refreshPublicPages(result.impact);
    return { ok: true, data: result.article };
  } catch (error) {
    return actionError(error);
  }
}

/** "Hẹn giờ". */
export async function scheduleArticleAction(input: unknown): Promise<ActionResult<ArticleState>> {
  try {
    const user = await requireRole('moderator', 'admin');
    const data = scheduleSchema.parse(input);
    const result = await scheduleArticle(user, { ...data, publishAt: new Date(data.publishAt) });
    refreshPublicPages(result.impact);
    return { ok: true, data: result.article };
  } catch (error) {
    return actionError(error);
  }
}

/** "Trả lại". */
export async function rejectArticleAction(input: unknown): Promise<ActionResult<ArticleState>> {
  try {
    const user = await requireRole('moderator', 'admin');
    const result = await rejectArticle(user, rejectSchema.parse(input));
    refreshPublicPages(result.impact);
    return { ok: true, data: result.article };
  } catch (error) {
    return actionError(error);
  }
}

/** "Gỡ bài". */
export async function unpublishArticleAction(input: unknown): Promise<ActionResult<ArticleState>> {
  try {
    const user = await requireRole('moderator', 'admin');
    const result = await unpublishArticle(user, transitionSchema.parse(input));
    refreshPublicPages(result.impact);
    return { ok: true, data: result.article };
  } catch (error) {
    return actionError(error);
  }
}

/** "Khôi phục" a revision. */
export async function restoreRevisionAction(input: unknown): Promise<ActionResult<ArticleState>> {
  try {
    const user = await requireUser();
    const result = await restoreRevision(user, restoreSchema.parse(input));
    refreshPublicPages(result.impact);
    return { ok: true, data: result.article };
  } catch (error) {
    return actionError(error);
  }
}
