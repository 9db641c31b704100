import Link from 'next/link';
import type { UserSummary } from '@/db/queries/users';
import { AUDIT_ACTIONS, auditActionLabel, type AuditAction } from '@/lib/audit-labels';
import { AUDIT_FILTER_PARAMS as P, formatDayInputVi, SYSTEM_ACTOR, type AuditLogFilters } from '@/lib/validation/audit-log';

type Props = {
  people: UserSummary[];
  /** The query as sent: shown back as typed when it is refused, so it can be corrected. */
  raw: Record<string, string | string[] | undefined>;
  filters: AuditLogFilters | null;
  error: string | null;
};

const field = 'rounded-md border border-slate-300 px-2 py-1.5 text-sm max-w-full';
const ERROR_ID = 'loi-bo-loc-nhat-ky';

const groupNames: Record<string, string> = {
  auth: 'Đăng nhập',
  user: 'Tài khoản',
  article: 'Bài viết',
  category: 'Chuyên mục',
  media: 'Ảnh',
  redirect: 'Chuyển hướng',
  settings: 'Cài đặt',
};

function actionGroups(): [string, AuditAction[]][] {
  const groups = new Map<string, AuditAction[]>();
  for (const action of AUDIT_ACTIONS) {
    const name = groupNames[action.split('.')[0]!] ?? 'Khác';
    groups.set(name, [...(groups.get(name) ?? []), action]);
  }
  return [...groups];
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/** "Lọc nhật ký": a GET form, so every filter lives in the URL (and in the links to other pages and to the CSV). */
export function AuditFilterForm({ people, raw, filters, error }: Props) {
  const value = {
    actor: filters ? (filters.actor?.toString() ?? '') : first(raw[P.actor]),
    action: filters ? (filters.action ?? '') : first(raw[P.action]),
    from: filters ? (filters.fromDay ? formatDayInputVi(filters.fromDay) : '') : first(raw[P.from]),
    to: filters ? (filters.toDay ? formatDayInputVi(filters.toDay) : '') : first(raw[P.to]),
  };
  const described = error ? { 'aria-describedby': ERROR_ID } : {};

  return (
    <form
      role="search"
      aria-label="Lọc nhật ký"
      action="/admin/nhat-ky"
      method="get"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm">
          Người thực hiện
          <select name={P.actor} defaultValue={value.actor} className={field} {...described}>
            <option value="">Mọi người</option>
            <option value={SYSTEM_ACTOR}>Hệ thống (không ai đăng nhập)</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.active ? person.name : `${person.name} (đã khóa)`}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm">
          Hành động
          <select name={P.action} defaultValue={value.action} className={field} {...described}>
            <option value="">Mọi hành động</option>
            {actionGroups().map(([group, actions]) => (
              <optgroup key={group} label={group}>
                {actions.map((action) => (
                  <option key={action} value={action}>
                    {auditActionLabel(action)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm">
          Từ ngày
          <input name={P.from} defaultValue={value.from} placeholder="dd/mm/yyyy" inputMode="numeric" autoComplete="off" maxLength={20} className={`${field} w-32`} {...described} />
        </label>
        <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm">
          Đến ngày
          <input name={P.to} defaultValue={value.to} placeholder="dd/mm/yyyy" inputMode="numeric" autoComplete="off" maxLength={20} className={`${field} w-32`} {...described} />
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white">
          Lọc
        </button>
        <Link href="/admin/nhat-ky" className="px-2 py-1.5 text-sm text-sky-900 hover:underline">
          Bỏ lọc
        </Link>
      </div>
      {error ? (
        <p id={ERROR_ID} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </form>
  );
}
