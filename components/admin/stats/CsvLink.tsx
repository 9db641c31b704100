import { statsCsvHref, type StatsQuery } from '@/lib/stats/query';

/** A plain link, not next/link: a route handler must not be prefetched on every view of the page. */
export function CsvLink({ query }: { query: StatsQuery }) {
  return (
    <a href={statsCsvHref(query)} download className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
      Tải CSV
    </a>
  );
}
