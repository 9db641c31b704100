import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getPublishedArticleBySlug } from '@/db/queries/articles';
import { listMyWorkInProgress, listPendingArticles } from '@/db/queries/editorial-list';
import { articles, auditLog, categories, users } from '@/db/schema';
import { seedDemoContent } from '@/db/seed';
import type { Actor } from '@/lib/editorial';
import { AppError } from '@/lib/http/errors';
import { saveArticleSchema, type SaveArticleInput } from '@/lib/validation/editorial';
import { createArticle } from '@/server/editorial/create-article';
import { listAdminArticles } from '@/server/editorial/list-admin-articles';
import { listRevisions } from '@/server/editorial/list-revisions';
import { heartbeatPresence } from '@/server/editorial/presence';
import { restoreRevision } from '@/server/editorial/restore-revision';
import { saveArticle } from '@/server/editorial/save-article';
import { publishArticle, rejectArticle, scheduleArticle, submitForReview, unpublishArticle, unscheduleArticle } from '@/server/editorial/transition-article';
import { loadCorpus } from '../support/corpus';
import { assertSafe } from '../support/html-safety';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describeDb(`editorial workflow on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let journalist: Actor;
  let otherJournalist: Actor;
  let moderator: Actor;
  let categoryId: number;
  const t0 = new Date('2026-11-29T03:00:00Z');
  const deps = (now = t0) => ({ db: handle.db, now });

  const body = (text: string) => ({
    json: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Mở đầu' }] },
        { type: 'paragraph', content: [{ type: 'text', text }] },
      ],
    },
  });
  const draft = (articleId: number, version: number, extra: Partial<SaveArticleInput> = {}) =>
    saveArticleSchema.parse({
      articleId,
      version,
      title: 'Lễ hội Gầu Tào ở Bát Xát',
      sapo: 'Người Mông Bát Xát mở hội đầu xuân.',
      body: body('Lễ hội Gầu Tào là lễ hội lớn nhất của người Mông.'),
      categoryId,
      tags: ['Lễ hội', 'Bát Xát'],
      coverImage: null,
      coverCaption: null,
      seoTitle: null,
      seoDescription: null,
      ...extra,
    });

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoContent(handle.db, t0);
    const byEmail = async (email: string) => {
      const [u] = await handle.db.select().from(users).where(eq(users.email, email));
      return { id: u!.id, role: u!.role };
    };
    journalist = await byEmail('lamtu@laocai.vn');
    otherJournalist = await byEmail('minhduc@laocai.vn');
    moderator = await byEmail('bientap@laocai.vn');
    const [cat] = await handle.db.select().from(categories).where(eq(categories.slug, 'van-hoa-xa-hoi'));
    categoryId = cat!.id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('runs draft → pending → rejected → draft → pending → published, with a revision and an audit entry per step', async () => {
    const created = await createArticle(journalist, deps());
    const saved = await saveArticle(journalist, draft(created.id, created.version), deps());
    expect(saved.article.slug).toBe('le-hoi-gau-tao-o-bat-xat');
    expect(saved.impact).toBeNull();

    const submitted = await submitForReview(journalist, { articleId: created.id, version: saved.article.version }, deps());
    expect(submitted.article.status).toBe('pending');
    expect((await listPendingArticles(deps())).map((a) => a.id)).toContain(created.id);

    // Read-only for the author while it waits.
    await expectAppError(saveArticle(journalist, draft(created.id, submitted.article.version), deps()), 'forbidden');

    const rejected = await rejectArticle(moderator, { articleId: created.id, version: submitted.article.version, note: 'Thiếu ảnh minh họa.' }, deps());
    expect(rejected.article.status).toBe('rejected');
    const mine = await listMyWorkInProgress(journalist, deps());
    expect(mine.find((a) => a.id === created.id)?.reviewNote).toBe('Thiếu ảnh minh họa.');

    const fixed = await saveArticle(journalist, draft(created.id, rejected.article.version, { sapo: 'Đã sửa.' }), deps());
    expect(fixed.article.status).toBe('draft');
    const resubmitted = await submitForReview(journalist, { articleId: created.id, version: fixed.article.version }, deps());
    expect(resubmitted.article.reviewNote).toBeNull();

    const published = await publishArticle(moderator, { articleId: created.id, version: resubmitted.article.version }, deps());
    expect(published.article.status).toBe('published');
    expect(published.impact?.tags).toEqual(
      expect.arrayContaining(['articles', 'article:le-hoi-gau-tao-o-bat-xat', 'category:van-hoa-xa-hoi', 'tag:le-hoi', 'tag:bat-xat', 'author:lam-tu']),
    );
    expect(published.impact?.paths).toContain('/bai-viet/le-hoi-gau-tao-o-bat-xat');
    expect(await getPublishedArticleBySlug('le-hoi-gau-tao-o-bat-xat', new Date(t0.getTime() + 1000), handle.db)).not.toBeNull();

    const revisions = await listRevisions(moderator, created.id, deps());
    expect(revisions.map((r) => r.action).reverse()).toEqual(['save', 'submit', 'reject', 'save', 'submit', 'publish']);
    expect(revisions.find((r) => r.action === 'reject')?.note).toBe('Thiếu ảnh minh họa.');
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['article.created', 'article.submitted', 'article.rejected', 'article.published', 'article.saved']),
    );
  });

  it('refuses a stale save with 409 carrying the server version, and overwrites nothing', async () => {
    const created = await createArticle(journalist, deps());
    const first = await saveArticle(journalist, draft(created.id, created.version, { title: 'Bản của tab thứ nhất' }), deps());
    const error = await expectAppError(saveArticle(journalist, draft(created.id, created.version, { title: 'Bản của tab thứ hai' }), deps()), 'conflict');
    expect(error.status).toBe(409);
    const details = error.details as { serverVersion: number; server: { title: string } };
    expect(details.serverVersion).toBe(first.article.version);
    expect(details.server.title).toBe('Bản của tab thứ nhất');
    const [row] = await handle.db.select().from(articles).where(eq(articles.id, created.id));
    expect(row!.title).toBe('Bản của tab thứ nhất');
    // Transitions are locked the same way.
    await expectAppError(submitForReview(journalist, { articleId: created.id, version: created.version }, deps()), 'conflict');
  });

  it('restores an earlier revision as a new revision', async () => {
    const created = await createArticle(journalist, deps());
    const v1 = await saveArticle(journalist, draft(created.id, created.version, { title: 'Phiên bản một', body: body('Nội dung một') }), deps());
    const v2 = await saveArticle(journalist, draft(created.id, v1.article.version, { title: 'Phiên bản hai', body: body('Nội dung hai') }), deps());
    const revisions = await listRevisions(journalist, created.id, deps());
    const first = revisions.find((r) => r.title === 'Phiên bản một')!;
    const restored = await restoreRevision(journalist, { articleId: created.id, version: v2.article.version, revisionId: first.id }, deps());
    expect(restored.article.version).toBe(v2.article.version + 1);
    const [row] = await handle.db.select().from(articles).where(eq(articles.id, created.id));
    expect(row!.title).toBe('Phiên bản một');
    expect(row!.bodyText).toContain('Nội dung một');
    const after = await listRevisions(journalist, created.id, deps());
    expect(after).toHaveLength(revisions.length + 1);
    expect(after[0]!.action).toBe('restore');
    expect(after[0]!.note).toContain(String(first.version));
  });

  it('keeps a scheduled article invisible before its time and shows it after', async () => {
    const created = await createArticle(moderator, deps());
    const saved = await saveArticle(moderator, draft(created.id, created.version, { title: 'Hẹn giờ đua thuyền', slug: 'hen-gio-dua-thuyen' }), deps());
    const at = new Date(t0.getTime() + 2 * 3_600_000);
    await expectAppError(scheduleArticle(moderator, { articleId: created.id, version: saved.article.version, publishAt: new Date(t0.getTime() - 1000) }, deps()), 'validation_failed');
    const scheduled = await scheduleArticle(moderator, { articleId: created.id, version: saved.article.version, publishAt: at }, deps());
    expect(scheduled.article.status).toBe('published');
    expect(await getPublishedArticleBySlug('hen-gio-dua-thuyen', new Date(at.getTime() - 60_000), handle.db)).toBeNull();
    expect(await getPublishedArticleBySlug('hen-gio-dua-thuyen', new Date(at.getTime() + 1), handle.db)).not.toBeNull();
    const list = await listAdminArticles(moderator, { status: 'scheduled' }, deps());
    expect(list.items.map((a) => a.id)).toContain(created.id);
  });

  it('lets a moderator change a schedule, cancel it back to the queue, or publish now', async () => {
    const created = await createArticle(moderator, deps());
    const saved = await saveArticle(moderator, draft(created.id, created.version, { title: 'Hẹn giờ hội chợ', slug: 'hen-gio-hoi-cho' }), deps());
    const first = new Date(t0.getTime() + 2 * 3_600_000);
    const scheduled = await scheduleArticle(moderator, { articleId: created.id, version: saved.article.version, publishAt: first }, deps());
    // Change the time: still scheduled, at the new time only.
    const later = new Date(t0.getTime() + 26 * 3_600_000);
    const moved = await scheduleArticle(moderator, { articleId: created.id, version: scheduled.article.version, publishAt: later }, deps());
    expect(new Date(moved.article.publishedAt!).getTime()).toBe(later.getTime());
    expect(await getPublishedArticleBySlug('hen-gio-hoi-cho', new Date(first.getTime() + 1), handle.db)).toBeNull();
    // A journalist may do none of it, even on their own article.
    await expectAppError(unscheduleArticle(journalist, { articleId: created.id, version: moved.article.version }, deps()), 'not_found');
    // Cancel: back to "Chờ duyệt", no time kept, never public.
    const cancelled = await unscheduleArticle(moderator, { articleId: created.id, version: moved.article.version }, deps());
    expect(cancelled.article.status).toBe('pending');
    expect(cancelled.article.publishedAt).toBeNull();
    expect(await getPublishedArticleBySlug('hen-gio-hoi-cho', new Date(later.getTime() + 1), handle.db)).toBeNull();
    // Cancelling what is no longer scheduled is refused.
    await expectAppError(unscheduleArticle(moderator, { articleId: created.id, version: cancelled.article.version }, deps()), 'forbidden');
    // Schedule again, then publish now: live at once.
    const again = await scheduleArticle(moderator, { articleId: created.id, version: cancelled.article.version, publishAt: first }, deps());
    const now = await publishArticle(moderator, { articleId: created.id, version: again.article.version }, deps());
    expect(new Date(now.article.publishedAt!).getTime()).toBe(t0.getTime());
    expect(await getPublishedArticleBySlug('hen-gio-hoi-cho', new Date(t0.getTime() + 1000), handle.db)).not.toBeNull();
    // A live article cannot be "unscheduled".
    await expectAppError(unscheduleArticle(moderator, { articleId: created.id, version: now.article.version }, deps()), 'forbidden');
    const history = await listRevisions(moderator, created.id, deps());
    expect(history.map((r) => r.action).slice(0, 5)).toEqual(['publish', 'schedule', 'unschedule', 'schedule', 'schedule']);
  });

  it("refuses a journalist transitioning or editing someone else's work", async () => {
    const created = await createArticle(otherJournalist, deps());
    const saved = await saveArticle(otherJournalist, draft(created.id, created.version, { title: 'Bài của Minh Đức' }), deps());
    const v = saved.article.version;
    await expectAppError(saveArticle(journalist, draft(created.id, v), deps()), 'not_found');
    await expectAppError(submitForReview(journalist, { articleId: created.id, version: v }, deps()), 'not_found');
    await expectAppError(heartbeatPresence(journalist, created.id, deps()), 'not_found');
    await expectAppError(listRevisions(journalist, created.id, deps()), 'not_found');
    const own = await submitForReview(otherJournalist, { articleId: created.id, version: v }, deps());
    // Not even the author publishes, rejects or schedules.
    await expectAppError(publishArticle(otherJournalist, { articleId: created.id, version: own.article.version }, deps()), 'forbidden');
    await expectAppError(rejectArticle(otherJournalist, { articleId: created.id, version: own.article.version, note: 'tự trả lại' }, deps()), 'forbidden');
    await expectAppError(
      scheduleArticle(otherJournalist, { articleId: created.id, version: own.article.version, publishAt: new Date(t0.getTime() + 86_400_000) }, deps()),
      'forbidden',
    );
    const published = await publishArticle(moderator, { articleId: created.id, version: own.article.version }, deps());
    await expectAppError(unpublishArticle(otherJournalist, { articleId: created.id, version: published.article.version }, deps()), 'forbidden');
    await expectAppError(saveArticle(otherJournalist, draft(created.id, published.article.version), deps()), 'forbidden');
    // A journalist cannot promote their article or give it to someone else.
    const mine = await createArticle(journalist, deps());
    await expectAppError(saveArticle(journalist, draft(mine.id, mine.version, { featured: true }), deps()), 'forbidden');
    await expectAppError(saveArticle(journalist, draft(mine.id, mine.version, { authorId: moderator.id }), deps()), 'forbidden');
    // Journalists see only their own articles in the list.
    const list = await listAdminArticles(journalist, {}, deps());
    expect(list.items.every((a) => a.authorId === journalist.id)).toBe(true);
  });

  it('refuses unknown keys (mass assignment) at the boundary', () => {
    for (const extra of [{ status: 'published' }, { role: 'admin' }, { id: 1 }, { authorName: 'x' }]) {
      expect(saveArticleSchema.safeParse({ ...draft(1, 1), ...extra }).success).toBe(false);
    }
  });

  it('updates a published article in place, with a revision and the public pages to refresh', async () => {
    const created = await createArticle(moderator, deps());
    const saved = await saveArticle(moderator, draft(created.id, created.version, { slug: 'bai-sua-sau-xuat-ban' }), deps());
    const published = await publishArticle(moderator, { articleId: created.id, version: saved.article.version }, deps());
    const edited = await saveArticle(moderator, draft(created.id, published.article.version, { slug: 'bai-sua-sau-xuat-ban', body: body('Đã cập nhật số liệu.') }), deps());
    expect(edited.article.status).toBe('published');
    expect(edited.impact?.tags).toContain('article:bai-sua-sau-xuat-ban');
    const pub = await getPublishedArticleBySlug('bai-sua-sau-xuat-ban', new Date(t0.getTime() + 1000), handle.db);
    expect(pub?.bodyText).toContain('Đã cập nhật số liệu.');
    // An autosave of a published article never goes live by itself.
    const autosaved = await saveArticle(
      moderator,
      draft(created.id, edited.article.version, { slug: 'bai-sua-sau-xuat-ban', body: body('Đang gõ dở…'), autosave: true }),
      deps(),
    );
    expect(autosaved.article.liveUnchanged).toBe(true);
    expect(autosaved.article.version).toBe(edited.article.version);
    expect(autosaved.impact).toBeNull();
    expect((await getPublishedArticleBySlug('bai-sua-sau-xuat-ban', new Date(t0.getTime() + 1000), handle.db))?.bodyText).toContain('Đã cập nhật số liệu.');
    const history = await listRevisions(moderator, created.id, deps());
    expect(history[0]).toMatchObject({ action: 'autosave' });
    // "Cập nhật bài" is recorded as such, not as "Lưu nháp"; the autosave shares the live text's
    // version, yet every row of the history has a number of its own, counting up.
    expect(history.map((r) => r.action)).toEqual(['autosave', 'update', 'publish', 'save']);
    expect(history[0]!.version).toBe(history[1]!.version);
    expect(history.map((r) => r.number)).toEqual([4, 3, 2, 1]);
    const unpublished = await unpublishArticle(moderator, { articleId: created.id, version: edited.article.version }, deps());
    expect(unpublished.article.status).toBe('archived');
    expect(unpublished.impact?.paths).toContain('/bai-viet/bai-sua-sau-xuat-ban');
    expect(await getPublishedArticleBySlug('bai-sua-sau-xuat-ban', new Date(t0.getTime() + 1000), handle.db)).toBeNull();
  });

  it('gives every article a unique slug', async () => {
    const a = await createArticle(journalist, deps());
    const b = await createArticle(journalist, deps());
    const sa = await saveArticle(journalist, draft(a.id, a.version, { title: 'Trùng tên bài' }), deps());
    const sb = await saveArticle(journalist, draft(b.id, b.version, { title: 'Trùng tên bài' }), deps());
    expect(sa.article.slug).toBe('trung-ten-bai');
    expect(sb.article.slug).toBe('trung-ten-bai-2');
    // Saving again keeps its own slug rather than counting itself as taken.
    const again = await saveArticle(journalist, draft(a.id, sa.article.version, { title: 'Trùng tên bài' }), deps());
    expect(again.article.slug).toBe('trung-ten-bai');
  });

  it('folds autosaves into one revision per editing session', async () => {
    const a = await createArticle(journalist, deps());
    let version = a.version;
    for (let i = 0; i < 5; i++) {
      const r = await saveArticle(journalist, draft(a.id, version, { autosave: true, body: body(`gõ lần ${i}`) }), deps(new Date(t0.getTime() + i * 5000)));
      version = r.article.version;
    }
    const revisions = await listRevisions(journalist, a.id, deps());
    expect(revisions.filter((r) => r.action === 'autosave')).toHaveLength(1);
  });

  it('shows presence to others and lets it expire by itself', async () => {
    const a = await createArticle(journalist, deps());
    expect(await heartbeatPresence(journalist, a.id, deps())).toEqual([]);
    const seen = await heartbeatPresence(moderator, a.id, deps(new Date(t0.getTime() + 10_000)));
    expect(seen.map((u) => u.name)).toEqual(['Lâm Tú']);
    // Each person by their own role (the notice used to call everyone "Biên tập viên").
    expect(seen.map((u) => u.role)).toEqual(['journalist']);
    expect((await heartbeatPresence(journalist, a.id, deps(new Date(t0.getTime() + 11_000)))).map((u) => u.role)).toEqual(['moderator']);
    const later = await heartbeatPresence(moderator, a.id, deps(new Date(t0.getTime() + 120_000)));
    expect(later).toEqual([]);
  });

  it('pages the admin list by keyset and filters by status, category, author and text', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      const a = await createArticle(otherJournalist, deps());
      await saveArticle(otherJournalist, draft(a.id, a.version, { title: `Phân trang số ${i} Sa Pa` }), deps(new Date(t0.getTime() + i * 1000)));
      ids.push(a.id);
    }
    const page1 = await listAdminArticles(moderator, { author: otherJournalist.id, q: 'phan trang sa pa' }, deps());
    expect(page1.items).toHaveLength(25);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await listAdminArticles(moderator, { author: otherJournalist.id, q: 'phan trang sa pa', cursor: page1.nextCursor! }, deps());
    expect(page2.items).toHaveLength(5);
    expect(new Set([...page1.items, ...page2.items].map((a) => a.id))).toEqual(new Set(ids));
    const byCategory = await listAdminArticles(moderator, { category: categoryId, status: 'draft', author: otherJournalist.id }, deps());
    expect(byCategory.items.every((a) => a.status === 'draft')).toBe(true);
  });

  it('stores every XSS corpus line harmlessly, through the editor JSON and as raw HTML', async () => {
    const a = await createArticle(moderator, deps());
    let version = a.version;
    for (const payload of loadCorpus('xss-payloads.txt')) {
      for (const b of [{ html: payload }, { json: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: payload }] }] } }]) {
        const r = await saveArticle(moderator, draft(a.id, version, { body: b, autosave: true }), deps());
        version = r.article.version;
        const [row] = await handle.db.select({ html: articles.bodyHtml }).from(articles).where(eq(articles.id, a.id));
        assertSafe(row!.html);
      }
    }
  });
});
