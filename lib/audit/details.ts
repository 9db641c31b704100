import type { ArticleStatus, UserRole } from '@/db/schema';
import { roleLabels } from '@/lib/auth/roles';
import { statusLabels } from '@/lib/editorial';
import { formatViInteger } from '@/lib/numbers';

/**
 * The `details` of an audit line as a Vietnamese phrase ("Từ Phóng viên thành
 * Biên tập viên"), one rule per action; the shapes are the ones the writers in
 * server/ and db/ record. Nothing here shows a key ("to:", "from:") or a raw
 * role or status: a value it cannot word is left out rather than shown raw.
 */

export type AuditDetails = Record<string, unknown> | null;

/** Names of the categories a line's details point at by id (`article.moved`, a parent in `category.updated`). */
export type AuditRelatedNames = { categories: Record<number, string> };

const NO_NAMES: AuditRelatedNames = { categories: {} };
const MAX_NOTE = 200;

// In a sentence a person's role reads as a noun: "Quản trị viên", where the menus say "Quản trị".
const roleNames: Record<UserRole, string> = { ...roleLabels, admin: 'Quản trị viên' };

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const whole = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const quoted = (value: string) => `“${value.length > MAX_NOTE ? `${value.slice(0, MAX_NOTE)}…` : value}”`;
const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

function roleName(value: unknown): string | null {
  return typeof value === 'string' && Object.hasOwn(roleNames, value) ? roleNames[value as UserRole] : null;
}

function statusName(value: unknown): string | null {
  return typeof value === 'string' && Object.hasOwn(statusLabels, value) ? statusLabels[value as ArticleStatus] : null;
}

function categoryName(value: unknown, names: AuditRelatedNames): string | null {
  if (value === null) return 'Chưa phân loại';
  const id = whole(value);
  if (id === null) return null;
  return names.categories[id] !== undefined ? quoted(names.categories[id]) : 'một chuyên mục đã xóa';
}

const joined = (parts: (string | null | false | undefined)[]) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join(', ');
const capitalized = (phrase: string) => (phrase ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase);

const fromTo = (from: string | null, to: string | null, word = 'sang') => (from && to ? `từ ${from} ${word} ${to}` : to ? `${word} ${to}` : null);
const email = (d: Record<string, unknown>) => (text(d.email) ? `email ${text(d.email)}` : null);
const ip = (d: Record<string, unknown>) => (text(d.ip) ? `từ địa chỉ IP ${text(d.ip)}` : null);
const version = (d: Record<string, unknown>) => (whole(d.version) !== null ? `phiên bản ${formatViInteger(whole(d.version)!)}` : null);
const note = (d: Record<string, unknown>) => (text(d.note) ? `ghi chú: ${quoted(text(d.note)!)}` : null);

const refusalReasons: Record<string, string> = {
  account: 'tài khoản tạm khóa vì sai mật khẩu nhiều lần',
  ip: 'địa chỉ IP tạm bị chặn vì đăng nhập sai nhiều lần',
  slowdown: 'đăng nhập lại quá nhanh, phải chờ',
};
const directions: Record<string, string> = { up: 'lên trên một bậc', down: 'xuống dưới một bậc' };

/** An article's status moves; "Hẹn giờ" is `published` with a future time, so scheduling reads as such. */
function transition(d: Record<string, unknown>, override: { from?: string; to?: string } = {}): string {
  const from = override.from ?? statusName(d.from);
  const to = override.to ?? statusName(d.to);
  return joined([fromTo(from && `“${from}”`, to && `“${to}”`), version(d), note(d)]);
}

const parentName = (value: unknown, names: AuditRelatedNames) => (value === null || value === undefined ? 'cấp cao nhất' : categoryName(value, names));

function categoryChanges(d: Record<string, unknown>, names: AuditRelatedNames): string {
  const before = record(d.from) ?? {};
  const after = record(d.to) ?? {};
  const [oldName, newName, oldSlug, newSlug] = [text(before.name), text(after.name), text(before.slug), text(after.slug)];
  const changes = [
    newName && oldName !== newName && `đổi tên ${fromTo(oldName && quoted(oldName), quoted(newName), 'thành')}`,
    newSlug && oldSlug !== newSlug && `đổi đường dẫn ${fromTo(oldSlug, newSlug, 'thành')}`,
    'parentId' in after && (before.parentId ?? null) !== after.parentId && `đổi chuyên mục cha ${fromTo(parentName(before.parentId, names), parentName(after.parentId, names), 'thành')}`,
  ];
  return joined(changes) || 'không đổi tên, đường dẫn hay chuyên mục cha';
}

type Rule = (d: Record<string, unknown>, names: AuditRelatedNames) => string;

