import 'server-only';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { redirects, users, type Redirect } from '../schema';

// Rows of `redirects` only; the chain and loop rules are server/redirects/*'s.

export type RedirectSource = 'article' | 'category' | 'manual';

/** The stored targets of these sources, one read for every lookup of a request. */
export async function findRedirectTargets(db: Executor, sources: string[]): Promise<Map<string, string>> {
  if (!sources.length) return new Map();
  const rows = await db.select({ fromPath: redirects.fromPath, toPath: redirects.toPath }).from(redirects).where(inArray(redirects.fromPath, sources));
  return new Map(rows.map((r) => [r.fromPath, r.toPath]));
}

export async function findRedirectBySource(db: Executor, fromPath: string): Promise<Redirect | null> {
  const [row] = await db.select().from(redirects).where(eq(redirects.fromPath, fromPath)).limit(1);
  return row ?? null;
}

/**
 * Points every row that led to `oldTarget` at `newTarget` (A→B, B→C: A→C), then drops
 * any row that now leads to itself.
 */
export async function retargetRedirects(db: Executor, oldTarget: string, newTarget: string): Promise<void> {
  await db.update(redirects).set({ toPath: newTarget }).where(eq(redirects.toPath, oldTarget));
  await db.delete(redirects).where(eq(redirects.fromPath, redirects.toPath));
}

/** Inserts or repoints the row for `fromPath`. */
export async function upsertRedirect(
  db: Executor,
  row: { fromPath: string; toPath: string; source: RedirectSource; createdBy: number | null },
): Promise<Redirect> {
  const [saved] = await db
    .insert(redirects)
    .values(row)
    .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath: row.toPath, source: row.source, createdBy: row.createdBy, createdAt: sql`now()` } })
    .returning();
  return saved!;
}

/** A path that is live again (an article given back its old slug) stops redirecting. */
export async function deleteRedirectFrom(db: Executor, fromPath: string): Promise<void> {
  await db.delete(redirects).where(eq(redirects.fromPath, fromPath));
}

export async function deleteRedirectById(db: Executor, id: number): Promise<Redirect | null> {
  const [row] = await db.delete(redirects).where(eq(redirects.id, id)).returning();
  return row ?? null;
}

export type RedirectListRow = Redirect & { createdByName: string | null };

/** Newest first, optionally only the rows whose source or target contains `contains`. */
export async function listRedirects(db: Executor, { contains, limit }: { contains?: string; limit: number }): Promise<RedirectListRow[]> {
  const filter = contains
    ? sql`(${redirects.fromPath} ilike ${`%${escapeLike(contains)}%`} or ${redirects.toPath} ilike ${`%${escapeLike(contains)}%`})`
    : undefined;
  return db
    .select({
      id: redirects.id,
      fromPath: redirects.fromPath,
      toPath: redirects.toPath,
      source: redirects.source,
      createdBy: redirects.createdBy,
      createdAt: redirects.createdAt,
      createdByName: users.name,
    })
    .from(redirects)
    .leftJoin(users, eq(users.id, redirects.createdBy))
    .where(filter)
    .orderBy(desc(redirects.createdAt), desc(redirects.id))
    .limit(limit);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
