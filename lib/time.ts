/** Vietnam has kept UTC+7 without daylight saving since 1975. */
export const SITE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const localDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: SITE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: SITE_TIME_ZONE, timeZoneName: 'longOffset' });
const viDate = new Intl.DateTimeFormat('vi-VN', {
  timeZone: SITE_TIME_ZONE,
  weekday: 'long',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const viTime = new Intl.DateTimeFormat('vi-VN', { timeZone: SITE_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
const viShortDate = new Intl.DateTimeFormat('vi-VN', { timeZone: SITE_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });

/** The local calendar day of an instant, as `YYYY-MM-DD`. */
export function localDay(instant: Date): string {
  return localDateFormat.format(instant);
}

function offsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+07:00';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** The instant local midnight of a `YYYY-MM-DD` day begins. */
export function startOfLocalDayFromDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  return new Date(utcMidnight - offsetMinutes(new Date(utcMidnight)) * 60_000);
}

/** Local midnight (Asia/Ho_Chi_Minh) of the day containing `instant`. */
export function startOfLocalDay(instant: Date): Date {
  return startOfLocalDayFromDay(localDay(instant));
}

/** Monday 00:00 local of the week containing `instant` (weeks start on Monday). */
export function startOfLocalWeek(instant: Date): Date {
  const day = localDay(instant);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  const daysSinceMonday = (weekday + 6) % 7;
  return startOfLocalDayFromDay(addDays(day, -daysSinceMonday));
}

/** `YYYY-MM-DD` plus n calendar days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Cached values come back as ISO strings; accept both. */
export type Instant = Date | string | number;
const toDate = (value: Instant): Date => (value instanceof Date ? value : new Date(value));

/** `Thứ Hai, 30/11/2026 00:30` */
export function formatDateTimeVi(instant: Instant): string {
  const d = toDate(instant);
  return `${viDate.format(d)} ${viTime.format(d)}`;
}

/** `30/11/2026` */
export function formatDateVi(instant: Instant): string {
  return viShortDate.format(toDate(instant));
}

/** ISO 8601 with the local offset, for feeds, JSON-LD and <time dateTime>. */
export function toLocalIso(value: Instant): string {
  const instant = toDate(value);
  const offset = offsetMinutes(instant);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `03/12/2026 08:00`: an instant as the schedule field shows it, in Vietnam time whatever the browser's zone. */
export function formatDateTimeInputVi(instant: Instant): string {
  const d = toDate(instant);
  return `${viShortDate.format(d)} ${viTime.format(d)}`;
}

/**
 * `03/12/2026 08:00` (also `3/12/2026 8:00`, `03-12-2026 08h00`) in Vietnam time → the instant;
 * null for anything else, including days that do not exist (31/02) and hours past 23:59.
 */
export function parseDateTimeInputVi(text: string): Date | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s+(\d{1,2})\s*[:hg]\s*(\d{2})\s*$/i.exec(text);
  if (!match) return null;
  const [day, month, year, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  const isoDay = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Date.UTC rolls 31/02 over into March: such a day does not exist.
  if (new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) !== isoDay) return null;
  return new Date(startOfLocalDayFromDay(isoDay).getTime() + (hour * 60 + minute) * 60_000);
}
