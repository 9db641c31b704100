'use server';

import { revalidatePath, revalidateTag } from 'next/cache';
import { createCategory } from '@/server/categories/create-category';
import { moveCategory } from '@/server/categories/move-category';
import { updateCategory } from '@/server/categories/update-category';
import { adminAction } from '@/server/actions/admin-action';
import { cacheTags } from '@/lib/cache-tags';
import { categoryPath } from '@/lib/public-paths';
import { createCategoryInput, moveCategoryInput, updateCategoryInput } from '@/lib/validation/accounts';

/** Menus and listings read categories under the taxonomy tag: fresh on the next request. */
function refreshTaxonomy() {
  revalidateTag(cacheTags.taxonomy, { expire: 0 });
  revalidatePath('/admin/chuyen-muc');
}

export const createCategoryAction = adminAction(
  { schema: createCategoryInput, roles: ['admin'], successMessage: 'Đã tạo chuyên mục.' },
  async (input, admin) => {
    const category = await createCategory({ ...input, actorId: admin.id });
    refreshTaxonomy();
    return category;
  },
);

export const updateCategoryAction = adminAction(
  { schema: updateCategoryInput, roles: ['admin'], successMessage: 'Đã lưu chuyên mục.' },
  async (input, admin) => {
    const category = await updateCategory({ ...input, actorId: admin.id });
    refreshTaxonomy();
    revalidateTag(cacheTags.category(category.slug), { expire: 0 });
    // A new slug: the old listing pages and feed, cached as pages, now answer with the redirect.
    const before = category.previousSlug;
    if (before !== category.slug) {
      revalidateTag(cacheTags.category(before), { expire: 0 });
      revalidatePath(categoryPath(before));
      revalidatePath(`${categoryPath(before)}/trang/[page]`, 'page');
      revalidateTag(cacheTags.articles, { expire: 0 });
    }
    return category;
  },
);

export const moveCategoryAction = adminAction({ schema: moveCategoryInput, roles: ['admin'] }, async ({ categoryId, direction }, admin) => {
  await moveCategory({ categoryId, direction, actorId: admin.id });
  refreshTaxonomy();
  return null;
});
