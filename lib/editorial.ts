import type { ArticleStatus, UserRole } from '@/db/schema';

/**
 * The editorial workflow as data. Each named transition is one button in the
 * editor; there is no generic "set status". A scheduled article ("Hẹn giờ")
 * is `published` with a future `publishedAt`: public queries filter on time.
 */
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'pending', 'published', 'rejected', 'archived'];
export const USER_ROLES: readonly UserRole[] = ['journalist', 'moderator', 'admin'];

export type TransitionName = 'submit' | 'publish' | 'schedule' | 'reject' | 'unpublish' | 'revise';

type TransitionRule = { from: readonly ArticleStatus[]; to: ArticleStatus; roles: readonly UserRole[] };

const EDITORS: readonly UserRole[] = ['moderator', 'admin'];
const EVERYONE: readonly UserRole[] = ['journalist', 'moderator', 'admin'];

export const transitions: Record<TransitionName, TransitionRule> = {
  /** "Gửi duyệt": a draft (or a returned article) goes to the review queue. */
  submit: { from: ['draft', 'rejected'], to: 'pending', roles: EVERYONE },
  /** "Xuất bản": moderators publish what was submitted, their own drafts, or re-publish a withdrawn article. */
  publish: { from: ['draft', 'pending', 'archived'], to: 'published', roles: EDITORS },
  /** "Hẹn giờ": the same move as publishing, with a future time. */
  schedule: { from: ['draft', 'pending', 'archived'], to: 'published', roles: EDITORS },
  /** "Trả lại": back to the author with a note. */
  reject: { from: ['pending'], to: 'rejected', roles: EDITORS },
  /** "Gỡ bài": off the public site. */
  unpublish: { from: ['published'], to: 'archived', roles: EDITORS },
  /** A returned article becomes a draft again on its author's next save. */
  revise: { from: ['rejected'], to: 'draft', roles: EVERYONE },
};

/** Whether a user with `role` may move an article from `from` to `to` (ownership is checked by canEdit). */
export function canTransition(role: UserRole, from: ArticleStatus, to: ArticleStatus): boolean {
  return Object.values(transitions).some((t) => t.to === to && t.from.includes(from) && t.roles.includes(role));
}

export function canUseTransition(role: UserRole, name: TransitionName, from: ArticleStatus): boolean {
  const rule = transitions[name];
  return rule.roles.includes(role) && rule.from.includes(from);
}

export type Actor = { id: number; role: UserRole };
export type ArticleAccess = { authorId: number; status: ArticleStatus };

export function isEditor(role: UserRole): boolean {
  return role === 'moderator' || role === 'admin';
}

/** Journalists edit only their own drafts and returned articles; moderators and admins edit anything. */
export function canEdit(user: Actor, article: ArticleAccess): boolean {
  if (isEditor(user.role)) return true;
  return article.authorId === user.id && (article.status === 'draft' || article.status === 'rejected');
}

/** Who may open an article in the admin (read-only or not) and preview it: its author and moderators. */
export function canView(user: Actor, article: Pick<ArticleAccess, 'authorId'>): boolean {
  return isEditor(user.role) || article.authorId === user.id;
}

/** Journalists may submit only their own work. */
export function canPerform(user: Actor, name: TransitionName, article: ArticleAccess): boolean {
  if (!canUseTransition(user.role, name, article.status)) return false;
  return isEditor(user.role) || article.authorId === user.id;
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
  if (status === 'published' && publishedAt && new Date(publishedAt).getTime() > now.getTime()) return 'Hẹn giờ';
  return statusLabels[status];
}
