import Link from 'next/link';
import { formatViInteger } from '@/lib/numbers';
import { STATS_PAGE_SIZE, statsPageHref, type StatsQuery } from '@/lib/stats/query';

export function StatsPagination({ query, total, label }: { query: StatsQuery; total: number; label: string }) {
  const pages = Math.max(1, Math.ceil(total / STATS_PAGE_SIZE));
  if (pages <= 1 && query.page === 1) return null;
  const link = 'rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100';
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3 text-sm">
      {query.page > 1 ? (
        <Link href={statsPageHref(query, { page: Math.min(query.page - 1, pages) })} className={link}>
          ← Trang trước
        </Link>
      ) : null}
      <span className="text-slate-600">
        Trang {formatViInteger(query.page)}/{formatViInteger(pages)}
      </span>
      {query.page < pages ? (
        <Link href={statsPageHref(query, { page: query.page + 1 })} className={link}>
          Trang sau →
        </Link>
      ) : null}
    </nav>
  );
}
