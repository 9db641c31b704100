import { addDays } from '../time';
import { formatDayVi, type Grouping, type StatsRange } from './range';

/**
 * The bars of the chart: one per day, week (Monday to Sunday) or calendar
 * month of the range. A bucket's key is the day it starts on, as the SQL
 * (`date_trunc('week'|'month', day)`, db/queries/stats-range.ts) names it; the
 * first and last weeks or months are cut to the range.
 */
export type Bucket = { key: string; from: string; to: string; label: string; longLabel: string };

export type BucketTotals = { visits: number; pageviews: number; visitors: number };
export type BucketStat = Bucket & BucketTotals;

/** The key of the bucket holding `day`: the day itself, the Monday of its week, or the 1st of its month. */
export function bucketKeyOf(day: string, grouping: Grouping): string {
  if (grouping === 'day') return day;
  if (grouping === 'month') return `${day.slice(0, 7)}-01`;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

function lastDayOfBucket(key: string, grouping: Grouping): string {
  if (grouping === 'day') return key;
  if (grouping === 'week') return addDays(key, 6);
  const [y, m] = key.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function labelsOf(key: string, from: string, to: string, grouping: Grouping): Pick<Bucket, 'label' | 'longLabel'> {
  const [y, m, d] = key.split('-');
  if (grouping === 'day') return { label: `${d}/${m}`, longLabel: formatDayVi(key) };
  if (grouping === 'month') return { label: `${m}/${y}`, longLabel: `Tháng ${m}/${y}` };
  return { label: formatDayVi(from).slice(0, 5), longLabel: `Tuần ${formatDayVi(from)} – ${formatDayVi(to)}` };
}

/** Every bucket of the range, oldest first, each cut to the range's days. */
export function bucketsOf(range: Pick<StatsRange, 'from' | 'to' | 'grouping'>): Bucket[] {
  const buckets: Bucket[] = [];
  for (let key = bucketKeyOf(range.from, range.grouping); key <= range.to; key = addDays(lastDayOfBucket(key, range.grouping), 1)) {
    const from = key < range.from ? range.from : key;
    const last = lastDayOfBucket(key, range.grouping);
    const to = last > range.to ? range.to : last;
    buckets.push({ key, from, to, ...labelsOf(key, from, to, range.grouping) });
  }
  return buckets;
}

/** The buckets with the figures the query found; a bucket without a row (no visit) is zero. */
export function fillBuckets(range: Pick<StatsRange, 'from' | 'to' | 'grouping'>, rows: readonly ({ bucket: string } & BucketTotals)[]): BucketStat[] {
  const found = new Map(rows.map((r) => [r.bucket, r]));
  return bucketsOf(range).map((b) => {
    const r = found.get(b.key);
    return { ...b, visits: r?.visits ?? 0, pageviews: r?.pageviews ?? 0, visitors: r?.visitors ?? 0 };
  });
}

/** The range's totals. Visitors are counted per day (the visitor hash changes every day), so their sum counts a returning reader once per day. */
export function sumBuckets(series: readonly BucketTotals[]): BucketTotals {
  return series.reduce((sum, b) => ({ visits: sum.visits + b.visits, pageviews: sum.pageviews + b.pageviews, visitors: sum.visitors + b.visitors }), {
    visits: 0,
    pageviews: 0,
    visitors: 0,
  });
}
