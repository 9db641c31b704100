import Link from 'next/link';
import type { ArticleListItem } from '@/db/queries/articles';
import { articlePath } from '@/lib/public-paths';

const number = new Intl.NumberFormat('vi-VN');

/** "Đọc nhiều": the most viewed articles of the last seven days. */
export function MostRead({ items }: { items: (ArticleListItem & { recentViews: number })[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="most-read-title" className="rounded bg-white p-4 shadow-sm" data-testid="most-read">
      <h2 id="most-read-title" className="mb-2 border-b-2 border-accent pb-1 font-bold uppercase text-brand">
        Đọc nhiều
      </h2>
      <ol className="space-y-2">
        {items.map((a, i) => (
          <li key={a.id} className="flex gap-3 border-b border-slate-200 pb-2 last:border-0">
            <span aria-hidden="true" className="font-serif text-2xl font-bold leading-none text-slate-300">
              {i + 1}
            </span>
            <div>
              <Link href={articlePath(a.slug)} className="text-sm font-semibold leading-snug hover:text-brand hover:underline">
                {a.title}
              </Link>
              <p className="text-xs text-slate-500">{number.format(a.viewCount)} lượt xem</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
