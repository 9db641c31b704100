import 'server-only';
import { and, desc, eq, inArray, like, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import type { PublicNames } from '@/lib/public-impact';
import { articleRevisions, articles, articleTags, categories, tags, users, type Article, type ArticleStatus } from '../schema';

// Row reads and writes of the editorial use cases (server/editorial/*).
// No rule lives here: who may do what, which slug, which revision, which
// pages to refresh are decided by the callers.

/** The article row, locked until the transaction ends (every editorial change takes this lock first). */
export async function lockArticleRow(tx: Executor, articleId: number): Promise<Article | null> {
  const [row] = await tx.select().from(articles).where(eq(articles.id, articleId)).for('update').limit(1);
  return row ?? null;
}

export type ArticleAccessRow = { authorId: number; status: ArticleStatus };

export async function getArticleAccess(db: Executor, articleId: number): Promise<ArticleAccessRow | null> {
  const [row] = await db.select({ authorId: articles.authorId, status: articles.status }).from(articles).where(eq(articles.id, articleId));
  return row ?? null;
}

export async function insertArticle(tx: Executor, values: typeof articles.$inferInsert): Promise<Article> {
  const [row] = await tx.insert(articles).values(values).returning();
  return row!;
}

export async function updateArticleRow(tx: Executor, articleId: number, values: Partial<typeof articles.$inferInsert>): Promise<Article> {
  const [row] = await tx.update(articles).set(values).where(eq(articles.id, articleId)).returning();
  return row!;
}

/** Other articles' slugs that equal `base` or match `pattern` (its numbered forms). */
export async function takenArticleSlugs(tx: Executor, base: string, pattern: string, exceptArticleId: number): Promise<string[]> {
  const rows = await tx
    .select({ slug: articles.slug })
    .from(articles)
    .where(and(ne(articles.id, exceptArticleId), or(eq(articles.slug, base), like(articles.slug, pattern))));
  return rows.map((r) => r.slug);
}

export async function categoryExists(tx: Executor, categoryId: number): Promise<boolean> {
  const [row] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
  return Boolean(row);
}

export async function isActiveUser(tx: Executor, userId: number): Promise<boolean> {
  const [row] = await tx.select({ active: users.active }).from(users).where(eq(users.id, userId));
  return Boolean(row?.active);
}

/** Replaces the article's tags, creating the tags that do not exist yet. */
export async function replaceArticleTags(tx: Executor, articleId: number, wanted: { slug: string; name: string }[]): Promise<void> {
  await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
  if (wanted.length === 0) return;
  await tx.insert(tags).values(wanted).onConflictDoNothing();
  const rows = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(inArray(tags.slug, wanted.map((t) => t.slug)));
  await tx.insert(articleTags).values(rows.map((r) => ({ articleId, tagId: r.id })));
}

/** The public names an article is reachable under: its slug, category, author and tags. */
export type ArticlePublicNames = PublicNames;

export async function getArticlePublicNames(
  tx: Executor,
  row: Pick<Article, 'id' | 'slug' | 'categoryId' | 'authorId'>,
): Promise<ArticlePublicNames> {
  const [cat] = row.categoryId ? await tx.select({ slug: categories.slug }).from(categories).where(eq(categories.id, row.categoryId)) : [];
  const [author] = await tx.select({ slug: users.slug }).from(users).where(eq(users.id, row.authorId));
  const tagRows = await tx
    .select({ slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, row.id));
  return { slug: row.slug, category: cat?.slug ?? null, author: author?.slug ?? null, tags: tagRows.map((t) => t.slug) };
}

// ------------------------------------------------------------------ revisions

/** The newest revision: the one an autosave may fold into, and whose editor a 409 names. */
export async function getLastRevision(tx: Executor, articleId: number): Promise<RevisionListItem | null> {
  const [row] = await listRevisionRows(tx, articleId, 1);
  return row ?? null;
}

type RevisionValues = Omit<typeof articleRevisions.$inferInsert, 'id'>;

export async function insertRevision(tx: Executor, values: RevisionValues): Promise<void> {
  await tx.insert(articleRevisions).values(values);
}

export async function overwriteRevision(
  tx: Executor,
  revisionId: number,
  values: Pick<RevisionValues, 'version' | 'status' | 'title' | 'sapo' | 'bodyJson' | 'bodyHtml'>,
): Promise<void> {
  await tx.update(articleRevisions).set(values).where(eq(articleRevisions.id, revisionId));
}

export async function getRevision(tx: Executor, articleId: number, revisionId: number) {
  const [row] = await tx
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)));
  return row ?? null;
}

export type RevisionListItem = {
  id: number;
  /** 1, 2, 3 … in the order the revisions were made: the history's own numbering, unique per article. */
  number: number;
  action: string;
  /** The article's version the revision was taken at; an autosave of a published article shares it with the live text. */
  version: number;
  status: ArticleStatus;
  title: string;
  note: string | null;
  createdAt: Date;
  editorId: number | null;
  editorName: string | null;
};

/** Newest first, with the editor's name. */
export async function listRevisionRows(db: Executor, articleId: number, limit = 200): Promise<RevisionListItem[]> {
  return db
    .select({
      id: articleRevisions.id,
      // Counted over all of the article's revisions (the window runs before the limit).
      number: sql<number>`(row_number() over (order by ${articleRevisions.id}))::int`,
      action: articleRevisions.action,
      version: articleRevisions.version,
      status: articleRevisions.status,
      title: articleRevisions.title,
      note: articleRevisions.note,
      createdAt: articleRevisions.createdAt,
      editorId: articleRevisions.editorId,
      editorName: users.name,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.editorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .limit(limit);
}

export type RevisionText = { id: number; version: number; title: string; sapo: string; bodyHtml: string };

export async function getRevisionTexts(db: Executor, articleId: number, ids: number[]): Promise<RevisionText[]> {
  return db
    .select({ id: articleRevisions.id, version: articleRevisions.version, title: articleRevisions.title, sapo: articleRevisions.sapo, bodyHtml: articleRevisions.bodyHtml })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), inArray(articleRevisions.id, ids)));
}

/** Title and current version of each of these articles (a bulk action reports by title and acts on the version it read). */
export async function getArticleHeads(db: Executor, ids: number[]): Promise<{ id: number; title: string; version: number }[]> {
  if (!ids.length) return [];
  return db.select({ id: articles.id, title: articles.title, version: articles.version }).from(articles).where(inArray(articles.id, ids));
}
