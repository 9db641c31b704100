import 'server-only';
import { getReadDb } from '@/db';
import { getArticleViewsRanking, getAuthorViewsRanking, getVisitSeriesByBucket } from '@/db/queries/stats-range';
import { toCsv, type CsvValue } from '@/lib/csv';
import { fillBuckets } from '@/lib/stats/buckets';
import { articleCsvRows, authorCsvRows, overviewCsvRows, statsCsvFilename } from '@/lib/stats/csv-rows';
import type { StatsQuery } from '@/lib/stats/query';

/** More rows than any spreadsheet user scrolls through; keeps one export's memory bounded. */
export const MAX_CSV_ROWS = 50_000;

/** The CSV file of one /admin/thong-ke view: every row of the range (and author filter), not only the page on screen. */
export async function exportStatsCsv(query: StatsQuery): Promise<{ filename: string; body: string }> {
  const db = await getReadDb();
  const all = { limit: MAX_CSV_ROWS, offset: 0 };
  const rows: CsvValue[][] =
    query.view === 'bai-viet'
      ? articleCsvRows((await getArticleViewsRanking(query.range, { ...all, authorId: query.authorId }, db)).rows)
      : query.view === 'tac-gia'
        ? authorCsvRows((await getAuthorViewsRanking(query.range, all, db)).rows)
        : overviewCsvRows(fillBuckets(query.range, await getVisitSeriesByBucket(query.range, query.range.grouping, db)));
  return { filename: statsCsvFilename(query.view, query.range), body: toCsv(rows) };
}
