import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleCard } from '@/components/site/ArticleCard';
import { SearchBox } from '@/components/site/SearchBox';
import { searchPath } from '@/lib/public-paths';
import { searchParamsSchema } from '@/lib/validation/search';
import { searchArticles } from '@/server/search/search-articles';

// Not cached: one cache entry per typed query would let anyone grow the cache without bound.
export const metadata: Metadata = { title: 'Tìm kiếm', robots: { index: false, follow: true } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const parsed = searchParamsSchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data.q : '';
  const page = parsed.success ? parsed.data.page : 1;
  const result = query ? await searchArticles(query, page) : null;
  const href = (p: number) => searchPath({ q: query, page: p });

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-bold text-brand">Tìm kiếm</h1>
      <div className="rounded bg-brand p-3">
        <SearchBox defaultValue={query} id="page-search" label="Tìm lại tin bài" />
      </div>
      {!parsed.success ? (
        <p role="alert" className="text-accent">
          {parsed.error.issues[0]?.message ?? 'Yêu cầu tìm kiếm không hợp lệ.'}
        </p>
      ) : null}
      {result ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="mb-4 text-slate-700">
            {result.total > 0 ? (
              <>
                Tìm thấy {result.capped ? 'hơn ' : ''}<strong>{result.total.toLocaleString('vi-VN')}</strong> kết quả cho “{query}”{result.capped ? ' (hiển thị các kết quả mới và sát nhất)' : ''}
              </>
            ) : (
              <>Không tìm thấy kết quả nào cho “{query}”.</>
            )}
          </h2>
          <ol className="space-y-6">
            {result.items.map((a) => (
              <li key={a.id}>
                <ArticleCard article={a} headingLevel="h3" />
              </li>
            ))}
          </ol>
          {result.pageCount > 1 ? (
            <nav aria-label="Phân trang" className="mt-8 flex gap-2 text-sm">
              {page > 1 ? <Link href={href(page - 1)} className="rounded border bg-white px-3 py-1.5">‹ Trang trước</Link> : null}
              <span className="px-3 py-1.5">
                Trang {result.page}/{result.pageCount}
              </span>
              {page < result.pageCount ? <Link href={href(page + 1)} className="rounded border bg-white px-3 py-1.5">Trang sau ›</Link> : null}
            </nav>
          ) : null}
        </section>
      ) : parsed.success ? (
        <p className="text-slate-600">Nhập từ khóa, có dấu hoặc không dấu (ví dụ: “lao cai”).</p>
      ) : null}
    </div>
  );
}
