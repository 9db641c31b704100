/** A category as the tree sees it: itself and its parent. */
export type CategoryLink = { id: number; parentId: number | null };

export type ParentRefusal = 'parent_missing' | 'parent_inside_category';

/** What the admin is told for each refusal. */
export const parentRefusalMessages: Record<ParentRefusal, string> = {
  parent_missing: 'Chuyên mục cha không tồn tại.',
  parent_inside_category: 'Không thể đặt chuyên mục nằm trong chính nó.',
};

/**
 * Why `parentId` cannot be the parent of `categoryId` (null for a category not
 * created yet), or null when it can. A parent must exist and must not be the
 * category itself or one of its descendants: either would make a loop that
 * menus and breadcrumbs could never finish walking.
 */
export function parentRefusal(categoryId: number | null, parentId: number | null, tree: readonly CategoryLink[]): ParentRefusal | null {
  if (parentId === null) return null;
  const parentOf = new Map(tree.map((c) => [c.id, c.parentId]));
  if (!parentOf.has(parentId)) return 'parent_missing';
  // Walk up from the new parent; the step bound stops on a loop already in the data.
  for (let current: number | null = parentId, steps = 0; current !== null && steps <= tree.length; steps++) {
    if (current === categoryId) return 'parent_inside_category';
    current = parentOf.get(current) ?? null;
  }
  return null;
}

/**
 * The sibling order after moving `id` one place up or down (swapping it with
 * its neighbour), or null when it is already first (up) or last (down), or
 * not among the siblings.
 */
export function orderAfterMove(siblingIds: readonly number[], id: number, direction: 'up' | 'down'): number[] | null {
  const index = siblingIds.indexOf(id);
  if (index < 0) return null;
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= siblingIds.length) return null;
  const order = [...siblingIds];
  [order[index], order[target]] = [order[target]!, order[index]!];
  return order;
}
