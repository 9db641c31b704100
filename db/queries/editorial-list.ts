import 'server-only';
import { and, asc, desc, eq, gt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { getDb } from '../index';
import { articlePresence, articles, articleTags, categories, tags, users, type ArticleStatus } from '../schema';
import { canView, isEditor, type Actor } from '@/lib/editorial';
import { AppError } from '@/lib/http/errors';
import { normalizeSearchQuery } from '@/lib/search-query';
import type { AdminListFilters } from '@/lib/validation/editorial';

type Deps = { db?: Executor; now?: Date };
async function resolve(deps: Deps) {
  return { db: deps.db ?? (await getDb()), now: deps.now ?? new Date() };
}

export const ADMIN_PAGE_SIZE = 25;

export type AdminArticleRow = {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  authorId: number;
  authorName: string;
  categoryName: string | null;
  reviewNote: string | null;
};

const rowColumns = {
  id: articles.id,
  title: articles.title,
  slug: articles.slug,
  status: articles.status,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  authorId: articles.authorId,
  authorName: users.name,
  categoryName: categories.name,
  reviewNote: articles.reviewNote,
};

/**
 * The admin list, newest edited first, with keyset pagination on
 * (updated_at, id): page 4,000 costs the same as page 1 on 100k articles.
 * Journalists see only their own articles.
 */
export async function listAdminArticles(
  actor: Actor,
  filters: AdminListFilters,
  deps: Deps = {},
): Promise<{ items: AdminArticleRow[]; nextCursor: string | null }> {
  const { db, now } = await resolve(deps);
  const where: SQL[] = [];
  if (!isEditor(actor.role)) where.push(eq(articles.authorId, actor.id));
  else if (filters.author) where.push(eq(articles.authorId, filters.author));
  if (filters.status === 'scheduled') where.push(and(eq(articles.status, 'published'), gt(articles.publishedAt, now))!);
  else if (filters.status) where.push(eq(articles.status, filters.status));
  if (filters.category) where.push(eq(articles.categoryId, filters.category));
  const q = filters.q ? normalizeSearchQuery(filters.q) : '';
  if (q) {
    where.push(sql`${articles.searchVector} @@ plainto_tsquery('simple', vn_unaccent(lower(${q})))`);
  }
  if (filters.cursor) {
    const [at, id] = filters.cursor.split('_') as [string, string];
    // A row comparison, not an OR: Postgres walks the (updated_at, id) index from the cursor on.
    where.push(sql`(${articles.updatedAt}, ${articles.id}) < (${at}::timestamptz, ${Number(id)})`);
  }
  const rows = await db
    .select({
      ...rowColumns,
      // Microsecond precision: a millisecond cursor would skip rows within the same millisecond.
      cursorAt: sql<string>`to_char(${articles.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(categories, eq(categories.id, articles.categoryId))
    .where(where.length ? and(...where) : undefined)
    // NULLS LAST to match the indexes drizzle creates (`.desc()`); otherwise Postgres sorts all rows.
    .orderBy(sql`${articles.updatedAt} desc nulls last`, sql`${articles.id} desc nulls last`)
    .limit(ADMIN_PAGE_SIZE + 1);
  const items: AdminArticleRow[] = rows.slice(0, ADMIN_PAGE_SIZE).map((row) => {
    const { cursorAt, ...item } = row;
    void cursorAt;
    return item;
  });
  const last = rows[ADMIN_PAGE_SIZE - 1];
  return { items, nextCursor: rows.length > ADMIN_PAGE_SIZE && last ? `${last.cursorAt}_${last.id}` : null };
}

/** "Chờ duyệt": oldest submission first, so nothing waits forever. */
export async function listPendingArticles(deps: Deps = {}, limit = 100): Promise<AdminArticleRow[]> {
  const { db } = await resolve(deps);
  return db
    .select(rowColumns)
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(categories, eq(categories.id, articles.categoryId))
    .where(eq(articles.status, 'pending'))
    .orderBy(asc(articles.updatedAt))
    .limit(limit);
}

export async function countPendingArticles(deps: Deps = {}): Promise<number> {
  const { db } = await resolve(deps);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(articles).where(eq(articles.status, 'pending'));
  return Number(row?.n ?? 0);
}

/** "Bài của tôi": the author's drafts and returned articles, returned ones first. */
export async function listMyWorkInProgress(actor: Actor, deps: Deps = {}, limit = 20): Promise<AdminArticleRow[]> {
  const { db } = await resolve(deps);
  return db
    .select(rowColumns)
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(eq(articles.authorId, actor.id), or(eq(articles.status, 'draft'), eq(articles.status, 'rejected'))))
    .orderBy(sql`case when ${articles.status} = 'rejected' then 0 else 1 end`, desc(articles.updatedAt))
    .limit(limit);
}

export type ArticleForEdit = NonNullable<Awaited<ReturnType<typeof loadArticle>>>;

async function loadArticle(db: Executor, articleId: number) {
  const [row] = await db
    .select({ article: articles, authorName: users.name })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(eq(articles.id, articleId));
  if (!row) return null;
  const tagRows = await db
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
    .orderBy(tags.name);
  // The generated search columns are the database's business, not the editor's.
  const { searchVector: _s, titleVector: _t, ...article } = row.article;
  void _s;
  void _t;
  return { ...article, authorName: row.authorName, tags: tagRows.map((t) => t.name) };
}

/** The edit page and the preview: the author and moderators only; others get 404 (no hint the article exists). */
export async function getArticleForEdit(actor: Actor, articleId: number, deps: Deps = {}): Promise<ArticleForEdit> {
  const { db } = await resolve(deps);
  const article = await loadArticle(db, articleId);
  if (!article || !canView(actor, article)) throw new AppError('not_found', 'Không tìm thấy bài viết.');
  return article;
}

export async function listAuthors(deps: Deps = {}) {
  const { db } = await resolve(deps);
  return db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.active, true)).orderBy(users.name);
}

// ------------------------------------------------------------------ presence

/** A heartbeat older than this no longer counts: presence expires by itself. */
export const PRESENCE_TTL_MS = 45_000;

/**
 * Records that `actor` has the article open and returns who else does.
 * Purely informational: it never locks or blocks anyone.
 */
export async function heartbeatPresence(actor: Actor, articleId: number, deps: Deps = {}): Promise<{ id: number; name: string }[]> {
  const { db, now } = await resolve(deps);
  const [row] = await db.select({ authorId: articles.authorId }).from(articles).where(eq(articles.id, articleId));
  if (!row || !canView(actor, row)) throw new AppError('not_found', 'Không tìm thấy bài viết.');
  await db
    .insert(articlePresence)
    .values({ articleId, userId: actor.id, seenAt: now })
    .onConflictDoUpdate({ target: [articlePresence.articleId, articlePresence.userId], set: { seenAt: now } });
  return db
    .select({ id: users.id, name: users.name })
    .from(articlePresence)
    .innerJoin(users, eq(users.id, articlePresence.userId))
    .where(
      and(
        eq(articlePresence.articleId, articleId),
        ne(articlePresence.userId, actor.id),
        gt(articlePresence.seenAt, new Date(now.getTime() - PRESENCE_TTL_MS)),
      ),
    )
    .orderBy(users.name);
}

/** Leaving the editor: the notice disappears for others at once instead of after the TTL. */
export async function leavePresence(actor: Actor, articleId: number, deps: Deps = {}): Promise<void> {
  const { db } = await resolve(deps);
  await db.delete(articlePresence).where(and(eq(articlePresence.articleId, articleId), eq(articlePresence.userId, actor.id)));
}
