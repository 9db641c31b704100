import type { ArticleStatus, UserRole } from '@/db/schema';
import { EDITOR_ROLES, isEditor, USER_ROLES } from '@/lib/auth/roles';

/**
 * The editorial workflow as data, and every rule of it. Each named
 * transition is one button in the editor; there is no generic "set status".
 * A scheduled article ("Hẹn giờ") is `published` with a future
 * `publishedAt`: public queries filter on time. The use cases in
 * server/editorial/* ask these functions and do only the I/O.
 */
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'pending', 'published', 'rejected', 'archived'];

/** The status as the workflow sees it: a `published` article whose time has not come is `scheduled`. */
export type WorkflowState = ArticleStatus | 'scheduled';
export const WORKFLOW_STATES: readonly WorkflowState[] = [...ARTICLE_STATUSES, 'scheduled'];

export function workflowState(status: ArticleStatus, publishedAt: Date | string | null | undefined, now = new Date()): WorkflowState {
  return status === 'published' && publishedAt && new Date(publishedAt).getTime() > now.getTime() ? 'scheduled' : status;
}

export type TransitionName = 'submit' | 'withdraw' | 'publish' | 'schedule' | 'unschedule' | 'reject' | 'unpublish' | 'revise';

type TransitionRule = { from: readonly WorkflowState[]; to: ArticleStatus; roles: readonly UserRole[] };

export const transitions: Record<TransitionName, TransitionRule> = {
  /** "Gửi duyệt": a draft (or a returned article) goes to the review queue. */
  submit: { from: ['draft', 'rejected'], to: 'pending', roles: USER_ROLES },
  /** "Rút lại": the author takes a submitted article back to draft before anyone reviews it. */
  withdraw: { from: ['pending'], to: 'draft', roles: USER_ROLES },
  /** "Xuất bản": moderators publish what was submitted, their own drafts, re-publish a withdrawn article, or publish a scheduled one now ("Xuất bản ngay"). */
  publish: { from: ['draft', 'pending', 'archived', 'scheduled'], to: 'published', roles: EDITOR_ROLES },
  /** "Hẹn giờ": the same move as publishing, with a future time; on a scheduled article, "Đổi giờ đăng". */
  schedule: { from: ['draft', 'pending', 'archived', 'scheduled'], to: 'published', roles: EDITOR_ROLES },
  /** "Hủy hẹn giờ": back to the review queue, off the schedule. */
  unschedule: { from: ['scheduled'], to: 'pending', roles: EDITOR_ROLES },
  /** "Trả lại": back to the author with a note. */
  reject: { from: ['pending'], to: 'rejected', roles: EDITOR_ROLES },
  /** "Gỡ bài": off the public site (or off the schedule, into the archive). */
  unpublish: { from: ['published', 'scheduled'], to: 'archived', roles: EDITOR_ROLES },
  /** A returned article becomes a draft again on its author's next save (see statusAfterEdit). */
  revise: { from: ['rejected'], to: 'draft', roles: USER_ROLES },
};

/** Whether a user with `role` may use the named transition on an article in `from` (ownership is checked by canPerform). */
export function canUseTransition(role: UserRole, name: TransitionName, from: WorkflowState): boolean {
  const rule = transitions[name];
  return rule.roles.includes(role) && rule.from.includes(from);
}

export type Actor = { id: number; role: UserRole };
export type ArticleAccess = { authorId: number; status: ArticleStatus; publishedAt?: Date | string | null };

/** Journalists edit only their own drafts and returned articles; moderators and admins edit anything. */
export function canEdit(user: Actor, article: ArticleAccess): boolean {
  if (isEditor(user.role)) return true;
  return article.authorId === user.id && (article.status === 'draft' || article.status === 'rejected');
}

/** Who may open an article in the admin (read-only or not) and preview it: its author and moderators. */
export function canView(user: Actor, article: Pick<ArticleAccess, 'authorId'>): boolean {
  return isEditor(user.role) || article.authorId === user.id;
}

/** Journalists may submit only their own work; only the author withdraws (an editor returns it instead). */
export function canPerform(user: Actor, name: TransitionName, article: ArticleAccess, now = new Date()): boolean {
  if (!canUseTransition(user.role, name, workflowState(article.status, article.publishedAt, now))) return false;
  if (name === 'withdraw') return article.authorId === user.id;
  return isEditor(user.role) || article.authorId === user.id;
}

/** How long a deleted article stays in "Thùng rác", restorable, before it is removed for good. */
export const TRASH_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Why `user` may not move an article to the trash, or null. Nothing public goes there:
 * a published or scheduled article is unpublished ("Gỡ bài") first. A journalist deletes
 * only their own drafts that never went out (no publication time ever set).
 */
export function trashRefusal(user: Actor, article: ArticleAccess & { deletedAt?: Date | string | null }, now = new Date()): string | null {
  if (article.deletedAt) return 'Bài viết đã ở trong thùng rác.';
  const state = workflowState(article.status, article.publishedAt, now);
  if (state === 'published' || state === 'scheduled') return 'Bài đang xuất bản hoặc hẹn giờ: hãy gỡ bài trước khi xóa.';
  if (isEditor(user.role)) return null;
  if (article.authorId !== user.id) return 'Bạn chỉ được xóa bài của chính mình.';
  if (!(article.status === 'draft' || article.status === 'rejected') || article.publishedAt) return 'Phóng viên chỉ được xóa bản nháp chưa từng xuất bản.';
  return null;
}

/** Only editors see the trash and restore from it. */
export function canUseTrash(role: UserRole): boolean {
  return isEditor(role);
}

