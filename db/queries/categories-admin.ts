import 'server-only';
import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import { AppError } from '@/lib/http/errors';
import { nextFreeSlug, slugify } from '@/lib/slug';
import type { Executor } from '../client';
import { getDb } from '../index';
import { categories, type Category } from '../schema';
import { recordAudit } from './audit';

export async function listCategoriesForAdmin(db?: Executor): Promise<Category[]> {
  const conn = db ?? (await getDb());
  return conn.select().from(categories).orderBy(asc(categories.position), asc(categories.id));
}

async function lockCategory(id: number, tx: Executor): Promise<Category> {
  const [row] = await tx.select().from(categories).where(eq(categories.id, id)).for('update').limit(1);
  if (!row) throw new AppError('not_found', 'Không tìm thấy chuyên mục.');
  return row;
}

/** A parent must exist and must not be the category itself or one of its descendants. */
async function assertValidParent(categoryId: number | null, parentId: number | null, tx: Executor): Promise<void> {
  if (parentId === null) return;
  const all = await tx.select({ id: categories.id, parentId: categories.parentId }).from(categories);
  const parentOf = new Map(all.map((c) => [c.id, c.parentId]));
  if (!parentOf.has(parentId)) throw new AppError('validation_failed', 'Chuyên mục cha không tồn tại.');
  for (let current: number | null = parentId, steps = 0; current !== null && steps <= all.length; steps++) {
    if (current === categoryId) throw new AppError('validation_failed', 'Không thể đặt chuyên mục nằm trong chính nó.');
    current = parentOf.get(current) ?? null;
  }
}

const siblingsOf = (parentId: number | null) => (parentId === null ? isNull(categories.parentId) : eq(categories.parentId, parentId));

export async function createCategory(
  input: { name: string; description?: string; parentId?: number | null },
  actorId: number | null,
  db?: Executor,
): Promise<Category> {
  const conn = db ?? (await getDb());
  const parentId = input.parentId ?? null;
  return conn.transaction(async (tx) => {
    await assertValidParent(null, parentId, tx);
    const base = slugify(input.name) || 'chuyen-muc';
    const taken = await tx.select({ slug: categories.slug }).from(categories).where(like(categories.slug, `${base}%`));
    const [last] = await tx.select({ max: sql<number>`coalesce(max(${categories.position}), 0)::int` }).from(categories).where(siblingsOf(parentId));
    const [row] = await tx
      .insert(categories)
      .values({
        name: input.name.trim(),
        slug: nextFreeSlug(base, taken.map((t) => t.slug)),
        description: input.description?.trim() || null,
        parentId,
        position: Number(last?.max ?? 0) + 1,
      })
      .returning();
    await recordAudit({ actorId, action: 'category.created', targetType: 'category', targetId: row!.id, details: { name: row!.name, slug: row!.slug } }, tx);
    return row!;
  });
}

/** Renames (the slug, and so the public URL, stays), re-describes or moves under another parent. */
export async function updateCategory(
  input: { categoryId: number; name: string; description?: string; parentId?: number | null },
  actorId: number | null,
  db?: Executor,
): Promise<Category> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    const current = await lockCategory(input.categoryId, tx);
    const parentId = input.parentId === undefined ? current.parentId : input.parentId;
    await assertValidParent(current.id, parentId, tx);
    let position = current.position;
    if (parentId !== current.parentId) {
      const [last] = await tx.select({ max: sql<number>`coalesce(max(${categories.position}), 0)::int` }).from(categories).where(siblingsOf(parentId));
      position = Number(last?.max ?? 0) + 1;
    }
    const [row] = await tx
      .update(categories)
      .set({ name: input.name.trim(), description: input.description === undefined ? current.description : input.description.trim() || null, parentId, position })
      .where(eq(categories.id, current.id))
      .returning();
    await recordAudit(
      {
        actorId,
        action: 'category.updated',
        targetType: 'category',
        targetId: current.id,
        details: { from: { name: current.name, parentId: current.parentId }, to: { name: row!.name, parentId: row!.parentId } },
      },
      tx,
    );
    return row!;
  });
}

/** Swaps a category with its neighbour among its siblings. */
export async function moveCategory(categoryId: number, direction: 'up' | 'down', actorId: number | null, db?: Executor): Promise<void> {
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
    const current = await lockCategory(categoryId, tx);
    const siblings = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(siblingsOf(current.parentId)))
      .orderBy(asc(categories.position), asc(categories.id));
    const order = siblings.map((s) => s.id);
    const index = order.indexOf(current.id);
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [i, id] of order.entries()) await tx.update(categories).set({ position: i + 1 }).where(eq(categories.id, id));
    await recordAudit({ actorId, action: 'category.moved', targetType: 'category', targetId: current.id, details: { direction } }, tx);
  });
}