const rules: Record<string, Rule> = {
  'auth.sign_in': (d) => joined([ip(d)]),
  'auth.sign_in_failed': (d) => joined([email(d), ip(d), d.inactive === true && 'tài khoản đang bị khóa']),
  'auth.sign_in_refused': (d) => joined([email(d), ip(d), typeof d.scope === 'string' ? refusalReasons[d.scope] : null]),
  'auth.sign_in_burst': (d) => {
    const failures = whole(d.failures);
    const addresses = whole(d.addresses);
    if (failures === null) return '';
    return `${formatViInteger(failures)} lần sai mật khẩu${addresses !== null ? ` từ ${formatViInteger(addresses)} địa chỉ IP` : ''}`;
  },
  'user.created': (d) => joined([email(d), roleName(d.role) && `vai trò ${roleName(d.role)}`]),
  'user.created_cli': (d) => joined([email(d), roleName(d.role) && `vai trò ${roleName(d.role)}`]),
  'user.updated_cli': (d) => {
    const before = roleName(d.previousRole);
    const after = roleName(d.role);
    if (!after) return '';
    return before === after ? `vai trò ${after} (không đổi)` : `vai trò ${fromTo(before, after, 'thành')}`;
  },
  'user.role_changed': (d) => fromTo(roleName(d.from), roleName(d.to), 'thành') ?? '',
  'category.created': (d) => joined([text(d.name) && `tên ${quoted(text(d.name)!)}`, text(d.slug) && `đường dẫn ${text(d.slug)}`]),
  'category.updated': categoryChanges,
  'category.moved': (d) => (typeof d.direction === 'string' ? (directions[d.direction] ?? '') : ''),
  'settings.updated': (d) =>
    joined([
      text(d.portalName) && `tên cổng ${quoted(text(d.portalName)!)}`,
      whole(d.statsBaseline) !== null && `số lượt truy cập của cổng cũ ${formatViInteger(whole(d.statsBaseline)!)}`,
    ]),
  'article.saved': (d) => joined([version(d), statusName(d.status) && `trạng thái “${statusName(d.status)}”`]),
  'article.submitted': (d) => transition(d),
  'article.withdrawn': (d) => transition(d),
  'article.rejected': (d) => transition(d),
  'article.published': (d) => transition(d),
  'article.scheduled': (d) => transition(d, { to: 'Hẹn giờ' }),
  'article.unscheduled': (d) => transition(d, { from: 'Hẹn giờ' }),
  'article.unpublished': (d) => transition(d),
  'article.restored': (d) => joined([whole(d.version) !== null && `thành ${version(d)}`]),
  'article.moved': (d, names) => fromTo(categoryName(d.fromCategoryId ?? null, names), categoryName(d.toCategoryId ?? null, names)) ?? '',
  'article.trashed': (d) => joined([statusName(d.status) && `khi đang ở trạng thái “${statusName(d.status)}”`]),
  // The title these keep is the target's name once the article is gone (lib/audit/targets.ts): not repeated here.
  'article.untrashed': () => '',
  'article.purged': () => '',
  'redirect.created': (d) => fromTo(text(d.from), text(d.to)) ?? '',
  'redirect.deleted': (d) => fromTo(text(d.from), text(d.to)) ?? '',
};

/** For an action without a rule (a line written by another version): the values it can word, under Vietnamese names; nothing else. */
const genericParts: Record<string, (value: unknown) => string | null> = {
  email: (v) => text(v) && `email ${text(v)}`,
  ip: (v) => text(v) && `địa chỉ IP ${text(v)}`,
  name: (v) => text(v) && `tên ${quoted(text(v)!)}`,
  title: (v) => text(v) && `tiêu đề ${quoted(text(v)!)}`,
  note: (v) => text(v) && `ghi chú: ${quoted(text(v)!)}`,
  role: (v) => roleName(v) && `vai trò ${roleName(v)}`,
  status: (v) => statusName(v) && `trạng thái “${statusName(v)}”`,
  version: (v) => whole(v) !== null ? `phiên bản ${formatViInteger(whole(v)!)}` : null,
};

const generic: Rule = (d) => joined(Object.entries(d).map(([key, value]) => (Object.hasOwn(genericParts, key) ? genericParts[key]!(value) : null)));

/** `details` of one line as a phrase starting with a capital, '' when there is nothing to add to the action and its target. */
export function describeAuditDetails(action: string, details: AuditDetails, names: AuditRelatedNames = NO_NAMES): string {
  const d = record(details);
  if (!d) return '';
  const rule = Object.hasOwn(rules, action) ? rules[action]! : generic;
  return capitalized(rule(d, names));
}

/** The category ids a line's details refer to, for the query to look their names up. */
export function categoryIdsInDetails(action: string, details: AuditDetails): number[] {
  const d = record(details);
  if (!d) return [];
  const ids =
    action === 'article.moved'
      ? [d.fromCategoryId, d.toCategoryId]
      : action === 'category.updated'
        ? [record(d.from)?.parentId, record(d.to)?.parentId]
        : [];
  return ids.filter((id): id is number => typeof id === 'number' && Number.isSafeInteger(id) && id > 0);
}
