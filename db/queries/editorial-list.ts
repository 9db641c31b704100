import 'server-only';
import { and, asc, desc, eq, gt, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { getDb } from '../index';
import { articlePresence, articles, articleTags, categories, tags, users, type ArticleStatus, type UserRole } from '../schema';
import { normalizeSearchQuery } from '@/lib/search-query';
import type { AdminListFilters } from '@/lib/validation/editorial';

type Deps = { db?: Executor; now?: Date };
async function resolve(deps: Deps) {
  return { db: deps.db ?? (await getDb()), now: deps.now ?? new Date() };
}

export const ADMIN_PAGE_SIZE = 25;

export type AdminArticlePage = { items: AdminArticleRow[]; nextCursor: string | null; nextPage: number | null };

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
  viewCount: number;
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
  viewCount: articles.viewCount,
};

/**
 * The admin list, newest edited first, with keyset pagination on
 * (updated_at, id): page 4,000 costs the same as page 1 on 100k articles.
 * `author` restricts to one author's articles (whose list a caller may see
 * is decided in server/editorial/list-admin-articles.ts).
 */
export async function listAdminArticleRows(
  filters: AdminListFilters,
  deps: Deps = {},
): Promise<AdminArticlePage> {
  const { db, now } = await resolve(deps);
  const where: SQL[] = [isNull(articles.deletedAt)];
  if (filters.author) where.push(eq(articles.authorId, filters.author));
  if (filters.status === 'scheduled') where.push(and(eq(articles.status, 'published'), gt(articles.publishedAt, now))!);
  else if (filters.status) where.push(eq(articles.status, filters.status));
  if (filters.category) where.push(eq(articles.categoryId, filters.category));
  const q = filters.q ? normalizeSearchQuery(filters.q) : '';
  if (q) {
    where.push(sql`${articles.searchVector} @@ plainto_tsquery('simple', vn_unaccent(lower(${q})))`);
  }
  const sorted = sortOrder(filters);
  if (sorted) {
    // Another column than "Cập nhật": numbered pages (at most 400), id as the tie-break so no row is on two pages.
    const page = filters.page ?? 1;
    const rows = await adminRowsQuery(db)
      .where(and(...where))
      .orderBy(...sorted)
      .limit(ADMIN_PAGE_SIZE + 1)
      .offset((page - 1) * ADMIN_PAGE_SIZE);
    return { items: rows.slice(0, ADMIN_PAGE_SIZE), nextCursor: null, nextPage: rows.length > ADMIN_PAGE_SIZE ? page + 1 : null };
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
    .where(and(...where))
    // NULLS LAST to match the indexes drizzle creates (`.desc()`); otherwise Postgres sorts all rows.
    .orderBy(sql`${articles.updatedAt} desc nulls last`, sql`${articles.id} desc nulls last`)
    .limit(ADMIN_PAGE_SIZE + 1);
  const items: AdminArticleRow[] = rows.slice(0, ADMIN_PAGE_SIZE).map((row) => {
    const { cursorAt, ...item } = row;
    void cursorAt;
    return item;
  });
  const last = rows[ADMIN_PAGE_SIZE - 1];
  return { items, nextCursor: rows.length > ADMIN_PAGE_SIZE && last ? `${last.cursorAt}_${last.id}` : null, nextPage: null };
}

/** The ORDER BY of a sort other than the default (updated, newest first), or null for the default. */
function sortOrder(filters: AdminListFilters): SQL[] | null {
  const sort = filters.sort ?? 'cap-nhat';
  const ascending = filters.dir === 'tang';
  if (sort === 'cap-nhat' && !ascending) return null;
  const column = { 'cap-nhat': articles.updatedAt, 'xuat-ban': articles.publishedAt, 'tieu-de': articles.title, 'luot-xem': articles.viewCount }[sort];
  // Never-published articles last whichever way; titles in Vietnamese alphabetical order is beyond 'C' collation, unaccented is close enough.
  const key = sort === 'tieu-de' ? sql`vn_unaccent(lower(${column}))` : sql`${column}`;
  return [sql`${key} ${ascending ? sql`asc` : sql`desc`} nulls last`, ascending ? asc(articles.id) : desc(articles.id)];
}

/** "Thùng rác": trashed articles, most recently trashed first, with who trashed them. */
export async function listTrashedArticles(deps: Deps = {}, limit = 200): Promise<(AdminArticleRow & { deletedAt: Date; deletedByName: string | null })[]> {
  const { db } = await resolve(deps);
  const rows = await db
    .select({ ...rowColumns, deletedAt: articles.deletedAt, deletedByName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${articles.deletedBy})` })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(categories, eq(categories.id, articles.categoryId))
    .where(isNotNull(articles.deletedAt))
    .orderBy(desc(articles.deletedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, deletedAt: r.deletedAt! }));
}

/** The admin list's columns, with the author and category joined in. */
function adminRowsQuery(db: Executor) {
  return db
    .select(rowColumns)
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(categories, eq(categories.id, articles.categoryId));
}

/** "Chờ duyệt": oldest submission first, so nothing waits forever. */
export async function listPendingArticles(deps: Deps = {}, limit = 100): Promise<AdminArticleRow[]> {
  const { db } = await resolve(deps);
  return adminRowsQuery(db)
    .where(and(eq(articles.status, 'pending'), isNull(articles.deletedAt)))
    .orderBy(asc(articles.updatedAt))
    .limit(limit);
}

/** "Bài của tôi": the author's drafts and returned articles, returned ones first. */
export async function listMyWorkInProgress(actor: { id: number }, deps: Deps = {}, limit = 20): Promise<AdminArticleRow[]> {
  const { db } = await resolve(deps);
  return adminRowsQuery(db)
    .where(and(eq(articles.authorId, actor.id), or(eq(articles.status, 'draft'), eq(articles.status, 'rejected')), isNull(articles.deletedAt)))
    .orderBy(sql`case when ${articles.status} = 'rejected' then 0 else 1 end`, desc(articles.updatedAt))
    .limit(limit);
}

export type ArticleForEdit = NonNullable<Awaited<ReturnType<typeof loadArticleForEdit>>>;

/** The article with its author's name and tag names, as the edit page and the preview need it. */
export async function loadArticleForEdit(articleId: number, deps: Deps = {}) {
  const { db } = await resolve(deps);
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

export async function listAuthors(deps: Deps = {}) {
  const { db } = await resolve(deps);
  return db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.active, true)).orderBy(users.name);
}

// ------------------------------------------------------------------ presence

export async function touchPresence(articleId: number, userId: number, deps: Deps = {}): Promise<void> {
  const { db, now } = await resolve(deps);
  await db
    .insert(articlePresence)
    .values({ articleId, userId, seenAt: now })
    .onConflictDoUpdate({ target: [articlePresence.articleId, articlePresence.userId], set: { seenAt: now } });
}

/** Who else has sent a heartbeat for the article since `since`. */
export type PresentUser = { id: number; name: string; role: UserRole };

export async function listOthersPresent(articleId: number, userId: number, since: Date, deps: Deps = {}): Promise<PresentUser[]> {
  const { db } = await resolve(deps);
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(articlePresence)
    .innerJoin(users, eq(users.id, articlePresence.userId))
    .where(and(eq(articlePresence.articleId, articleId), ne(articlePresence.userId, userId), gt(articlePresence.seenAt, since)))
    .orderBy(users.name);
}

export async function deletePresence(articleId: number, userId: number, deps: Deps = {}): Promise<void> {
  const { db } = await resolve(deps);
  await db.delete(articlePresence).where(and(eq(articlePresence.articleId, articleId), eq(articlePresence.userId, userId)));
}
