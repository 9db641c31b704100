import 'server-only';
import { and, desc, eq, inArray, like, ne, or } from 'drizzle-orm';
import type { Database, Executor } from '../client';
import { getDb } from '../index';
import { articleRevisions, articles, articleTags, categories, tags, users, type Article, type ArticleStatus } from '../schema';
import { recordAudit } from './audit';
import { chooseArticleSlug, slugCandidatesPattern } from '@/lib/content/article-slug';
import { renderEditorDocument, renderRawHtml } from '@/lib/content/render';
import { canEdit, canPerform, canView, isEditor, type Actor, type TransitionName } from '@/lib/editorial';
import { AppError } from '@/lib/http/errors';
import { cacheTags } from '@/lib/cache-tags';
import { slugify } from '@/lib/slug';
import type { SaveArticleData } from '@/lib/validation/editorial';

export type EditorialDeps = { db?: Database | Executor; now?: Date };

/** Which public pages a change touches: the caller revalidates exactly these. */
export type PublicImpact = { tags: string[]; paths: string[] };

export type ArticleState = Pick<Article, 'id' | 'version' | 'status' | 'slug' | 'publishedAt' | 'updatedAt' | 'reviewNote'> & {
  /** An autosave of a published article: stored as a revision, the public version is unchanged. */
  liveUnchanged?: boolean;
};
export type EditorialResult = { article: ArticleState; impact: PublicImpact | null };

/** How long an autosave keeps folding into the same revision before a new one starts. */
const AUTOSAVE_REVISION_WINDOW_MS = 10 * 60_000;

async function resolve(deps: EditorialDeps) {
  return { db: deps.db ?? (await getDb()), now: deps.now ?? new Date() };
}

const notFound = () => new AppError('not_found', 'Không tìm thấy bài viết.');
const forbidden = (message = 'Bạn không có quyền sửa bài viết này.') => new AppError('forbidden', message);

async function lockArticle(tx: Executor, articleId: number): Promise<Article> {
  const [row] = await tx.select().from(articles).where(eq(articles.id, articleId)).for('update').limit(1);
  if (!row) throw notFound();
  return row;
}

/** 409 carrying what the server has now, so the editor can show both versions side by side. */
async function conflict(tx: Executor, row: Article): Promise<AppError> {
  const [last] = await tx
    .select({ name: users.name, at: articleRevisions.createdAt })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.editorId))
    .where(eq(articleRevisions.articleId, row.id))
    .orderBy(desc(articleRevisions.id))
    .limit(1);
  return new AppError('conflict', 'Bài viết đã được người khác sửa sau khi bạn mở. Hãy so sánh hai phiên bản trước khi lưu tiếp.', {
    serverVersion: row.version,
    server: {
      title: row.title,
      sapo: row.sapo,
      bodyHtml: row.bodyHtml,
      bodyText: row.bodyText,
      status: row.status,
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: last?.name ?? null,
    },
  });
}

function assertVersion(row: Article, version: number, tx: Executor): Promise<void> | void {
  if (row.version !== version) return conflict(tx, row).then((e) => Promise.reject(e));
}

async function tagSlugsOf(tx: Executor, articleId: number): Promise<string[]> {
  const rows = await tx
    .select({ slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId));
  return rows.map((r) => r.slug);
}

async function publicFacts(tx: Executor, row: Pick<Article, 'id' | 'slug' | 'categoryId' | 'authorId'>) {
  const [cat] = row.categoryId ? await tx.select({ slug: categories.slug }).from(categories).where(eq(categories.id, row.categoryId)) : [];
  const [author] = await tx.select({ slug: users.slug }).from(users).where(eq(users.id, row.authorId));
  return { slug: row.slug, category: cat?.slug ?? null, author: author?.slug ?? null, tags: await tagSlugsOf(tx, row.id) };
}

type Facts = Awaited<ReturnType<typeof publicFacts>>;

