'use server';

import { EDITOR_ROLES } from '@/lib/auth/roles';
import { bulkArticlesSchema, commentSchema, newArticleSchema, trashTargetSchema, rejectSchema, restoreSchema, saveArticleSchema, scheduleSchema, transitionSchema } from '@/lib/validation/editorial';
import { bulkSummary } from '@/lib/bulk-articles';
import { adminAction } from '@/server/actions/admin-action';
import { refreshPublicPages } from '@/server/cache/refresh-public-pages';
import type { EditorialResult } from '@/server/editorial/article-state';
import { createArticleWithContent } from '@/server/editorial/create-article';
import { restoreRevision } from '@/server/editorial/restore-revision';
import { saveArticle } from '@/server/editorial/save-article';
import { publishArticle, rejectArticle, scheduleArticle, submitForReview, unpublishArticle, unscheduleArticle, withdrawArticle } from '@/server/editorial/transition-article';
import { runBulkArticleAction } from '@/server/editorial/bulk-articles';
import { restoreFromTrash } from '@/server/editorial/restore-from-trash';
import { trashArticle } from '@/server/editorial/trash-article';
import { revalidatePath } from 'next/cache';
import { addComment } from '@/server/comments/add-comment';
import { emailNotificationsAfterResponse } from '@/server/notifications/email-after-response';

// One action per button. adminAction checks who is calling and validates
// strictly (unknown keys such as `status` or `authorId` from a journalist
// are refused); the use case checks what this caller may do to this article.

/** The editor carries on from the article's new state; the public pages it touched are refreshed. */
function published(result: EditorialResult) {
  refreshPublicPages(result.impact);
  emailNotificationsAfterResponse();
  return result.article;
}

/** The first save of "Viết bài mới": makes the article's row with its content (the editor then saves by id). */
export const createArticleWithContentAction = adminAction({ schema: newArticleSchema }, async (input, user) => published(await createArticleWithContent(user, input)));

/** "Lưu nháp" (also the editor's autosave when the page is open). */
export const saveDraftAction = adminAction({ schema: saveArticleSchema }, async (input, user) => published(await saveArticle(user, input)));

/** "Gửi duyệt". */
export const submitForReviewAction = adminAction({ schema: transitionSchema }, async (input, user) => published(await submitForReview(user, input)));

/** "Xuất bản". */
export const publishArticleAction = adminAction({ schema: transitionSchema, roles: EDITOR_ROLES }, async (input, user) =>
  published(await publishArticle(user, input)),
);

/** "Hẹn giờ". */
export const scheduleArticleAction = adminAction({ schema: scheduleSchema, roles: EDITOR_ROLES }, async (input, user) =>
  published(await scheduleArticle(user, { ...input, publishAt: new Date(input.publishAt) })),
);

/** "Hủy hẹn giờ": back to the review queue. */
export const unscheduleArticleAction = adminAction({ schema: transitionSchema, roles: EDITOR_ROLES }, async (input, user) =>
  published(await unscheduleArticle(user, input)),
);

/** "Trả lại". */
export const rejectArticleAction = adminAction({ schema: rejectSchema, roles: EDITOR_ROLES }, async (input, user) =>
  published(await rejectArticle(user, input)),
);

/** "Gỡ bài". */
export const unpublishArticleAction = adminAction({ schema: transitionSchema, roles: EDITOR_ROLES }, async (input, user) =>
  published(await unpublishArticle(user, input)),
);

/** "Khôi phục" a revision. */
export const restoreRevisionAction = adminAction({ schema: restoreSchema }, async (input, user) => published(await restoreRevision(user, input)));

/** "Rút lại": the author takes a submitted article back to draft. */
export const withdrawArticleAction = adminAction({ schema: transitionSchema }, async (input, user) => published(await withdrawArticle(user, input)));

/** "Xóa": to the trash ("Thùng rác"); the use case says who may delete what. */
export const trashArticleAction = adminAction({ schema: trashTargetSchema }, async (input, user) => {
  const article = await trashArticle(user, input);
  revalidatePath('/admin/bai-viet');
  return article;
});

/** "Khôi phục" from the trash. */
export const restoreFromTrashAction = adminAction({ schema: trashTargetSchema, roles: EDITOR_ROLES, successMessage: 'Đã khôi phục bài viết.' }, async (input, user) => {
  const article = await restoreFromTrash(user, input);
  revalidatePath('/admin/bai-viet');
  return article;
});

/** A bulk action of the article list, reported article by article. */
export const bulkArticlesAction = adminAction({ schema: bulkArticlesSchema, roles: EDITOR_ROLES }, async (input, user) => {
  const { outcomes, impact } = await runBulkArticleAction(user, input);
  refreshPublicPages(impact);
  emailNotificationsAfterResponse();
  revalidatePath('/admin/bai-viet');
  return { outcomes, summary: bulkSummary(outcomes) };
});

/** A comment in the article's editorial thread ("Trao đổi"). */
export const addCommentAction = adminAction({ schema: commentSchema }, async (input, user) => {
  const comment = await addComment(user, input);
  emailNotificationsAfterResponse();
  return { ...comment, createdAt: comment.createdAt.toISOString() };
});
