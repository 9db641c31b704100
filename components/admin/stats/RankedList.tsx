import Link from 'next/link';
import { formatViInteger } from '@/lib/numbers';

export type RankedItem = { key: string; label: string; href?: string; value: number };

/** A titled top-N list (articles, referrers) with its figure on the right. */
export function RankedList({ title, unit, items, empty, more }: { title: string; unit: string; items: RankedItem[]; empty: string; more?: { href: string; label: string } }) {
  return (
    <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-2 font-semibold">{title}</h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {items.map((item, i) => (
            <li key={item.key} className="flex justify-between gap-3 border-b border-slate-100 py-1 last:border-0">
              <span className="min-w-0 truncate">
                <span className="mr-2 text-slate-400">{i + 1}.</span>
                {item.href ? (
                  <Link href={item.href} className="hover:underline">
                    {item.label}
                  </Link>
                ) : (
                  item.label
                )}
              </span>
              <span className="shrink-0 tabular-nums text-slate-700">
                {formatViInteger(item.value)} {unit}
              </span>
            </li>
          ))}
        </ol>
      )}
      {more ? (
        <Link href={more.href} className="mt-2 inline-block text-sm text-sky-900 hover:underline">
          {more.label}
        </Link>
      ) : null}
    </section>
  );
}