/** The article page, lists, feeds and sitemaps (tag `articles`), its category, tags and author, before and after. */
function impactOf(...facts: Facts[]): PublicImpact {
  const tagSet = new Set<string>([cacheTags.articles]);
  const paths = new Set<string>(['/']);
  for (const f of facts) {
    tagSet.add(cacheTags.article(f.slug));
    paths.add(`/bai-viet/${f.slug}`);
    if (f.category) tagSet.add(cacheTags.category(f.category));
    if (f.author) tagSet.add(cacheTags.author(f.author));
    for (const t of f.tags) tagSet.add(cacheTags.tag(t));
  }
  return { tags: [...tagSet], paths: [...paths] };
}

const touchesPublic = (status: ArticleStatus) => status === 'published';

async function storeRevision(
  tx: Executor,
  row: Article,
  actor: Actor,
  action: string,
  now: Date,
  note: string | null = null,
): Promise<void> {
  if (action === 'autosave') {
    const [last] = await tx
      .select({ id: articleRevisions.id, action: articleRevisions.action, editorId: articleRevisions.editorId, createdAt: articleRevisions.createdAt })
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, row.id))
      .orderBy(desc(articleRevisions.id))
      .limit(1);
    // Autosaves every few seconds fold into one revision per editing session.
    if (last && last.action === 'autosave' && last.editorId === actor.id && now.getTime() - last.createdAt.getTime() < AUTOSAVE_REVISION_WINDOW_MS) {
      await tx
        .update(articleRevisions)
        .set({ version: row.version, status: row.status, title: row.title, sapo: row.sapo, bodyJson: row.bodyJson, bodyHtml: row.bodyHtml })
        .where(eq(articleRevisions.id, last.id));
      return;
    }
  }
  await tx.insert(articleRevisions).values({
    articleId: row.id,
    editorId: actor.id,
    action,
    version: row.version,
    status: row.status,
    title: row.title,
    sapo: row.sapo,
    bodyJson: row.bodyJson,
    bodyHtml: row.bodyHtml,
    note,
    createdAt: now,
  });
}

const stateOf = (row: Article): ArticleState => ({
  id: row.id,
  version: row.version,
  status: row.status,
  slug: row.slug,
  publishedAt: row.publishedAt,
  updatedAt: row.updatedAt,
  reviewNote: row.reviewNote,
});

function transact<T>(db: Database | Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return (db as Database).transaction(fn);
}

// ------------------------------------------------------------------ create

