import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { lastChildPosition, listCategoryLinks, lockCategoryById, takenCategorySlugs, updateCategoryRow } from '@/db/queries/categories-admin';
import type { Category } from '@/db/schema';
import { parentRefusal, parentRefusalMessages } from '@/lib/categories/category-tree';
import { AppError } from '@/lib/http/errors';
import { categoryPath } from '@/lib/public-paths';
import { slugify } from '@/lib/slug';
import { recordMovedPath } from '@/server/redirects/record-moved-path';

export type UpdateCategoryOptions = {
  categoryId: number;
  name: string;
  /** Absent or blank: unchanged. Otherwise made a slug; the old path keeps answering with a redirect. */
  slug?: string;
  /** Absent: unchanged. Blank: removed. */
  description?: string;
  /** Absent: unchanged. null: top level. */
  parentId?: number | null;
  actorId: number | null;
};

/**
 * "Lưu" on a category: renames it, re-describes it or moves it under another
 * parent, or gives it a new slug: the old public path then redirects (308) to the
 * new one, with its later pages and its feed, so links to it keep working.
 */
export async function updateCategory({ categoryId, name, slug: slugInput, description, parentId, actorId }: UpdateCategoryOptions, db?: Executor): Promise<Category & { previousSlug: string }> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    const current = await lockCategoryById(categoryId, tx);
    const nextParentId = parentId === undefined ? current.parentId : parentId;
    const refusal = parentRefusal(current.id, nextParentId, await listCategoryLinks(tx));
    if (refusal) throw new AppError('validation_failed', parentRefusalMessages[refusal]);
    // Moved under another parent: it goes last among its new siblings.
    const position = nextParentId === current.parentId ? current.position : (await lastChildPosition(nextParentId, tx)) + 1;
    const slug = await chosenSlug(tx, current, slugInput);
    const category = await updateCategoryRow(
      current.id,
      {
        name: name.trim(),
        slug,
        description: description === undefined ? current.description : description.trim() || null,
        parentId: nextParentId,
        position,
      },
      tx,
    );
    if (slug !== current.slug) {
      await recordMovedPath(tx, { oldPath: categoryPath(current.slug), newPath: categoryPath(slug), source: 'category', actorId });
    }
    await recordAudit(
      {
        actorId,
        action: 'category.updated',
        targetType: 'category',
        targetId: current.id,
        details: {
          from: { name: current.name, slug: current.slug, parentId: current.parentId },
          to: { name: category.name, slug: category.slug, parentId: category.parentId },
        },
      },
      tx,
    );
    return { ...category, previousSlug: current.slug };
  });
}

async function chosenSlug(tx: Executor, current: Category, input: string | undefined): Promise<string> {
  if (!input?.trim()) return current.slug;
  const slug = slugify(input);
  if (!slug) throw new AppError('validation_failed', 'Đường dẫn cần có ít nhất một chữ cái hoặc chữ số.');
  if (slug === current.slug) return slug;
  if ((await takenCategorySlugs(slug, tx)).includes(slug)) throw new AppError('conflict', `Đường dẫn "${slug}" đã được chuyên mục khác dùng.`);
  return slug;
}
