import Link from 'next/link';
import { getReadDb } from '@/db';
import { getArticleViewsRanking, getStatsAuthor, type ArticleViewsRow } from '@/db/queries/stats-range';
import { formatViInteger } from '@/lib/numbers';
import { STATS_PAGE_SIZE, statsPageHref, type StatsQuery } from '@/lib/stats/query';
import { describeRange } from '@/lib/stats/range';
import { formatDateVi } from '@/lib/time';
import { CsvLink } from './CsvLink';
import { StatsPagination } from './StatsPagination';

// Below md, each row is a card (rank and title, then the details) instead of a table row too wide for a phone.
const cell = 'px-3 py-2 max-md:block max-md:px-0 max-md:py-0.5';
const headerCell = 'px-3 py-2';

function ArticleRow({ row, query }: { row: ArticleViewsRow; query: StatsQuery }) {
  return (
    <tr className="border-t border-slate-100 align-top max-md:block max-md:border-0 max-md:p-3" data-testid="stats-article-row">
      <td className={`${cell} tabular-nums text-slate-500 max-md:hidden`}>{row.rank}</td>
      <td className={`${cell} break-words`}>
        <span className="mr-1 text-slate-500 md:hidden">{row.rank}.</span>
        <Link href={`/admin/bai-viet/${row.id}`} className="font-medium text-sky-900 hover:underline">
          {row.title || '(Chưa có tiêu đề)'}
        </Link>
        {row.inTrash ? <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs text-red-900">Trong thùng rác</span> : null}
      </td>
      <td className={`${cell} max-md:text-xs max-md:text-slate-600`}>
        <span className="md:hidden">Chuyên mục: </span>
        {row.categoryName ?? '—'}
      </td>
      <td className={`${cell} max-md:text-xs max-md:text-slate-600`}>
        <span className="md:hidden">Tác giả: </span>
        <Link href={statsPageHref(query, { view: 'bai-viet', authorId: row.authorId })} className="hover:underline" title={`Chỉ xem bài của ${row.authorName}`}>
          {row.authorName}
        </Link>
      </td>
      <td className={`${cell} whitespace-nowrap max-md:text-xs max-md:text-slate-600`}>
        <span className="md:hidden">Xuất bản: </span>
        {row.publishedAt ? formatDateVi(row.publishedAt) : '—'}
      </td>
      <td className={`${cell} text-right tabular-nums max-md:text-left max-md:font-semibold`}>
        {formatViInteger(row.views)}
        <span className="font-normal md:hidden"> lượt xem</span>
      </td>
    </tr>
  );
}

/** "Theo bài viết": articles ranked by their views in the range, 50 a page, optionally one author's. */
export async function StatsByArticle({ query }: { query: StatsQuery }) {
  const readDb = await getReadDb();
  const [ranking, author] = await Promise.all([
    getArticleViewsRanking(query.range, { limit: STATS_PAGE_SIZE, offset: (query.page - 1) * STATS_PAGE_SIZE, authorId: query.authorId }, readDb),
    query.authorId !== null ? getStatsAuthor(query.authorId, readDb) : Promise.resolve(null),
  ]);
  if (query.authorId !== null && !author) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
        Không tìm thấy tác giả này. <Link href={statsPageHref(query, { authorId: null })} className="underline">Xem mọi bài viết</Link>
      </p>
    );
  }

  return (
    <section className="space-y-3" aria-labelledby="stats-articles-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <h2 id="stats-articles-title" className="font-semibold">
            Bài viết theo lượt xem · {describeRange(query.range)}
          </h2>
          <p className="text-sm text-slate-600">
            {formatViInteger(ranking.total)} bài được xem, tổng {formatViInteger(ranking.totalViews)} lượt xem.
          </p>
        </div>
        <CsvLink query={query} />
      </div>
      {author ? (
        <p className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="stats-author-filter">
          Chỉ bài của <strong>{author.name}</strong>.{' '}
          <Link href={statsPageHref(query, { authorId: null })} className="underline">
            Bỏ lọc
          </Link>
        </p>
      ) : null}
      {ranking.rows.length === 0 ? (
        <p className="text-sm text-slate-500">
          {query.page > 1 ? (
            <>
              Trang này không có bài nào. <Link href={statsPageHref(query, { page: 1 })} className="underline">Về trang đầu</Link>
            </>
          ) : (
            'Chưa có lượt xem bài nào trong khoảng này.'
          )}
        </p>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white md:overflow-x-auto">
          <table className="w-full text-sm max-md:block" data-testid="stats-article-table">
            <thead className="bg-slate-50 text-left text-slate-600 max-md:hidden">
              <tr>
                <th className={`${headerCell} w-10`}>#</th>
                <th className={headerCell}>Tiêu đề</th>
                <th className={headerCell}>Chuyên mục</th>
                <th className={headerCell}>Tác giả</th>
                <th className={headerCell}>Xuất bản</th>
                <th className={`${headerCell} text-right`}>Lượt xem</th>
              </tr>
            </thead>
            <tbody className="max-md:block max-md:divide-y max-md:divide-slate-200">
              {ranking.rows.map((row) => (
                <ArticleRow key={row.id} row={row} query={query} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <StatsPagination query={query} total={ranking.total} label="Phân trang bài viết" />
    </section>
  );
}