/** "Viết bài mới": an empty draft owned by the actor, opened straight in the editor. */
export async function createArticle(actor: Actor, deps: EditorialDeps = {}): Promise<ArticleState> {
  const { db, now } = await resolve(deps);
  return transact(db, async (tx) => {
    const slug = `nhap-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const [row] = await tx
      .insert(articles)
      .values({ title: '', slug, authorId: actor.id, status: 'draft', createdAt: now, updatedAt: now, bodyJson: { type: 'doc', content: [] } })
      .returning();
    await recordAudit({ actorId: actor.id, action: 'article.created', targetType: 'article', targetId: row!.id }, tx);
    return stateOf(row!);
  });
}

// ------------------------------------------------------------------ save

async function uniqueSlug(tx: Executor, requested: string | undefined, title: string, articleId: number): Promise<string> {
  const base = slugify(requested?.trim() ? requested : title) || 'bai-viet';
  const taken = await tx
    .select({ slug: articles.slug })
    .from(articles)
    .where(and(ne(articles.id, articleId), or(eq(articles.slug, base), like(articles.slug, slugCandidatesPattern(base)))));
  return chooseArticleSlug(base, title, taken.map((t) => t.slug));
}

async function replaceTags(tx: Executor, articleId: number, names: string[]): Promise<void> {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (slug && !wanted.has(slug)) wanted.set(slug, name);
  }
  await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
  if (wanted.size === 0) return;
  await tx
    .insert(tags)
    .values([...wanted].map(([slug, name]) => ({ slug, name })))
    .onConflictDoNothing();
  const rows = await tx.select({ id: tags.id }).from(tags).where(inArray(tags.slug, [...wanted.keys()]));
  await tx.insert(articleTags).values(rows.map((r) => ({ articleId, tagId: r.id })));
}

/**
 * "Lưu nháp" and autosave. Optimistic lock: the save names the version it
 * started from; an older version gets 409 with the server's text, never a
 * silent overwrite. A returned article becomes a draft again on its
 * author's save; a published one is updated in place (and its pages refreshed).
 */
export async function saveArticle(actor: Actor, input: SaveArticleData, deps: EditorialDeps = {}): Promise<EditorialResult> {
  const { db, now } = await resolve(deps);
  return transact(db, async (tx) => {
    const row = await lockArticle(tx, input.articleId);
    if (!canView(actor, row)) throw notFound();
    if (!canEdit(actor, row)) throw forbidden(row.status === 'pending' ? 'Bài đang chờ duyệt: bạn chỉ sửa được khi bài được trả lại.' : undefined);
    await assertVersion(row, input.version, tx);

    if (input.authorId !== undefined && input.authorId !== row.authorId) {
      if (!isEditor(actor.role)) throw forbidden('Chỉ biên tập viên được đổi tác giả.');
      const [author] = await tx.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, input.authorId));
      if (!author?.active) throw new AppError('validation_failed', 'Tác giả không tồn tại.');
    }
    if (input.featured !== undefined && input.featured !== row.featured && !isEditor(actor.role)) {
      throw forbidden('Chỉ biên tập viên được đặt tin nổi bật.');
    }
    if (input.categoryId !== null) {
      const [cat] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId));
      if (!cat) throw new AppError('validation_failed', 'Chuyên mục không tồn tại.');
    }

    const body = 'json' in input.body ? renderEditorDocument(input.body.json) : renderRawHtml(input.body.html);
    if (input.autosave && row.status === 'published') {
      // Half-typed edits never go live: an autosave of a published article is
      // kept as its autosave revision only, until someone presses "Cập nhật".
      const draftCopy = { ...row, title: input.title, sapo: input.sapo, bodyJson: 'json' in input.body ? input.body.json : null, bodyHtml: body.html };
      await storeRevision(tx, draftCopy, actor, 'autosave', now);
      return { article: { ...stateOf(row), liveUnchanged: true }, impact: null };
    }
    const before = touchesPublic(row.status) ? await publicFacts(tx, row) : null;
    const slug = await uniqueSlug(tx, input.slug, input.title, row.id);
    const status: ArticleStatus = row.status === 'rejected' ? 'draft' : row.status;

    const [updated] = await tx
      .update(articles)
      .set({
        title: input.title,
        sapo: input.sapo,
        bodyJson: 'json' in input.body ? input.body.json : null,
        bodyHtml: body.html,
        bodyText: body.text,
        slug,
        categoryId: input.categoryId,
        coverImage: input.coverImage,
        coverCaption: input.coverCaption,
        seoTitle: input.seoTitle,
        seoDescription: input.seoDescription,
        featured: input.featured ?? row.featured,
        authorId: input.authorId ?? row.authorId,
        status,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(articles.id, row.id))
      .returning();
    await replaceTags(tx, row.id, input.tags);
    await storeRevision(tx, updated!, actor, input.autosave ? 'autosave' : 'save', now);
    if (!input.autosave) {
      await recordAudit(
        { actorId: actor.id, action: 'article.saved', targetType: 'article', targetId: row.id, details: { version: updated!.version, status } },
        tx,
      );
    }
    const impact = before ? impactOf(before, await publicFacts(tx, updated!)) : null;
    return { article: stateOf(updated!), impact };
  });
}

// ------------------------------------------------------------------ transitions

type TransitionInput = { articleId: number; version: number };

const auditVerb: Record<TransitionName, string> = {
  submit: 'article.submitted',
  publish: 'article.published',
  schedule: 'article.scheduled',
  reject: 'article.rejected',
  unpublish: 'article.unpublished',
  revise: 'article.revised',
};

function assertReadyForReview(row: Article) {
  if (!row.title.trim()) throw new AppError('validation_failed', 'Bài viết cần có tiêu đề.');
  if (!row.bodyText.trim()) throw new AppError('validation_failed', 'Bài viết cần có nội dung.');
  if (!row.categoryId) throw new AppError('validation_failed', 'Hãy chọn chuyên mục cho bài viết.');
}

async function transition(
  actor: Actor,
  name: TransitionName,
  input: TransitionInput,
  deps: EditorialDeps,
  change: (row: Article, now: Date) => Partial<Article>,
  note: string | null = null,
): Promise<EditorialResult> {
  const { db, now } = await resolve(deps);
  return transact(db, async (tx) => {
    const row = await lockArticle(tx, input.articleId);
    if (!canView(actor, row)) throw notFound();
    if (!canPerform(actor, name, row)) {
      throw forbidden(
        isEditor(actor.role) || row.authorId === actor.id
          ? `Không thể thực hiện thao tác này khi bài đang ở trạng thái hiện tại.`
          : 'Bạn không có quyền thực hiện thao tác này.',
      );
    }
    await assertVersion(row, input.version, tx);
    if (name === 'submit' || name === 'publish' || name === 'schedule') assertReadyForReview(row);
    const before = touchesPublic(row.status) ? await publicFacts(tx, row) : null;
    const [updated] = await tx
      .update(articles)
      .set({ ...change(row, now), version: row.version + 1, updatedAt: now })
      .where(eq(articles.id, row.id))
      .returning();
    await storeRevision(tx, updated!, actor, name, now, note);
    await recordAudit(
      {
        actorId: actor.id,
        action: auditVerb[name],
        targetType: 'article',
        targetId: row.id,
        details: { from: row.status, to: updated!.status, version: updated!.version, ...(note ? { note } : {}) },
      },
      tx,
    );
    const touched = before ?? (touchesPublic(updated!.status) ? await publicFacts(tx, updated!) : null);
    return { article: stateOf(updated!), impact: touched ? impactOf(touched) : null };
  });
}

/** "Gửi duyệt". */
export function submitForReview(actor: Actor, input: TransitionInput, deps: EditorialDeps = {}) {
  return transition(actor, 'submit', input, deps, () => ({ status: 'pending', reviewNote: null }));
}

/** "Xuất bản": live now. */
export function publishArticle(actor: Actor, input: TransitionInput, deps: EditorialDeps = {}) {
  return transition(actor, 'publish', input, deps, (_, now) => ({ status: 'published', publishedAt: now, reviewNote: null }));
}

/** "Hẹn giờ": published with a future time; public queries show it once the time has come. */
export function scheduleArticle(actor: Actor, input: TransitionInput & { publishAt: Date }, deps: EditorialDeps = {}) {
  const now = deps.now ?? new Date();
  if (input.publishAt.getTime() <= now.getTime() + 60_000) {
    return Promise.reject(new AppError('validation_failed', 'Giờ hẹn phải ở tương lai (ít nhất một phút nữa).'));
  }
  return transition(actor, 'schedule', input, { ...deps, now }, () => ({ status: 'published', publishedAt: input.publishAt, reviewNote: null }));
}

/** "Trả lại" with the moderator's note, shown to the author on the dashboard. */
export function rejectArticle(actor: Actor, input: TransitionInput & { note: string }, deps: EditorialDeps = {}) {
  return transition(actor, 'reject', input, deps, () => ({ status: 'rejected', reviewNote: input.note }), input.note);
}

/** "Gỡ bài". */
export function unpublishArticle(actor: Actor, input: TransitionInput, deps: EditorialDeps = {}) {
  return transition(actor, 'unpublish', input, deps, () => ({ status: 'archived' }));
}

// ------------------------------------------------------------------ revisions

/** "Khôi phục": an earlier revision's text becomes the current one, as a new revision. */
export async function restoreRevision(
  actor: Actor,
  input: TransitionInput & { revisionId: number },
  deps: EditorialDeps = {},
): Promise<EditorialResult> {
  const { db, now } = await resolve(deps);
  return transact(db, async (tx) => {
    const row = await lockArticle(tx, input.articleId);
    if (!canView(actor, row)) throw notFound();
    if (!canEdit(actor, row)) throw forbidden();
    await assertVersion(row, input.version, tx);
    const [rev] = await tx
      .select()
      .from(articleRevisions)
      .where(and(eq(articleRevisions.id, input.revisionId), eq(articleRevisions.articleId, row.id)));
    if (!rev) throw new AppError('not_found', 'Không tìm thấy phiên bản cần khôi phục.');
    // Re-render with today's sanitizer: an old revision never bypasses it.
    const body = rev.bodyJson ? renderEditorDocument(rev.bodyJson as never) : renderRawHtml(rev.bodyHtml);
    const before = touchesPublic(row.status) ? await publicFacts(tx, row) : null;
    const [updated] = await tx
      .update(articles)
      .set({
        title: rev.title,
        sapo: rev.sapo,
        bodyJson: rev.bodyJson,
        bodyHtml: body.html,
        bodyText: body.text,
        status: row.status === 'rejected' ? 'draft' : row.status,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(articles.id, row.id))
      .returning();
    const note = `Khôi phục phiên bản ${rev.version}`;
    await storeRevision(tx, updated!, actor, 'restore', now, note);
    await recordAudit(
      { actorId: actor.id, action: 'article.restored', targetType: 'article', targetId: row.id, details: { revisionId: rev.id, version: updated!.version } },
      tx,
    );
    return { article: stateOf(updated!), impact: before ? impactOf(before) : null };
  });
}

export type RevisionListItem = {
  id: number;
  action: string;
  version: number;
  status: ArticleStatus;
  title: string;
  note: string | null;
  createdAt: Date;
  editorName: string | null;
};

export async function listRevisions(actor: Actor, articleId: number, deps: EditorialDeps = {}): Promise<RevisionListItem[]> {
  const { db } = await resolve(deps);
  await assertCanView(db, actor, articleId);
  return db
    .select({
      id: articleRevisions.id,
      action: articleRevisions.action,
      version: articleRevisions.version,
      status: articleRevisions.status,
      title: articleRevisions.title,
      note: articleRevisions.note,
      createdAt: articleRevisions.createdAt,
      editorName: users.name,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.editorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .limit(200);
}

export async function getRevisionsForDiff(actor: Actor, articleId: number, ids: [number, number], deps: EditorialDeps = {}) {
  const { db } = await resolve(deps);
  await assertCanView(db, actor, articleId);
  const rows = await db
    .select({ id: articleRevisions.id, version: articleRevisions.version, title: articleRevisions.title, sapo: articleRevisions.sapo, bodyHtml: articleRevisions.bodyHtml })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), inArray(articleRevisions.id, ids)));
  const a = rows.find((r) => r.id === ids[0]);
  const b = rows.find((r) => r.id === ids[1]);
  if (!a || !b) throw new AppError('not_found', 'Không tìm thấy phiên bản.');
  return [a, b] as const;
}

export async function assertCanView(db: Executor, actor: Actor, articleId: number): Promise<{ authorId: number; status: ArticleStatus }> {
  const [row] = await db.select({ authorId: articles.authorId, status: articles.status }).from(articles).where(eq(articles.id, articleId));
  if (!row || !canView(actor, row)) throw notFound();
  return row;
}
