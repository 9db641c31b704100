import 'server-only';
import { asc, eq, isNull, like, sql } from 'drizzle-orm';
import { AppError } from '@/lib/http/errors';
import type { CategoryLink } from '@/lib/categories/category-tree';
import type { Executor } from '../client';
import { categories, type Category, type NewCategory } from '../schema';

// Rows of `categories` only. Parent checks, slugs and ordering rules are the
// use cases' business (server/categories/*).

/** The row, locked until the transaction ends so concurrent edits of the category queue behind this one. */
export async function lockCategoryById(id: number, tx: Executor): Promise<Category> {
  const [row] = await tx.select().from(categories).where(eq(categories.id, id)).for('update').limit(1);
  if (!row) throw new AppError('not_found', 'Không tìm thấy chuyên mục.');
  return row;
}

/** Every category's id and parent: the whole tree, small enough to check in memory. */
export async function listCategoryLinks(db: Executor): Promise<CategoryLink[]> {
  return db.select({ id: categories.id, parentId: categories.parentId }).from(categories);
}

/** Slugs in use that start with `base` (the candidates `base`, `base-2` … might clash with). */
export async function takenCategorySlugs(base: string, db: Executor): Promise<string[]> {
  const rows = await db.select({ slug: categories.slug }).from(categories).where(like(categories.slug, `${base}%`));
  return rows.map((r) => r.slug);
}

const childrenOf = (parentId: number | null) => (parentId === null ? isNull(categories.parentId) : eq(categories.parentId, parentId));

/** The highest position among the children of `parentId` (top level for null); 0 when it has none. */
export async function lastChildPosition(parentId: number | null, db: Executor): Promise<number> {
  const [row] = await db.select({ max: sql<number>`coalesce(max(${categories.position}), 0)::int` }).from(categories).where(childrenOf(parentId));
  return Number(row?.max ?? 0);
}

/** The ids of the children of `parentId` (top level for null), in display order. */
export async function listChildIds(parentId: number | null, db: Executor): Promise<number[]> {
  const rows = await db.select({ id: categories.id }).from(categories).where(childrenOf(parentId)).orderBy(asc(categories.position), asc(categories.id));
  return rows.map((r) => r.id);
}

export type NewCategoryRow = Pick<NewCategory, 'name' | 'slug' | 'description' | 'parentId' | 'position'>;

export async function insertCategoryRow(values: NewCategoryRow, db: Executor): Promise<Category> {
  const [row] = await db.insert(categories).values(values).returning();
  return row!;
}

export type CategoryRowChanges = Partial<Pick<NewCategory, 'name' | 'slug' | 'description' | 'parentId' | 'position'>>;

/** Edits a category's row. The row must exist: lock it first. */
export async function updateCategoryRow(id: number, changes: CategoryRowChanges, db: Executor): Promise<Category> {
  const [row] = await db.update(categories).set(changes).where(eq(categories.id, id)).returning();
  return row!;
}

/** Numbers the given categories 1, 2, 3 … in the order given. */
export async function setCategoryPositions(orderedIds: readonly number[], db: Executor): Promise<void> {
  for (const [i, id] of orderedIds.entries()) await db.update(categories).set({ position: i + 1 }).where(eq(categories.id, id));
}
