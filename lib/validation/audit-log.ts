import { z } from 'zod';
import { isAuditAction, type AuditAction } from '@/lib/audit-labels';
import { addDays, startOfLocalDayFromDay } from '@/lib/time';
import { parseIdString } from './params';

/**
 * The filters of "Nhật ký" (/admin/nhat-ky and its CSV at /api/admin/nhat-ky), as they travel in
 * the URL: `?nguoi=12&hanh-dong=article.published&tu-ngay=01/12/2026&den-ngay=05/12/2026&trang=2`.
 * Days are typed dd/mm/yyyy and mean Vietnam's calendar days, whatever the server's zone.
 */
export const AUDIT_FILTER_PARAMS = { actor: 'nguoi', action: 'hanh-dong', from: 'tu-ngay', to: 'den-ngay', page: 'trang' } as const;

/** `nguoi=he-thong`: lines no signed-in person wrote (sign-in attempts, the nightly purge, the command line). */
export const SYSTEM_ACTOR = 'he-thong';

const MAX_PAGE = 100_000;

export type AuditLogFilters = {
  actor?: number | typeof SYSTEM_ACTOR;
  action?: AuditAction;
  /** `YYYY-MM-DD`, Vietnam days. */
  fromDay?: string;
  toDay?: string;
  page: number;
};

/** What the query filters on: `actorId` null = no actor; `before` is exclusive. */
export type AuditLogQuery = { actorId?: number | null; action?: AuditAction; since?: Date; before?: Date };

/** `5/12/2026`, `05/12/2026`, `05-12-2026`, `05.12.2026` → `2026-12-05`; null for anything else, days that do not exist (31/02) included. */
export function parseDayInputVi(value: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(value);
  if (!match) return null;
  const [day, month, year] = match.slice(1).map(Number) as [number, number, number];
  // Dates before 1970 or after 2999 are typing mistakes here (and Date.UTC reads years below 100 as 19xx).
  if (year < 1970 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === iso ? iso : null;
}

/** `2026-12-05` → `05/12/2026`. */
export function formatDayInputVi(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

const first = (value: string | string[] | null | undefined) => (Array.isArray(value) ? value[0] : (value ?? undefined));

const dayParam = (label: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      const day = parseDayInputVi(value);
      if (day === null) {
        ctx.addIssue({ code: 'custom', message: `${label} không hợp lệ: hãy nhập ngày có thật theo dạng dd/mm/yyyy, ví dụ 05/12/2026.` });
        return z.NEVER;
      }
      return day;
    });

const schema = z
  .object({
    actor: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === '') return undefined;
        if (value === SYSTEM_ACTOR) return SYSTEM_ACTOR;
        const id = parseIdString(value);
        if (id === null) {
          ctx.addIssue({ code: 'custom', message: 'Người thực hiện không hợp lệ: hãy chọn trong danh sách.' });
          return z.NEVER;
        }
        return id;
      }),
    action: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === '') return undefined;
        if (!isAuditAction(value)) {
          ctx.addIssue({ code: 'custom', message: 'Hành động không hợp lệ: hãy chọn trong danh sách.' });
          return z.NEVER;
        }
        return value;
      }),
    from: dayParam('Từ ngày'),
    to: dayParam('Đến ngày'),
    page: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === '') return 1;
        const page = /^[1-9]\d{0,5}$/.test(value) ? Number(value) : NaN;
        if (!(page <= MAX_PAGE)) {
          ctx.addIssue({ code: 'custom', message: 'Số trang không hợp lệ.' });
          return z.NEVER;
        }
        return page;
      }),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '“Từ ngày” phải trước hoặc trùng “Đến ngày”.' });

export type AuditLogFilterInput = URLSearchParams | Record<string, string | string[] | undefined>;

export type AuditLogFilterResult = { ok: true; filters: AuditLogFilters } | { ok: false; message: string };

/** The filters of a request, or the first problem with them as a Vietnamese sentence. Other parameters are ignored. */
export function parseAuditLogFilters(input: AuditLogFilterInput): AuditLogFilterResult {
  const get = (name: string) => (input instanceof URLSearchParams ? (input.get(name) ?? undefined) : first(input[name]));
  const parsed = schema.safeParse({
    actor: get(AUDIT_FILTER_PARAMS.actor),
    action: get(AUDIT_FILTER_PARAMS.action),
    from: get(AUDIT_FILTER_PARAMS.from),
    to: get(AUDIT_FILTER_PARAMS.to),
    page: get(AUDIT_FILTER_PARAMS.page),
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Bộ lọc không hợp lệ.' };
  const { actor, action, from, to, page } = parsed.data;
  const filters: AuditLogFilters = { page };
  if (actor !== undefined) filters.actor = actor;
  if (action !== undefined) filters.action = action;
  if (from !== undefined) filters.fromDay = from;
  if (to !== undefined) filters.toDay = to;
  return { ok: true, filters };
}

/** The instants the days stand for: from local midnight of "từ ngày" to (not including) local midnight after "đến ngày". */
export function auditLogQueryOf(filters: AuditLogFilters): AuditLogQuery {
  const query: AuditLogQuery = {};
  if (filters.actor !== undefined) query.actorId = filters.actor === SYSTEM_ACTOR ? null : filters.actor;
  if (filters.action !== undefined) query.action = filters.action;
  if (filters.fromDay) query.since = startOfLocalDayFromDay(filters.fromDay);
  if (filters.toDay) query.before = startOfLocalDayFromDay(addDays(filters.toDay, 1));
  return query;
}

/** The filters as a query string (`nguoi=…&tu-ngay=05/12/2026`, no `?`), page 1 left out: for the pages' links and "Tải CSV". */
export function auditLogSearchParams(filters: Omit<AuditLogFilters, 'page'> & { page?: number }): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.actor !== undefined) params.set(AUDIT_FILTER_PARAMS.actor, String(filters.actor));
  if (filters.action) params.set(AUDIT_FILTER_PARAMS.action, filters.action);
  if (filters.fromDay) params.set(AUDIT_FILTER_PARAMS.from, formatDayInputVi(filters.fromDay));
  if (filters.toDay) params.set(AUDIT_FILTER_PARAMS.to, formatDayInputVi(filters.toDay));
  if (filters.page && filters.page > 1) params.set(AUDIT_FILTER_PARAMS.page, String(filters.page));
  return params;
}
