import type { Metadata } from 'next';
import Link from 'next/link';
import { CategoryOptions } from '@/components/admin/CategoryOptions';
import { ArticleTable } from '@/components/admin/ArticleTable';
import { NewArticleButton } from '@/components/admin/NewArticleButton';
import { listAuthors } from '@/db/queries/editorial-list';
import { listAdminArticles } from '@/server/editorial/list-admin-articles';
import { getCategories } from '@/db/queries/taxonomy';
import { requirePageUser } from '@/server/auth/page-guard';
import { isEditor } from '@/lib/auth/roles';
import { adminListSchema, type AdminListFilters, type AdminSort } from '@/lib/validation/editorial';
import { BulkArticleActions } from '@/components/admin/BulkArticleActions';

export const metadata: Metadata = { title: 'Bài viết' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const field = 'rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const statusOptions = [
  ['', 'Mọi trạng thái'],
  ['draft', 'Nháp'],
  ['pending', 'Chờ duyệt'],
  ['published', 'Đã xuất bản'],
  ['scheduled', 'Hẹn giờ'],
  ['rejected', 'Bị trả lại'],
  ['archived', 'Đã gỡ'],
] as const;

export default async function ArticlesPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const filters = adminListSchema.parse({
    status: one(raw.status),
    category: one(raw.category),
    author: one(raw.author),
    q: one(raw.q),
    cursor: one(raw.cursor),
    sort: one(raw.sort),
    dir: one(raw.dir),
    page: one(raw.page),
  });
  const editor = isEditor(user.role);
  const [list, categories, authors] = await Promise.all([listAdminArticles(user, filters), getCategories(), editor ? listAuthors() : Promise.resolve([])]);
  const hrefWith = (changes: Partial<AdminListFilters>) =>
    `/admin/bai-viet?${new URLSearchParams(
      Object.entries({ ...filters, cursor: undefined, page: undefined, ...changes })
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => [k, String(v)]),
    )}`;
  const nextHref = list.nextCursor ? hrefWith({ cursor: list.nextCursor }) : list.nextPage ? hrefWith({ page: list.nextPage }) : null;
  const sort = filters.sort ?? 'cap-nhat';
  const ascending = filters.dir === 'tang';
  // A header link sorts by its column, newest / largest first; on the current column it turns the order around.
  const sortLinks = { current: sort, ascending, hrefFor: (column: AdminSort) => hrefWith({ sort: column, dir: column === sort && !ascending ? 'tang' : undefined }) };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{editor ? 'Bài viết' : 'Bài viết của tôi'}</h1>
        <div className="flex items-center gap-3">
          {editor ? (
            <Link href="/admin/bai-viet/thung-rac" className="text-sm text-sky-900 hover:underline">
              Thùng rác
            </Link>
          ) : null}
          <NewArticleButton />
        </div>
      </div>
      <form role="search" aria-label="Lọc bài viết" className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3" method="get">
        <label className="grid gap-1 text-sm">
          Tìm theo tiêu đề, nội dung
          <input name="q" type="search" defaultValue={filters.q ?? ''} className={field} />
        </label>
        <label className="grid gap-1 text-sm">
          Trạng thái
          <select name="status" defaultValue={filters.status ?? ''} className={field}>
            {statusOptions.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          Chuyên mục
          <select name="category" defaultValue={filters.category ?? ''} className={field}>
            <CategoryOptions categories={categories} emptyLabel="Mọi chuyên mục" />
          </select>
        </label>
        {editor ? (
          <label className="grid gap-1 text-sm">
            Tác giả
            <select name="author" defaultValue={filters.author ?? ''} className={field}>
              <option value="">Mọi tác giả</option>
              {authors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        {filters.dir ? <input type="hidden" name="dir" value={filters.dir} /> : null}
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white">
          Lọc
        </button>
        <Link href="/admin/bai-viet" className="px-2 py-1.5 text-sm text-sky-900 hover:underline">
          Bỏ lọc
        </Link>
      </form>
      {editor ? <BulkArticleActions categories={categories.map((c) => ({ id: c.id, name: c.name }))} /> : null}
      <ArticleTable items={list.items} showNote selectable={editor} sort={sortLinks} />
      <nav aria-label="Phân trang" className="flex gap-3 text-sm">
        {filters.cursor || (filters.page ?? 1) > 1 ? (
          <Link href={hrefWith({})} className="text-sky-900 hover:underline">
            « Trang đầu
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className="text-sky-900 hover:underline">
            Trang sau »
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
