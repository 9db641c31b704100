'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { EDITOR_ROLES } from '@/lib/auth/roles';
import { rejectSchema, restoreSchema, saveArticleSchema, scheduleSchema, transitionSchema } from '@/lib/validation/editorial';
import { adminAction } from '@/server/actions/admin-action';
import { refreshPublicPages } from '@/server/cache/refresh-public-pages';
import type { EditorialResult } from '@/server/editorial/article-state';
import { createArticle } from '@/server/editorial/create-article';
import { restoreRevision } from '@/server/editorial/restore-revision';
import { saveArticle } from '@/server/editorial/save-article';
import { publishArticle, rejectArticle, scheduleArticle, submitForReview, unpublishArticle, unscheduleArticle } from '@/server/editorial/transition-article';

// One action per button. adminAction checks who is calling and validates
// strictly (unknown keys such as `status` or `authorId` from a journalist
// are refused); the use case checks what this caller may do to this article.

/** The editor carries on from the article's new state; the public pages it touched are refreshed. */
function published(result: EditorialResult) {
  refreshPublicPages(result.impact);
  return result.article;
}

/** "Viết bài mới": takes no input (the form posts nothing) and opens the new draft. */
export const createArticleAction = adminAction({ schema: z.unknown() }, async (_input, user) => {
  const article = await createArticle(user);
  redirect(`/admin/bai-viet/${article.id}`);
});

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
