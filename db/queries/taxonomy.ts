import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { getDb } from '../index';
import { categories, tags, users } from '../schema';

export async function getCategories(db?: Executor) {
  const conn = db ?? (await getDb());
  return conn.select().from(categories).orderBy(asc(categories.position), asc(categories.id));
}

export async function getCategoryBySlug(slug: string, db?: Executor) {
  const conn = db ?? (await getDb());
  const [row] = await conn.select().from(categories).where(eq(categories.slug, slug)).limit(1);
  return row ?? null;
}

export async function getTagBySlug(slug: string, db?: Executor) {
  const conn = db ?? (await getDb());
  const [row] = await conn.select().from(tags).where(eq(tags.slug, slug)).limit(1);
  return row ?? null;
}

/** Public author profile: never exposes email, role or account state. */
export async function getAuthorBySlug(slug: string, db?: Executor) {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ id: users.id, name: users.name, slug: users.slug, bio: users.bio })
    .from(users)
    .where(eq(users.slug, slug))
    .limit(1);
  return row ?? null;
}
