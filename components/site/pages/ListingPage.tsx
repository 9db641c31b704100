import type { ArticleListItem, Page } from '@/db/queries/articles';
import { homePath } from '@/lib/public-paths';
import { ArticleList } from '../ArticleList';
import { Pagination } from '../Pagination';

type Props = {
  eyebrow: string;
  title: string;
  description?: string | null;
  /** The path of page n of this listing. */
  pagePath: (page: number) => string;
  list: Page<ArticleListItem>;
};

export function ListingPage({ eyebrow, title, description, pagePath, list }: Props) {
  return (
    <div>
      <nav aria-label="Đường dẫn" className="mb-2 text-sm text-slate-600">
        <a href={homePath()} className="hover:underline">
          Trang chủ
        </a>{' '}
        › {eyebrow}
      </nav>
      <h1 className="mb-1 border-b-2 border-brand pb-2 font-serif text-2xl font-bold text-brand">{title}</h1>
      {description ? <p className="mb-6 text-slate-600">{description}</p> : <div className="mb-6" />}
      <ArticleList items={list.items} />
      <Pagination pagePath={pagePath} page={list.page} pageCount={list.pageCount} />
    </div>
  );
}
