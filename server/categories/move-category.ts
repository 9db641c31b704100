import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { listChildIds, lockCategoryById, setCategoryPositions } from '@/db/queries/categories-admin';
import { orderAfterMove } from '@/lib/categories/category-tree';

export type MoveCategoryOptions = { categoryId: number; direction: 'up' | 'down'; actorId: number | null };

/**
 * "Lên" / "Xuống": swaps a category with its neighbour among its siblings (the
 * order of menus). At the top or bottom already, nothing changes and nothing is audited.
 */
export async function moveCategory({ categoryId, direction, actorId }: MoveCategoryOptions, db?: Executor): Promise<void> {
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
    const current = await lockCategoryById(categoryId, tx);
    const order = orderAfterMove(await listChildIds(current.parentId, tx), current.id, direction);
    if (!order) return;
    // Every sibling is renumbered: positions may have gaps or ties from older data.
    await setCategoryPositions(order, tx);
    await recordAudit({ actorId, action: 'category.moved', targetType: 'category', targetId: current.id, details: { direction } }, tx);
  });
}
