import { describe, expect, it } from 'vitest';
import { orderAfterMove, parentRefusal, type CategoryLink } from '@/lib/categories/category-tree';

// 1 ─┬─ 2 ─── 3
//    └─ 4
// 5
const tree: CategoryLink[] = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 2 },
  { id: 4, parentId: 1 },
  { id: 5, parentId: null },
];

describe('choosing a parent category', () => {
  it('accepts the top level and any category outside the moved one', () => {
    expect(parentRefusal(2, null, tree)).toBeNull();
    expect(parentRefusal(2, 4, tree)).toBeNull();
    expect(parentRefusal(2, 5, tree)).toBeNull();
    expect(parentRefusal(3, 1, tree)).toBeNull();
  });

  it('accepts any existing parent for a new category', () => {
    for (const { id } of tree) expect(parentRefusal(null, id, tree)).toBeNull();
    expect(parentRefusal(null, null, tree)).toBeNull();
  });

  it('refuses a parent that does not exist', () => {
    expect(parentRefusal(null, 99, tree)).toBe('parent_missing');
    expect(parentRefusal(2, 99, tree)).toBe('parent_missing');
  });

  it('refuses the category itself and its descendants', () => {
    expect(parentRefusal(2, 2, tree)).toBe('parent_inside_category');
    expect(parentRefusal(2, 3, tree)).toBe('parent_inside_category');
    expect(parentRefusal(1, 3, tree)).toBe('parent_inside_category');
  });

  it('finishes on a loop already in the data', () => {
    const looped: CategoryLink[] = [
      { id: 1, parentId: 2 },
      { id: 2, parentId: 1 },
      { id: 3, parentId: null },
    ];
    expect(parentRefusal(3, 1, looped)).toBeNull();
    expect(parentRefusal(1, 2, looped)).toBe('parent_inside_category');
  });
});

describe('moving a category among its siblings', () => {
  it('swaps it with the neighbour above or below', () => {
    expect(orderAfterMove([10, 20, 30], 20, 'up')).toEqual([20, 10, 30]);
    expect(orderAfterMove([10, 20, 30], 20, 'down')).toEqual([10, 30, 20]);
  });

  it('changes nothing at either end', () => {
    expect(orderAfterMove([10, 20, 30], 10, 'up')).toBeNull();
    expect(orderAfterMove([10, 20, 30], 30, 'down')).toBeNull();
    expect(orderAfterMove([10], 10, 'up')).toBeNull();
  });

  it('leaves the given order alone', () => {
    const siblings = [10, 20];
    orderAfterMove(siblings, 20, 'up');
    expect(siblings).toEqual([10, 20]);
  });
});
