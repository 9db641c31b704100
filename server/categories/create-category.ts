import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { insertCategoryRow, lastChildPosition, listCategoryLinks, takenCategorySlugs } from '@/db/queries/categories-admin';
import type { Category } from '@/db/schema';
import { parentRefusal, parentRefusalMessages } from '@/lib/categories/category-tree';
import { AppError } from '@/lib/http/errors';
import { nextFreeSlug, slugify } from '@/lib/slug';

export type CreateCategoryOptions = { name: string; description?: string; parentId?: number | null; actorId: number | null };

/** "Tạo chuyên mục": a new category, last among its siblings, with a slug of its own for its public URL. */
export async function createCategory({ name, description, parentId = null, actorId }: CreateCategoryOptions, db?: Executor): Promise<Category> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    const refusal = parentRefusal(null, parentId, await listCategoryLinks(tx));
    if (refusal) throw new AppError('validation_failed', parentRefusalMessages[refusal]);
    const base = slugify(name) || 'chuyen-muc';
    const slug = nextFreeSlug(base, await takenCategorySlugs(base, tx));
    const category = await insertCategoryRow(
      { name: name.trim(), slug, description: description?.trim() || null, parentId, position: (await lastChildPosition(parentId, tx)) + 1 },
      tx,
    );
    await recordAudit(
      { actorId, action: 'category.created', targetType: 'category', targetId: category.id, details: { name: category.name, slug: category.slug } },
      tx,
    );
    return category;
  });
}