/** Trashed before this instant: removed for good by the housekeeping job. */
export function trashPurgeCutoff(now: Date): Date {
  return new Date(now.getTime() - TRASH_RETENTION_DAYS * DAY_MS);
}

/** Days, rounded up, an article trashed at `deletedAt` has left before it is removed. */
export function trashDaysLeft(deletedAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((deletedAt.getTime() + TRASH_RETENTION_DAYS * DAY_MS - now.getTime()) / DAY_MS));
}

/** Why `user` may not perform `name` on an article they can see: a wrong state, or not theirs to move. */
export function transitionRefusal(user: Actor, article: ArticleAccess): string {
  return isEditor(user.role) || article.authorId === user.id
    ? 'Không thể thực hiện thao tác này khi bài đang ở trạng thái hiện tại.'
    : 'Bạn không có quyền thực hiện thao tác này.';
}

/** Why `user` may not edit an article they can see. */
export function editRefusal(article: ArticleAccess): string {
  return article.status === 'pending' ? 'Bài đang chờ duyệt: bạn chỉ sửa được khi bài được trả lại.' : 'Bạn không có quyền sửa bài viết này.';
}

/**
 * The status an edit leaves behind: a returned article becomes a draft again
 * when it is edited (the `revise` transition); every other status stays.
 */
export function statusAfterEdit(role: UserRole, status: ArticleStatus): ArticleStatus {
  return canUseTransition(role, 'revise', status) ? transitions.revise.to : status;
}

/** Transitions that put an article in front of a moderator or the public: it must be complete. */
const NEEDS_READY_ARTICLE: readonly TransitionName[] = ['submit', 'publish', 'schedule'];

export type ArticleContent = { title: string; bodyText: string; categoryId: number | null };

/** Why an article is not ready for `name` ("Gửi duyệt", "Xuất bản", "Hẹn giờ"), or null when it is. */
export function readinessProblem(name: TransitionName, article: ArticleContent): string | null {
  if (!NEEDS_READY_ARTICLE.includes(name)) return null;
  if (!article.title.trim()) return 'Bài viết cần có tiêu đề.';
  if (!article.bodyText.trim()) return 'Bài viết cần có nội dung.';
  if (!article.categoryId) return 'Hãy chọn chuyên mục cho bài viết.';
  return null;
}

/** "Hẹn giờ" must be at least this far ahead, so the schedule is a real choice and not a race with the clock. */
export const SCHEDULE_MIN_LEAD_MS = 60_000;

export function scheduleProblem(publishAt: Date, now: Date): string | null {
  return publishAt.getTime() <= now.getTime() + SCHEDULE_MIN_LEAD_MS ? 'Giờ hẹn phải ở tương lai (ít nhất một phút nữa).' : null;
}

/**
 * Fields only editors may change on save: the byline (another author) and
 * "tin nổi bật". Returns why the change is refused, or null.
 */
export function editorOnlyChangeProblem(
  user: Actor,
  current: { authorId: number; featured: boolean },
  requested: { authorId?: number; featured?: boolean },
): string | null {
  if (isEditor(user.role)) return null;
  if (requested.authorId !== undefined && requested.authorId !== current.authorId) return 'Chỉ biên tập viên được đổi tác giả.';
  if (requested.featured !== undefined && requested.featured !== current.featured) return 'Chỉ biên tập viên được đặt tin nổi bật.';
  return null;
}

/** How long an autosave keeps folding into the same revision before a new one starts. */
export const AUTOSAVE_REVISION_WINDOW_MS = 10 * 60_000;

/**
 * Autosaves every few seconds fold into one revision per editing session:
 * the last revision is overwritten when it is this editor's autosave from
 * less than ten minutes ago.
 */
export function foldsIntoLastRevision(
  last: { action: string; editorId: number | null; createdAt: Date } | null,
  editorId: number,
  now: Date,
): boolean {
  return Boolean(last && last.action === 'autosave' && last.editorId === editorId && now.getTime() - last.createdAt.getTime() < AUTOSAVE_REVISION_WINDOW_MS);
}

/**
 * An autosave of a published article is kept as a revision only: half-typed
 * edits never go live until someone presses "Cập nhật bài".
 */
export function autosaveKeepsLiveVersion(status: ArticleStatus, autosave: boolean | undefined): boolean {
  return Boolean(autosave) && status === 'published';
}

/** Only a published article has public pages to refresh when it changes. */
export function touchesPublicPages(status: ArticleStatus): boolean {
  return status === 'published';
}

/** Whose articles a list shows: a journalist only their own, an editor everyone's or the author they filtered on. */
export function listedAuthorFor(user: Actor, requestedAuthor: number | undefined): number | undefined {
  return isEditor(user.role) ? requestedAuthor : user.id;
}

/** "X đang mở bài này": a heartbeat older than this no longer counts, so the notice expires by itself. */
export const PRESENCE_TTL_MS = 45_000;

/** The slug of a fresh, untitled draft: unique and obviously provisional; the first save replaces it. */
export function provisionalDraftSlug(now: Date, random: string): string {
  return `nhap-${now.getTime().toString(36)}-${random}`;
}

export const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Nháp',
  pending: 'Chờ duyệt',
  published: 'Đã xuất bản',
  rejected: 'Bị trả lại',
  archived: 'Đã gỡ',
};

/** The label shown for a published article whose time has not come yet. */
export function displayStatus(status: ArticleStatus, publishedAt: Date | string | null, now = new Date()): string {
  return workflowState(status, publishedAt, now) === 'scheduled' ? 'Hẹn giờ' : statusLabels[status];
}
