'use server';

import { revalidatePath, revalidateTag } from 'next/cache';
import { createCategory, moveCategory, updateCategory } from '@/db/queries/categories-admin';
import type { Category } from '@/db/schema';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { requireRole } from '@/server/auth/session';
import { cacheTags } from '@/lib/cache-tags';
import { createCategoryInput, moveCategoryInput, updateCategoryInput } from '@/lib/validation/accounts';

/** Menus and listings read categories under the taxonomy tag: fresh on the next request. */
function refreshTaxonomy() {
  revalidateTag(cacheTags.taxonomy, { expire: 0 });
  revalidatePath('/admin/chuyen-muc');
}

export async function createCategoryAction(input: unknown): Promise<ActionResult<Category>> {
  return runAction(async () => {
    const admin = await requireRole('admin');
    const category = await createCategory(createCategoryInput.parse(input), admin.id);
    refreshTaxonomy();
    return category;
  }, 'Đã tạo chuyên mục.');
}

export async function updateCategoryAction(input: unknown): Promise<ActionResult<Category>> {
  return runAction(async () => {
    const admin = await requireRole('admin');
    const category = await updateCategory(updateCategoryInput.parse(input), admin.id);
    refreshTaxonomy();
    revalidateTag(cacheTags.category(category.slug), { expire: 0 });
    return category;
  }, 'Đã lưu chuyên mục.');
}

export async function moveCategoryAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    const admin = await requireRole('admin');
    const { categoryId, direction } = moveCategoryInput.parse(input);
    await moveCategory(categoryId, direction, admin.id);
    refreshTaxonomy();
    return null;
  });
}
