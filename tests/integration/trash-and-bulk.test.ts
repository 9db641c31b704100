import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getLatestArticles, getPublishedArticleBySlug } from '@/db/queries/articles';
import { listAdminArticleRows, listPendingArticles, listTrashedArticles } from '@/db/queries/editorial-list';
import { runHousekeeping } from '@/db/queries/housekeeping';
import { articleRevisions, articles, auditLog } from '@/db/schema';
import { TRASH_RETENTION_DAYS, type Actor } from '@/lib/editorial';
import { bulkArticlesSchema } from '@/lib/validation/editorial';
import { runBulkArticleAction } from '@/server/editorial/bulk-articles';
import { restoreFromTrash } from '@/server/editorial/restore-from-trash';
import { saveArticle } from '@/server/editorial/save-article';
import { submitForReview, withdrawArticle } from '@/server/editorial/transition-article';
import { trashArticle } from '@/server/editorial/trash-article';
import { newArticleSchema, saveArticleSchema } from '@/lib/validation/editorial';
import { createArticleWithContent } from '@/server/editorial/create-article';
import { makeArticle, makeCategory, makeUser } from '../support/app-database';
import { emptyArticleExtras, paragraphDoc } from '../support/article-input';
import { refusalOf } from '../support/app-error';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

describeDb(`trash, withdraw and bulk actions on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let journalist: Actor;
  let otherJournalist: Actor;
  let moderator: Actor;
  const deps = () => ({ db: handle.db });
  const rowOf = async (id: number) => (await handle.db.select().from(articles).where(eq(articles.id, id)))[0]!;

  beforeAll(async () => {
    handle = await createTestDatabase();
    for (const [role, set] of [
      ['journalist', (a: Actor) => (journalist = a)],
      ['journalist', (a: Actor) => (otherJournalist = a)],
      ['moderator', (a: Actor) => (moderator = a)],
    ] as const) {
      const user = await makeUser(handle.db, role);
      set({ id: user.id, role });
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe('the trash', () => {
    it('lets a journalist delete only their own never-published drafts', async () => {
      const own = await makeArticle(handle.db, { authorId: journalist.id });
      const others = await makeArticle(handle.db, { authorId: otherJournalist.id });
      const unpublished = await makeArticle(handle.db, { authorId: journalist.id, status: 'archived', publishedAt: new Date(Date.now() - 86_400_000) });
      const submitted = await makeArticle(handle.db, { authorId: journalist.id, status: 'pending' });

      await trashArticle(journalist, { articleId: own.id }, deps());
      expect((await rowOf(own.id)).deletedAt).not.toBeNull();
      // Another journalist's article is not even visible to them.
      expect((await refusalOf(trashArticle(journalist, { articleId: others.id }, deps()))).code).toBe('not_found');
      expect((await refusalOf(trashArticle(journalist, { articleId: unpublished.id }, deps()))).message).toContain('chưa từng xuất bản');
      expect((await refusalOf(trashArticle(journalist, { articleId: submitted.id }, deps()))).code).toBe('forbidden');
      expect((await rowOf(unpublished.id)).deletedAt).toBeNull();
    });

    it('refuses a published or scheduled article until it is unpublished, even for an editor', async () => {
      const live = await makeArticle(handle.db, { authorId: journalist.id, status: 'published' });
      const scheduled = await makeArticle(handle.db, { authorId: journalist.id, status: 'published', publishedAt: new Date(Date.now() + 86_400_000) });
      for (const a of [live, scheduled]) {
        const error = await refusalOf(trashArticle(moderator, { articleId: a.id }, deps()));
        expect(error.message).toContain('gỡ bài trước');
      }
    });

    it('takes a trashed article off every list and blocks its edits, then restores it with its status', async () => {
      const category = await makeCategory(handle.db);
      const article = await makeArticle(handle.db, { authorId: journalist.id, status: 'pending', categoryId: category.id });
      await trashArticle(moderator, { articleId: article.id }, deps());

      expect((await listAdminArticleRows({}, deps())).items.map((a) => a.id)).not.toContain(article.id);
      expect((await listPendingArticles(deps())).map((a) => a.id)).not.toContain(article.id);
      expect((await listTrashedArticles(deps())).map((a) => a.id)).toContain(article.id);
      const save = saveArticleSchema.parse({ articleId: article.id, version: (await rowOf(article.id)).version, title: 'Sửa', sapo: '', body: paragraphDoc('x'), ...emptyArticleExtras });
      expect((await refusalOf(saveArticle(moderator, save, deps()))).message).toContain('thùng rác');
      expect((await refusalOf(restoreFromTrash(journalist, { articleId: article.id }, deps()))).code).toBe('forbidden');

      const restored = await restoreFromTrash(moderator, { articleId: article.id }, deps());
      expect(restored.status).toBe('pending');
      expect((await listPendingArticles(deps())).map((a) => a.id)).toContain(article.id);
      const actions = (await handle.db.select().from(auditLog).where(eq(auditLog.targetId, article.id))).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['article.trashed', 'article.untrashed']));
    });

    it('never shows a trashed row publicly, even one marked published', async () => {
      const live = await makeArticle(handle.db, { authorId: journalist.id, status: 'published' });
      await handle.db.update(articles).set({ deletedAt: new Date() }).where(eq(articles.id, live.id));
      expect(await getPublishedArticleBySlug(live.slug, new Date(), handle.db)).toBeNull();
      expect((await getLatestArticles(50, new Date(), handle.db)).map((a) => a.id)).not.toContain(live.id);
    });

    it('removes articles trashed more than 30 days ago, with their revisions, and keeps the audit line', async () => {
      const now = new Date();
      const old = await makeArticle(handle.db, { authorId: journalist.id, title: 'Bài cũ trong thùng rác' });
      const recent = await makeArticle(handle.db, { authorId: journalist.id });
      await trashArticle(journalist, { articleId: old.id }, deps());
      await trashArticle(journalist, { articleId: recent.id }, deps());
      await handle.db
        .update(articles)
        .set({ deletedAt: new Date(now.getTime() - (TRASH_RETENTION_DAYS + 1) * 86_400_000) })
        .where(eq(articles.id, old.id));

      const result = await runHousekeeping(handle.db, now);
      expect(result.trashedArticles).toBe(1);
      expect(await handle.db.select().from(articles).where(eq(articles.id, old.id))).toEqual([]);
      expect(await handle.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, old.id))).toEqual([]);
      expect((await rowOf(recent.id)).deletedAt).not.toBeNull();
      const [purged] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'article.purged'));
      expect(purged?.details).toMatchObject({ title: 'Bài cũ trong thùng rác' });
    });
  });

  it('lets the author withdraw a submitted article back to draft, and no one else', async () => {
    const category = await makeCategory(handle.db);
    const draft = await makeArticle(handle.db, { authorId: journalist.id, categoryId: category.id });
    const submitted = await submitForReview(journalist, { articleId: draft.id, version: draft.version }, deps());
    expect((await refusalOf(withdrawArticle(moderator, { articleId: draft.id, version: submitted.article.version }, deps()))).code).toBe('forbidden');
    const back = await withdrawArticle(journalist, { articleId: draft.id, version: submitted.article.version }, deps());
    expect(back.article.status).toBe('draft');
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'article.withdrawn'));
    expect(audit?.targetId).toBe(draft.id);
  });

  describe('bulk actions', () => {
    it('acts on each article it may and reports each refusal, changing nothing of the refused ones', async () => {
      const category = await makeCategory(handle.db);
      const ready = await makeArticle(handle.db, { authorId: journalist.id, status: 'pending', categoryId: category.id });
      const noCategory = await makeArticle(handle.db, { authorId: journalist.id, status: 'pending' });
      const alreadyLive = await makeArticle(handle.db, { authorId: journalist.id, status: 'published', categoryId: category.id });
      const input = bulkArticlesSchema.parse({ ids: [ready.id, noCategory.id, alreadyLive.id, 2_000_000_000], action: 'publish' });

      const { outcomes, impact } = await runBulkArticleAction(moderator, input, deps());
      expect(outcomes.map((o) => [o.id, o.ok])).toEqual([
        [ready.id, true],
        [noCategory.id, false],
        [alreadyLive.id, false],
        [2_000_000_000, false],
      ]);
      expect(outcomes[1]!.message).toContain('chuyên mục');
      expect(outcomes[3]!.message).toBe('Không tìm thấy bài viết.');
      expect((await rowOf(ready.id)).status).toBe('published');
      expect((await rowOf(noCategory.id)).status).toBe('pending');
      expect(impact?.paths).toContain(`/bai-viet/${ready.slug}`);
    });

    it('moves articles to a category, returns them with one note and trashes only what may be trashed', async () => {
      const from = await makeCategory(handle.db);
      const to = await makeCategory(handle.db);
      const a = await makeArticle(handle.db, { authorId: journalist.id, status: 'pending', categoryId: from.id });
      const b = await makeArticle(handle.db, { authorId: journalist.id, status: 'published', categoryId: from.id });

      const moved = await runBulkArticleAction(moderator, bulkArticlesSchema.parse({ ids: [a.id, b.id], action: 'move', categoryId: to.id }), deps());
      expect(moved.outcomes.every((o) => o.ok)).toBe(true);
      expect((await rowOf(b.id)).categoryId).toBe(to.id);
      // The live one refreshes both listings.
      expect(moved.impact?.tags).toEqual(expect.arrayContaining([`category:${from.slug}`, `category:${to.slug}`]));

      const returned = await runBulkArticleAction(moderator, bulkArticlesSchema.parse({ ids: [a.id, b.id], action: 'reject', note: 'Bổ sung nguồn.' }), deps());
      expect(returned.outcomes.map((o) => o.ok)).toEqual([true, false]);
      expect((await rowOf(a.id)).reviewNote).toBe('Bổ sung nguồn.');

      const trashed = await runBulkArticleAction(moderator, bulkArticlesSchema.parse({ ids: [a.id, b.id], action: 'trash' }), deps());
      expect(trashed.outcomes.map((o) => o.ok)).toEqual([true, false]);
      expect(trashed.outcomes[1]!.message).toContain('gỡ bài trước');
    });

    it('refuses a bulk action without its note or category, or with too many articles, in Vietnamese', () => {
      expect(bulkArticlesSchema.safeParse({ ids: [1], action: 'reject' }).error?.issues[0]?.message).toBe('Hãy ghi lý do trả lại.');
      expect(bulkArticlesSchema.safeParse({ ids: [1], action: 'move' }).error?.issues[0]?.message).toBe('Hãy chọn chuyên mục để chuyển tới.');
      expect(bulkArticlesSchema.safeParse({ ids: [], action: 'trash' }).error?.issues[0]?.message).toBe('Hãy chọn ít nhất một bài viết.');
      expect(bulkArticlesSchema.safeParse({ ids: Array.from({ length: 101 }, (_, i) => i + 1), action: 'trash' }).success).toBe(false);
    });
  });

  it('makes a new article only at its first save, with that save’s content, owned by the writer', async () => {
    const count = async () => (await handle.db.select().from(articles)).length;
    const before = await count();
    const input = newArticleSchema.parse({ title: 'Bài mới từ lần lưu đầu', sapo: 'Sapo', body: paragraphDoc('Nội dung đầu tiên.'), ...emptyArticleExtras, autosave: true });
    const created = await createArticleWithContent(journalist, input, deps());
    expect(await count()).toBe(before + 1);
    const row = await rowOf(created.article.id);
    expect(row).toMatchObject({ title: 'Bài mới từ lần lưu đầu', authorId: journalist.id, status: 'draft', slug: 'bai-moi-tu-lan-luu-dau' });
    expect(row.bodyText).toContain('Nội dung đầu tiên.');
    // A refused first save leaves no row behind.
    const refused = newArticleSchema.parse({ title: 'x', sapo: '', body: paragraphDoc('y'), ...emptyArticleExtras, categoryId: 2_000_000_000 });
    expect((await refusalOf(createArticleWithContent(journalist, refused, deps()))).code).toBe('validation_failed');
    expect(await count()).toBe(before + 1);
  });

  describe('the list', () => {
    it('sorts by title, views and publication time, both ways, and pages by number', async () => {
      const author = await makeUser(handle.db, 'journalist');
      const titles = ['Ắc quy', 'Bản tin', 'Âm nhạc', 'Cầu Kim Thành'];
      for (const [i, title] of titles.entries()) {
        const a = await makeArticle(handle.db, { authorId: author.id, status: 'published', title, publishedAt: new Date(Date.UTC(2026, 0, i + 1)) });
        await handle.db.update(articles).set({ viewCount: (i + 1) * 10 }).where(eq(articles.id, a.id));
      }
      const list = async (sort: 'tieu-de' | 'luot-xem' | 'xuat-ban', dir?: 'tang') =>
        (await listAdminArticleRows({ author: author.id, sort, dir }, deps())).items.map((a) => a.title);
      expect(await list('tieu-de', 'tang')).toEqual(['Ắc quy', 'Âm nhạc', 'Bản tin', 'Cầu Kim Thành']);
      expect(await list('luot-xem')).toEqual(['Cầu Kim Thành', 'Âm nhạc', 'Bản tin', 'Ắc quy']);
      expect(await list('xuat-ban', 'tang')).toEqual(titles);
      const page = await listAdminArticleRows({ author: author.id, sort: 'tieu-de', page: 2 }, deps());
      expect(page.items).toEqual([]);
      expect(page.nextPage).toBeNull();
    });
  });
});
