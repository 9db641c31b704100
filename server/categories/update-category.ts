import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { lastChildPosition, listCategoryLinks, lockCategoryById, updateCategoryRow } from '@/db/queries/categories-admin';
import type { Category } from '@/db/schema';
import { parentRefusal, parentRefusalMessages } from '@/lib/categories/category-tree';
import { AppError } from '@/lib/http/errors';

export type UpdateCategoryOptions = {
  categoryId: number;
  name: string;
  /** Absent: unchanged. Blank: removed. */
  description?: string;
  /** Absent: unchanged. null: top level. */
  parentId?: number | null;
  actorId: number | null;
};

/**
 * "Lưu" on a category: renames it, re-describes it or moves it under another
 * parent. The slug stays, so its public URL and the links to it keep working.
 */
export async function updateCategory({ categoryId, name, description, parentId, actorId }: UpdateCategoryOptions, db?: Executor): Promise<Category> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    const current = await lockCategoryById(categoryId, tx);
    const nextParentId = parentId === undefined ? current.parentId : parentId;
    const refusal = parentRefusal(current.id, nextParentId, await listCategoryLinks(tx));
    if (refusal) throw new AppError('validation_failed', parentRefusalMessages[refusal]);
    // Moved under another parent: it goes last among its new siblings.
    const position = nextParentId === current.parentId ? current.position : (await lastChildPosition(nextParentId, tx)) + 1;
    const category = await updateCategoryRow(
      current.id,
      {
        name: name.trim(),
        description: description === undefined ? current.description : description.trim() || null,
        parentId: nextParentId,
        position,
      },
      tx,
    );
    await recordAudit(
      {
        actorId,
        action: 'category.updated',
        targetType: 'category',
        targetId: current.id,
        details: { from: { name: current.name, parentId: current.parentId }, to: { name: category.name, parentId: category.parentId } },
      },
      tx,
    );
    return category;
  });
}
