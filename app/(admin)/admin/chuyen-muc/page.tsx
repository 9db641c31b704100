import type { Metadata } from 'next';
import { ActionForm } from '@/components/admin/ActionForm';
import { getCategories } from '@/db/queries/taxonomy';
import type { Category } from '@/db/schema';
import { requirePageUser } from '@/server/auth/page-guard';
import { createCategoryAction, moveCategoryAction, updateCategoryAction } from './actions';

export const metadata: Metadata = { title: 'Chuyên mục' };

const input = 'rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const smallButton = 'rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100';

/** Categories in display order, each followed by its children (depth-first). */
function ordered(categories: Category[]): { category: Category; depth: number }[] {
  const children = new Map<number | null, Category[]>();
  for (const c of categories) {
    const key = c.parentId !== null && categories.some((p) => p.id === c.parentId) ? c.parentId : null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  const out: { category: Category; depth: number }[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      out.push({ category: c, depth });
      if (depth < 10) visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export default async function CategoriesPage() {
  await requirePageUser('admin');
  const categories = await getCategories();
  const rows = ordered(categories);

  const parentOptions = (exclude?: number) => (
    <>
      <option value="">— Không có (cấp cao nhất) —</option>
      {rows
        .filter(({ category }) => category.id !== exclude)
        .map(({ category, depth }) => (
          <option key={category.id} value={category.id}>
            {'— '.repeat(depth)}
            {category.name}
          </option>
        ))}
    </>
  );

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Chuyên mục</h1>

      <section aria-labelledby="tao-chuyen-muc" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tao-chuyen-muc" className="mb-3 text-lg font-semibold">
          Tạo chuyên mục
        </h2>
        <ActionForm action={createCategoryAction} submitLabel="Tạo chuyên mục" resetOnSuccess className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
          <label className="grid gap-1 text-sm">
            Tên chuyên mục
            <input name="name" required maxLength={120} className={input} />
          </label>
          <label className="grid gap-1 text-sm">
            Mô tả
            <input name="description" maxLength={500} className={input} />
          </label>
          <label className="grid gap-1 text-sm">
            Thuộc chuyên mục
            <select name="parentId" defaultValue="" className={input}>
              {parentOptions()}
            </select>
          </label>
        </ActionForm>
      </section>

      <section aria-labelledby="danh-sach-chuyen-muc" className="space-y-3">
        <h2 id="danh-sach-chuyen-muc" className="text-lg font-semibold">
          Danh sách ({categories.length})
        </h2>
        <ul className="space-y-2">
          {rows.map(({ category, depth }) => (
            <li key={category.id} className="rounded-lg border border-slate-200 bg-white p-3" style={{ marginLeft: `${depth * 1.5}rem` }}>
              <div className="flex flex-wrap items-center gap-3">
                <ActionForm action={updateCategoryAction} submitLabel="Lưu" className="flex flex-wrap items-center gap-2">
                  <input type="hidden" name="categoryId" value={category.id} />
                  <input name="name" defaultValue={category.name} required maxLength={120} aria-label="Tên chuyên mục" className={input} />
                  <input
                    name="slug"
                    defaultValue={category.slug}
                    maxLength={100}
                    aria-label={`Đường dẫn của ${category.name}`}
                    title="Đổi đường dẫn: địa chỉ cũ sẽ tự chuyển hướng sang địa chỉ mới"
                    className={input}
                  />
                  <select name="parentId" defaultValue={category.parentId ?? ''} aria-label={`Chuyên mục cha của ${category.name}`} className={input}>
                    {parentOptions(category.id)}
                  </select>
                </ActionForm>
                <span className="text-xs text-slate-500">/chuyen-muc/{category.slug}</span>
                <ActionForm action={moveCategoryAction} submitLabel="Lên" buttonClassName={smallButton}>
                  <input type="hidden" name="categoryId" value={category.id} />
                  <input type="hidden" name="direction" value="up" />
                </ActionForm>
                <ActionForm action={moveCategoryAction} submitLabel="Xuống" buttonClassName={smallButton}>
                  <input type="hidden" name="categoryId" value={category.id} />
                  <input type="hidden" name="direction" value="down" />
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
