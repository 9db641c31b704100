import { describe, expect, it } from 'vitest';
import { bucketKeyOf, bucketsOf, fillBuckets, sumBuckets } from '@/lib/stats/buckets';
import { parseStatsQuery, statsCsvHref, statsPageHref } from '@/lib/stats/query';
import { describeRange, groupingFor, parseDayVi, parseStatsRange, type StatsRange } from '@/lib/stats/range';

// Thursday 3 December 2026, 23:30 in Hà Nội (16:30 UTC).
const now = new Date('2026-12-03T16:30:00Z');

function range(input: Parameters<typeof parseStatsRange>[0], at = now): StatsRange {
  const result = parseStatsRange(input, at);
  if (!result.ok) throw new Error(result.message);
  return result.range;
}
function refusal(input: Parameters<typeof parseStatsRange>[0]): string {
  const result = parseStatsRange(input, now);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(result.range)}`);
  return result.message;
}

describe('stats ranges in Vietnam local days', () => {
  it('ends the presets today in Hà Nội, not in UTC', () => {
    // 17:30 UTC on 3 December is already 00:30 on Friday 4 December in Hà Nội.
    expect(range({ khoang: '7n' }, new Date('2026-12-03T17:30:00Z'))).toMatchObject({ from: '2026-11-28', to: '2026-12-04', grouping: 'day' });
    // One minute before local midnight it is still the 3rd.
    expect(range({ khoang: '7n' }, new Date('2026-12-03T16:59:00Z'))).toMatchObject({ from: '2026-11-27', to: '2026-12-03' });
  });

  it('covers 7 and 30 days including today, by day', () => {
    expect(range({ khoang: '7n' })).toEqual({ key: '7n', from: '2026-11-27', to: '2026-12-03', grouping: 'day' });
    expect(range({ khoang: '30n' })).toEqual({ key: '30n', from: '2026-11-04', to: '2026-12-03', grouping: 'day' });
  });

  it('defaults to 7 days', () => {
    expect(range({})).toMatchObject({ key: '7n', from: '2026-11-27' });
    expect(range({ khoang: '' })).toMatchObject({ key: '7n' });
  });

  it('covers 12 months as the current month and the eleven before it, by month', () => {
    expect(range({ khoang: '12t' })).toEqual({ key: '12t', from: '2026-01-01', to: '2026-12-03', grouping: 'month' });
    expect(range({ khoang: '12t' }, new Date('2027-02-28T05:00:00Z'))).toMatchObject({ from: '2026-03-01', to: '2027-02-28' });
  });

  it('reads a custom range as dd/mm/yyyy', () => {
    expect(range({ khoang: 'tuy-chon', tu: '01/11/2026', den: '30/11/2026' })).toEqual({ key: 'tuy-chon', from: '2026-11-01', to: '2026-11-30', grouping: 'day' });
    expect(range({ khoang: 'tuy-chon', tu: '1/11/2026', den: '3-12-2026' })).toMatchObject({ from: '2026-11-01', to: '2026-12-03' });
    // A single day is a range.
    expect(range({ khoang: 'tuy-chon', tu: '03/12/2026', den: '03/12/2026' })).toMatchObject({ from: '2026-12-03', to: '2026-12-03' });
    // Days given without khoang mean a custom range.
    expect(range({ tu: '01/11/2026', den: '02/11/2026' })).toMatchObject({ key: 'tuy-chon', from: '2026-11-01' });
  });

  it('groups by day up to 90 days, by week up to 26 weeks, by month beyond', () => {
    expect(groupingFor('tuy-chon', 90)).toBe('day');
    expect(groupingFor('tuy-chon', 91)).toBe('week');
    expect(groupingFor('tuy-chon', 182)).toBe('week');
    expect(groupingFor('tuy-chon', 183)).toBe('month');
    expect(range({ tu: '01/01/2024', den: '31/12/2025' }).grouping).toBe('month');
  });

  it('stops a range that ends in the future at today, and says so', () => {
    const r = range({ khoang: 'tuy-chon', tu: '01/12/2026', den: '31/12/2026' });
    expect(r).toMatchObject({ from: '2026-12-01', to: '2026-12-03' });
    expect(r.notice).toBe('Số liệu tính đến hôm nay, 03/12/2026.');
  });

  it('refuses bad input with a Vietnamese message', () => {
    expect(refusal({ khoang: '14n' })).toMatch(/^Khoảng thời gian không hợp lệ/);
    expect(refusal({ khoang: 'tuy-chon', den: '01/12/2026' })).toBe('Hãy nhập ngày bắt đầu (dd/mm/yyyy).');
    expect(refusal({ khoang: 'tuy-chon', tu: '01/12/2026', den: ' ' })).toBe('Hãy nhập ngày kết thúc (dd/mm/yyyy).');
    expect(refusal({ khoang: 'tuy-chon', tu: '2026-11-01', den: '01/12/2026' })).toBe('Ngày bắt đầu “2026-11-01” không đúng dạng dd/mm/yyyy (ví dụ 01/12/2026).');
    expect(refusal({ khoang: 'tuy-chon', tu: '31/02/2026', den: '01/12/2026' })).toBe('Ngày bắt đầu “31/02/2026” không có trên lịch.');
    expect(refusal({ khoang: 'tuy-chon', tu: '01/13/2026', den: '01/12/2026' })).toMatch(/không có trên lịch/);
    expect(refusal({ khoang: 'tuy-chon', tu: '00/12/2026', den: '01/12/2026' })).toMatch(/không có trên lịch/);
    expect(refusal({ khoang: 'tuy-chon', tu: '01/01/0099', den: '01/12/2026' })).toMatch(/không có trên lịch/);
    expect(refusal({ khoang: 'tuy-chon', tu: '31/12/1999', den: '01/12/2000' })).toBe('Ngày bắt đầu phải từ 01/01/2000 trở đi.');
    expect(refusal({ khoang: 'tuy-chon', tu: '02/12/2026', den: '01/12/2026' })).toBe('Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.');
    expect(refusal({ khoang: 'tuy-chon', tu: '04/12/2026', den: '05/12/2026' })).toBe('Ngày bắt đầu 04/12/2026 chưa tới: hôm nay là 03/12/2026.');
  });

  it('allows at most three years', () => {
    expect(range({ tu: '04/12/2023', den: '03/12/2026' })).toMatchObject({ from: '2023-12-04', grouping: 'month' });
    // Up to the same date three years on, leap day or not.
    expect(range({ tu: '03/12/2023', den: '03/12/2026' })).toMatchObject({ from: '2023-12-03' });
    expect(range({ tu: '29/02/2024', den: '01/03/2027' }, new Date('2027-03-02T00:00:00Z'))).toMatchObject({ from: '2024-02-29', to: '2027-03-01' });
    expect(refusal({ tu: '02/12/2023', den: '03/12/2026' })).toBe('Khoảng thời gian dài nhất là 3 năm: hãy chọn khoảng ngắn hơn.');
    // Measured on the days asked for, even those after today.
    expect(refusal({ tu: '01/01/2026', den: '01/01/2030' })).toMatch(/3 năm/);
  });

  it('parses leap days only in leap years', () => {
    expect(parseDayVi('29/02/2024')).toEqual({ ok: true, day: '2024-02-29' });
    expect(parseDayVi('29/02/2026')).toEqual({ ok: false, reason: 'missing-day' });
    expect(parseDayVi('29/2/26')).toEqual({ ok: false, reason: 'format' });
  });

  it('describes a range in Vietnamese', () => {
    expect(describeRange(range({ khoang: '7n' }))).toBe('7 ngày gần nhất (27/11/2026 – 03/12/2026)');
    expect(describeRange(range({ tu: '01/11/2026', den: '30/11/2026' }))).toBe('Từ 01/11/2026 đến 30/11/2026');
    expect(describeRange(range({ tu: '01/11/2026', den: '01/11/2026' }))).toBe('Ngày 01/11/2026');
  });
});

describe('chart buckets', () => {
  it('names a week by its Monday and a month by its first day', () => {
    expect(bucketKeyOf('2026-12-03', 'week')).toBe('2026-11-30'); // Thursday → Monday
    expect(bucketKeyOf('2026-11-30', 'week')).toBe('2026-11-30'); // Monday
    expect(bucketKeyOf('2026-12-06', 'week')).toBe('2026-11-30'); // Sunday ends the week
    expect(bucketKeyOf('2027-01-03', 'week')).toBe('2026-12-28'); // across a year end
    expect(bucketKeyOf('2026-12-03', 'month')).toBe('2026-12-01');
    expect(bucketKeyOf('2026-12-03', 'day')).toBe('2026-12-03');
  });

  it('has one bucket per day of a daily range', () => {
    const buckets = bucketsOf(range({ khoang: '7n' }));
    expect(buckets.map((b) => b.key)).toEqual(['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);
    expect(buckets[0]).toEqual({ key: '2026-11-27', from: '2026-11-27', to: '2026-11-27', label: '27/11', longLabel: '27/11/2026' });
  });

  it('has twelve calendar months for 12 months, the last cut at today', () => {
    const buckets = bucketsOf(range({ khoang: '12t' }));
    expect(buckets).toHaveLength(12);
    expect(buckets[0]).toEqual({ key: '2026-01-01', from: '2026-01-01', to: '2026-01-31', label: '01/2026', longLabel: 'Tháng 01/2026' });
    expect(buckets[1]).toMatchObject({ key: '2026-02-01', to: '2026-02-28' });
    expect(buckets[11]).toMatchObject({ key: '2026-12-01', from: '2026-12-01', to: '2026-12-03' });
  });

  it('cuts the first and last weeks of a weekly range to the range', () => {
    // Wednesday 1 July to Thursday 3 December 2026: 156 days.
    const buckets = bucketsOf(range({ tu: '01/07/2026', den: '03/12/2026' }));
    expect(buckets[0]).toEqual({ key: '2026-06-29', from: '2026-07-01', to: '2026-07-05', label: '01/07', longLabel: 'Tuần 01/07/2026 – 05/07/2026' });
    expect(buckets[1]).toMatchObject({ key: '2026-07-06', from: '2026-07-06', to: '2026-07-12' });
    expect(buckets.at(-1)).toMatchObject({ key: '2026-11-30', from: '2026-11-30', to: '2026-12-03' });
    expect(buckets).toHaveLength(23);
  });

  it('fills buckets without rows with zeros and sums the range', () => {
    const r = range({ tu: '01/12/2026', den: '03/12/2026' });
    const series = fillBuckets(r, [
      { bucket: '2026-12-01', visits: 5, pageviews: 9, visitors: 4 },
      { bucket: '2026-12-03', visits: 1, pageviews: 1, visitors: 1 },
    ]);
    expect(series.map((b) => [b.key, b.visits])).toEqual([
      ['2026-12-01', 5],
      ['2026-12-02', 0],
      ['2026-12-03', 1],
    ]);
    expect(sumBuckets(series)).toEqual({ visits: 6, pageviews: 10, visitors: 5 });
  });
});

describe('the address of a stats view', () => {
  const parse = (qs: string) => parseStatsQuery(new URLSearchParams(qs), now);

  it('reads view, range, author and page', () => {
    const result = parse('xem=bai-viet&khoang=30n&tac-gia=12&trang=2');
    expect(result).toMatchObject({ ok: true, query: { view: 'bai-viet', authorId: 12, page: 2, range: { key: '30n', from: '2026-11-04' } } });
    expect(parseStatsQuery({ xem: ['tac-gia', 'bai-viet'] }, now)).toMatchObject({ ok: true, query: { view: 'tac-gia', page: 1, authorId: null } });
  });

  it('refuses an unknown view, author or page, keeping what was typed', () => {
    expect(parse('xem=bieu-do')).toMatchObject({ ok: false, message: expect.stringMatching(/^Chế độ xem không hợp lệ/) });
    expect(parse('xem=bai-viet&tac-gia=1e3')).toMatchObject({ ok: false, message: 'Mã tác giả không hợp lệ.' });
    expect(parse('trang=0')).toMatchObject({ ok: false, message: 'Số trang không hợp lệ.' });
    expect(parse('trang=-1')).toMatchObject({ ok: false });
    expect(parse('tu=32/12/2026&den=01/01/2027')).toMatchObject({ ok: false, input: { tu: '32/12/2026', den: '01/01/2027' } });
  });

  it('writes links that leave defaults out and read back the same', () => {
    const parsed = parse('xem=bai-viet&khoang=tuy-chon&tu=01/11/2026&den=30/11/2026&tac-gia=7&trang=3');
    if (!parsed.ok) throw new Error(parsed.message);
    const q = parsed.query;
    expect(statsPageHref(q, { page: 3 })).toBe('/admin/thong-ke?xem=bai-viet&khoang=tuy-chon&tu=01%2F11%2F2026&den=30%2F11%2F2026&tac-gia=7&trang=3');
    // Another view starts on its first page and drops the author filter (it belongs to "Theo bài viết").
    expect(statsPageHref(q, { view: 'tac-gia' })).toBe('/admin/thong-ke?xem=tac-gia&khoang=tuy-chon&tu=01%2F11%2F2026&den=30%2F11%2F2026');
    expect(statsPageHref(q, { view: 'tong-quan', range: range({ khoang: '7n' }) })).toBe('/admin/thong-ke');
    const back = parseStatsQuery(new URL(statsPageHref(q, { page: 3 }), 'http://x').searchParams, now);
    expect(back).toEqual({ ok: true, query: q });
  });

  it('gives the CSV export the same parameters, the view always named and no page', () => {
    const parsed = parse('khoang=12t&trang=2');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(statsCsvHref(parsed.query)).toBe('/api/admin/thong-ke?khoang=12t&xem=tong-quan');
  });
});
