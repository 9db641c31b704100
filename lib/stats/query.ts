import { parseIdString } from '../validation/params';
import { DEFAULT_RANGE_KEY, formatDayVi, parseStatsRange, type StatsRange } from './range';

/**
 * The address of a /admin/thong-ke view, read and written in one place so the
 * page, its links and the CSV export (app/api/admin/thong-ke) agree:
 * `?xem=tong-quan|bai-viet|tac-gia&khoang=7n|30n|12t|tuy-chon&tu=dd/mm/yyyy&den=dd/mm/yyyy&tac-gia=<id>&trang=<n>`.
 */

export const STATS_VIEWS = ['tong-quan', 'bai-viet', 'tac-gia'] as const;
export type StatsView = (typeof STATS_VIEWS)[number];
export const DEFAULT_VIEW: StatsView = 'tong-quan';

export const viewLabels: Record<StatsView, string> = {
  'tong-quan': 'Tổng quan',
  'bai-viet': 'Theo bài viết',
  'tac-gia': 'Theo tác giả',
};

export const STATS_PAGE_SIZE = 50;
const MAX_PAGE = 10_000;

export type StatsQuery = {
  view: StatsView;
  range: StatsRange;
  /** Only the articles of this author (per-article view). */
  authorId: number | null;
  page: number;
};

/** What the address said, as typed: the form shows it back when it is refused. */
export type StatsInput = { xem?: string; khoang?: string; tu?: string; den?: string; 'tac-gia'?: string; trang?: string };
export type StatsQueryResult = { ok: true; query: StatsQuery } | { ok: false; message: string; input: StatsInput };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function readInput(raw: RawParams): StatsInput {
  const get = (name: keyof StatsInput): string | undefined => {
    const value = raw instanceof URLSearchParams ? (raw.get(name) ?? undefined) : raw[name];
    const first = Array.isArray(value) ? value[0] : value;
    // Nothing here is longer than a date; a pasted essay is cut rather than echoed back whole.
    return first === undefined ? undefined : first.slice(0, 40);
  };
  return { xem: get('xem'), khoang: get('khoang'), tu: get('tu'), den: get('den'), 'tac-gia': get('tac-gia'), trang: get('trang') };
}

export function parseStatsQuery(raw: RawParams, now: Date): StatsQueryResult {
  const input = readInput(raw);
  const fail = (message: string): StatsQueryResult => ({ ok: false, message, input });
  const view = input.xem === undefined || input.xem === '' ? DEFAULT_VIEW : input.xem;
  if (!(STATS_VIEWS as readonly string[]).includes(view)) return fail('Chế độ xem không hợp lệ: hãy chọn Tổng quan, Theo bài viết hoặc Theo tác giả.');
  const range = parseStatsRange(input, now);
  if (!range.ok) return fail(range.message);
  let authorId: number | null = null;
  if (input['tac-gia']) {
    authorId = parseIdString(input['tac-gia']);
    if (authorId === null) return fail('Mã tác giả không hợp lệ.');
  }
  let page = 1;
  if (input.trang) {
    page = /^[1-9]\d{0,4}$/.test(input.trang) ? Number(input.trang) : 0;
    if (page < 1 || page > MAX_PAGE) return fail('Số trang không hợp lệ.');
  }
  return { ok: true, query: { view: view as StatsView, range: range.range, authorId, page } };
}

/** The query string of a view, defaults left out; `changes` replace parts (a new view starts on page 1). */
export function statsSearchParams(query: StatsQuery, changes: Partial<Pick<StatsQuery, 'view' | 'authorId' | 'page'>> & { range?: StatsRange } = {}): URLSearchParams {
  const next = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.view !== DEFAULT_VIEW) params.set('xem', next.view);
  if (next.range.key === 'tuy-chon') {
    params.set('khoang', 'tuy-chon');
    params.set('tu', formatDayVi(next.range.from));
    params.set('den', formatDayVi(next.range.to));
  } else if (next.range.key !== DEFAULT_RANGE_KEY) {
    params.set('khoang', next.range.key);
  }
  if (next.authorId !== null && next.view === 'bai-viet') params.set('tac-gia', String(next.authorId));
  if (next.page > 1) params.set('trang', String(next.page));
  return params;
}

function withQuery(path: string, params: URLSearchParams): string {
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export function statsPageHref(query: StatsQuery, changes: Parameters<typeof statsSearchParams>[1] = {}): string {
  return withQuery('/admin/thong-ke', statsSearchParams(query, changes));
}

/** "Tải CSV" of the view on screen: the same range and filter, every row (no page), the view always named. */
export function statsCsvHref(query: StatsQuery): string {
  const params = statsSearchParams(query);
  params.set('xem', query.view);
  return withQuery('/api/admin/thong-ke', params);
}
