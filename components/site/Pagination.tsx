import Link from 'next/link';

/** Page links; `pagePath` comes from lib/public-paths, which puts the page in the path so every page stays cacheable. */
export function Pagination({ pagePath, page, pageCount }: { pagePath: (page: number) => string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const from = Math.max(1, page - 2);
  const to = Math.min(pageCount, page + 2);
  const pages = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <nav aria-label="Phân trang" className="mt-8 flex flex-wrap items-center gap-2 text-sm">
      {page > 1 ? (
        <Link href={pagePath(page - 1)} rel="prev" className="rounded border border-slate-300 bg-white px-3 py-1.5">
          ‹ Trang trước
        </Link>
      ) : null}
      {pages.map((p) =>
        p === page ? (
          <span key={p} aria-current="page" className="rounded bg-brand px-3 py-1.5 font-semibold text-white">
            {p}
          </span>
        ) : (
          <Link key={p} href={pagePath(p)} className="rounded border border-slate-300 bg-white px-3 py-1.5">
            {p}
          </Link>
        ),
      )}
      {page < pageCount ? (
        <Link href={pagePath(page + 1)} rel="next" className="rounded border border-slate-300 bg-white px-3 py-1.5">
          Trang sau ›
        </Link>
      ) : null}
      <span className="text-slate-500">
        Trang {page}/{pageCount}
      </span>
    </nav>
  );
}
