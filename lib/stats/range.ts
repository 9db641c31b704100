import { addDays, localDay } from '../time';

/**
 * The period /admin/thong-ke and its CSV export cover: two Vietnam local days
 * (`YYYY-MM-DD`, both included), the same days the rollup writes its daily
 * rows for. Pure: `now` comes from the caller.
 */

export const RANGE_KEYS = ['7n', '30n', '12t', 'tuy-chon'] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];
export const DEFAULT_RANGE_KEY: RangeKey = '7n';

export const rangeLabels: Record<RangeKey, string> = {
  '7n': '7 ngày',
  '30n': '30 ngày',
  '12t': '12 tháng',
  'tuy-chon': 'Tùy chọn',
};

/** How the chart groups days: by day up to 90 days, by week (from Monday) up to 26 weeks, by month beyond and for "12 tháng". */
export type Grouping = 'day' | 'week' | 'month';
export const MAX_DAILY_DAYS = 90;
export const MAX_WEEKLY_DAYS = 182;

/**
 * A custom range spans at most three years (its end no later than the same date three years on):
 * the aggregates are small, but a chart of 40 months is already hard to read.
 */
export const MAX_RANGE_YEARS = 3;
/** No statistics exist before the portal did; also keeps `Date.UTC` away from two-digit years. */
export const EARLIEST_DAY = '2000-01-01';

export type StatsRange = {
  key: RangeKey;
  from: string;
  to: string;
  grouping: Grouping;
  /** Set when the end day asked for was in the future and the range stops today instead. */
  notice?: string;
};

export type RangeInput = { khoang?: string; tu?: string; den?: string };
export type RangeResult = { ok: true; range: StatsRange } | { ok: false; message: string };

/** Number of days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function groupingFor(key: RangeKey, days: number): Grouping {
  if (key === '12t') return 'month';
  if (days <= MAX_DAILY_DAYS) return 'day';
  if (days <= MAX_WEEKLY_DAYS) return 'week';
  return 'month';
}

/** `YYYY-MM-DD` → `dd/mm/yyyy`, as the form shows it. */
export function formatDayVi(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

type DayParse = { ok: true; day: string } | { ok: false; reason: 'format' | 'missing-day' };

/** `03/12/2026` (also `3/12/2026`, `03-12-2026`, `03.12.2026`) → `2026-12-03`; 31/02 is no day. */
export function parseDayVi(text: string): DayParse {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const [day, month, year] = match.slice(1).map(Number) as [number, number, number];
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (month < 1 || month > 12 || day < 1) return { ok: false, reason: 'missing-day' };
  // Date.UTC rolls 31/02 over into March (and reads years below 100 as 19xx): such a day does not exist here.
  if (year < 1000 || new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) !== iso) return { ok: false, reason: 'missing-day' };
  return { ok: true, day: iso };
}

/** The same date `years` later (29/02 becomes 01/03 outside leap years). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** The first day of the month `months` before the month of `day`. */
export function startOfMonthBefore(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - months, 1)).toISOString().slice(0, 10);
}

/** The days a preset covers, ending today (local): 7 and 30 days, or the current month and the 11 before it. */
export function presetRange(key: Exclude<RangeKey, 'tuy-chon'>, now: Date): StatsRange {
  const today = localDay(now);
  const from = key === '7n' ? addDays(today, -6) : key === '30n' ? addDays(today, -29) : startOfMonthBefore(today, 11);
  return { key, from, to: today, grouping: groupingFor(key, daysInRange(from, today)) };
}

function customDay(text: string | undefined, which: 'bắt đầu' | 'kết thúc'): { ok: true; day: string } | { ok: false; message: string } {
  if (!text || text.trim() === '') return { ok: false, message: `Hãy nhập ngày ${which} (dd/mm/yyyy).` };
  const parsed = parseDayVi(text);
  if (!parsed.ok) {
    const shown = text.trim().slice(0, 20);
    return parsed.reason === 'format'
      ? { ok: false, message: `Ngày ${which} “${shown}” không đúng dạng dd/mm/yyyy (ví dụ 01/12/2026).` }
      : { ok: false, message: `Ngày ${which} “${shown}” không có trên lịch.` };
  }
  if (parsed.day < EARLIEST_DAY) return { ok: false, message: `Ngày ${which} phải từ ${formatDayVi(EARLIEST_DAY)} trở đi.` };
  return parsed;
}

/** `?khoang=7n|30n|12t`, or `?khoang=tuy-chon&tu=dd/mm/yyyy&den=dd/mm/yyyy` (Vietnam local days). */
export function parseStatsRange(input: RangeInput, now: Date): RangeResult {
  const key = input.khoang === undefined || input.khoang === '' ? (input.tu || input.den ? 'tuy-chon' : DEFAULT_RANGE_KEY) : input.khoang;
  if (!(RANGE_KEYS as readonly string[]).includes(key)) return { ok: false, message: 'Khoảng thời gian không hợp lệ: hãy chọn 7 ngày, 30 ngày, 12 tháng hoặc Tùy chọn.' };
  if (key !== 'tuy-chon') return { ok: true, range: presetRange(key as Exclude<RangeKey, 'tuy-chon'>, now) };

  const from = customDay(input.tu, 'bắt đầu');
  if (!from.ok) return from;
  const end = customDay(input.den, 'kết thúc');
  if (!end.ok) return end;
  const today = localDay(now);
  if (from.day > today) return { ok: false, message: `Ngày bắt đầu ${formatDayVi(from.day)} chưa tới: hôm nay là ${formatDayVi(today)}.` };
  if (from.day > end.day) return { ok: false, message: 'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.' };
  // A period that has not ended yet ("this month") is shown up to today rather than refused.
  const to = end.day > today ? today : end.day;
  if (end.day > addYears(from.day, MAX_RANGE_YEARS)) return { ok: false, message: 'Khoảng thời gian dài nhất là 3 năm: hãy chọn khoảng ngắn hơn.' };
  const range: StatsRange = { key: 'tuy-chon', from: from.day, to, grouping: groupingFor('tuy-chon', daysInRange(from.day, to)) };
  if (to !== end.day) range.notice = `Số liệu tính đến hôm nay, ${formatDayVi(today)}.`;
  return { ok: true, range };
}

/** "7 ngày gần nhất (27/11/2026 – 03/12/2026)" or "Từ 01/11/2026 đến 30/11/2026", for headings. */
export function describeRange(range: StatsRange): string {
  if (range.key !== 'tuy-chon') return `${rangeLabels[range.key]} gần nhất (${formatDayVi(range.from)} – ${formatDayVi(range.to)})`;
  return range.from === range.to ? `Ngày ${formatDayVi(range.from)}` : `Từ ${formatDayVi(range.from)} đến ${formatDayVi(range.to)}`;
}
