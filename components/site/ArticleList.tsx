import type { ArticleListItem } from '@/db/queries/articles';
import { ArticleCard } from './ArticleCard';

export function ArticleList({ items, empty = 'Chưa có bài viết.' }: { items: ArticleListItem[]; empty?: string }) {
  if (items.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((a) => (
        <ArticleCard key={a.id} article={a} headingLevel="h2" />
      ))}
    </div>
  );
}
