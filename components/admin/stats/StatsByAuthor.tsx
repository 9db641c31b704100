import Link from 'next/link';
import { getReadDb } from '@/db';
import { getAuthorViewsRanking } from '@/db/queries/stats-range';
import { formatViInteger } from '@/lib/numbers';
import { STATS_PAGE_SIZE, statsPageHref, type StatsQuery } from '@/lib/stats/query';
import { describeRange } from '@/lib/stats/range';
import { CsvLink } from './CsvLink';
import { StatsPagination } from './StatsPagination';

const cell = 'px-2 py-2 md:px-3';

/** "Theo tác giả": authors ranked by the views of their articles in the range; a name opens their articles' ranking. */
export async function StatsByAuthor({ query }: { query: StatsQuery }) {
  const ranking = await getAuthorViewsRanking(query.range, { limit: STATS_PAGE_SIZE, offset: (query.page - 1) * STATS_PAGE_SIZE }, await getReadDb());

  return (
    <section className="space-y-3" aria-labelledby="stats-authors-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <h2 id="stats-authors-title" className="font-semibold">
            Tác giả theo lượt xem · {describeRange(query.range)}
          </h2>
          <p className="text-sm text-slate-600">
            {formatViInteger(ranking.total)} tác giả có bài được xem, tổng {formatViInteger(ranking.totalViews)} lượt xem.
          </p>
        </div>
        <CsvLink query={query} />
      </div>
      {ranking.rows.length === 0 ? (
        <p className="text-sm text-slate-500">
          {query.page > 1 ? (
            <>
              Trang này không có tác giả nào. <Link href={statsPageHref(query, { page: 1 })} className="underline">Về trang đầu</Link>
            </>
          ) : (
            'Chưa có lượt xem bài nào trong khoảng này.'
          )}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="stats-author-table">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className={`${cell} w-10`}>#</th>
                <th className={cell}>Tác giả</th>
                <th className={`${cell} text-right`}>Số bài được xem</th>
                <th className={`${cell} text-right`}>Lượt xem</th>
              </tr>
            </thead>
            <tbody>
              {ranking.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="stats-author-row">
                  <td className={`${cell} tabular-nums text-slate-500`}>{row.rank}</td>
                  <td className={`${cell} break-words`}>
                    <Link href={statsPageHref(query, { view: 'bai-viet', authorId: row.id })} className="font-medium text-sky-900 hover:underline" title={`Các bài của ${row.name} theo lượt xem`}>
                      {row.name}
                    </Link>
                  </td>
                  <td className={`${cell} text-right tabular-nums`}>{formatViInteger(row.articles)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{formatViInteger(row.views)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <StatsPagination query={query} total={ranking.total} label="Phân trang tác giả" />
    </section>
  );
}
