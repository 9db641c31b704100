import type { CsvValue } from '../csv';
import { localDay, type Instant } from '../time';
import type { BucketStat } from './buckets';
import type { StatsView } from './query';
import type { StatsRange } from './range';

/**
 * The rows of each view's "Tải CSV" (encoded by lib/csv.ts). Headers in
 * Vietnamese; days as `YYYY-MM-DD` (Vietnam local), which every spreadsheet
 * reads as a date whatever its locale; figures as plain digits, no grouping
 * dot, so they stay numbers.
 */

type ArticleCsvInput = {
  rank: number;
  id: number;
  title: string;
  categoryName: string | null;
  authorName: string;
  publishedAt: Instant | null;
  inTrash: boolean;
  views: number;
};
type AuthorCsvInput = { rank: number; id: number; name: string; articles: number; views: number };

export function overviewCsvRows(series: readonly BucketStat[]): CsvValue[][] {
  return [
    ['Kỳ', 'Từ ngày', 'Đến ngày', 'Lượt truy cập', 'Lượt xem trang', 'Khách (cộng theo ngày)'],
    ...series.map((b) => [b.longLabel, b.from, b.to, b.visits, b.pageviews, b.visitors]),
  ];
}

export function articleCsvRows(rows: readonly ArticleCsvInput[]): CsvValue[][] {
  return [
    ['Hạng', 'Mã bài', 'Tiêu đề', 'Chuyên mục', 'Tác giả', 'Ngày xuất bản', 'Trong thùng rác', 'Lượt xem'],
    ...rows.map((r) => [r.rank, r.id, r.title, r.categoryName ?? '', r.authorName, r.publishedAt ? localDay(new Date(r.publishedAt)) : '', r.inTrash ? 'có' : '', r.views]),
  ];
}

export function authorCsvRows(rows: readonly AuthorCsvInput[]): CsvValue[][] {
  return [['Hạng', 'Mã tác giả', 'Tác giả', 'Số bài được xem', 'Lượt xem'], ...rows.map((r) => [r.rank, r.id, r.name, r.articles, r.views])];
}

/** `thong-ke-bai-viet-2026-11-01-2026-11-30.csv`: ASCII only, so the header needs no RFC 5987 encoding. */
export function statsCsvFilename(view: StatsView, range: Pick<StatsRange, 'from' | 'to'>): string {
  return `thong-ke-${view}-${range.from}-${range.to}.csv`;
}
