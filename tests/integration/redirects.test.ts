import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getSitemapChunk } from '@/db/queries/articles';
import { articles, auditLog, redirects } from '@/db/schema';
import type { Actor } from '@/lib/editorial';
import { saveArticleSchema } from '@/lib/validation/editorial';
import { updateCategory } from '@/server/categories/update-category';
import { saveArticle } from '@/server/editorial/save-article';
import { addManualRedirect } from '@/server/redirects/add-manual-redirect';
import { deleteRedirect } from '@/server/redirects/delete-redirect';
import { resolveRedirect } from '@/server/redirects/resolve-redirect';
import { makeArticle, makeCategory, makeUser, unique } from '../support/app-database';
import { emptyArticleExtras, paragraphDoc } from '../support/article-input';
import { refusalOf } from '../support/app-error';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

describeDb(`redirects on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let editor: Actor;
  let admin: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const moderator = await makeUser(handle.db, 'moderator');
    editor = { id: moderator.id, role: 'moderator' };
    const adminRow = await makeUser(handle.db, 'admin');
    admin = { id: adminRow.id, role: 'admin' };
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** Saves a published article under a new slug, as the editor's "Cập nhật bài" does. */
  async function renamePublished(articleId: number, slug: string) {
    const [row] = await handle.db.select().from(articles).where(eq(articles.id, articleId));
    const input = saveArticleSchema.parse({
      articleId,
      version: row!.version,
      title: row!.title,
      slug,
      sapo: row!.sapo,
      body: paragraphDoc('Nội dung'),
      ...emptyArticleExtras,
    });
    return saveArticle(editor, input, { db: handle.db });
  }

  describe('a published article given a new slug', () => {
    it('keeps its old path as a redirect, and chains collapse to the final path', async () => {
      const article = await makeArticle(handle.db, { authorId: editor.id, status: 'published' });
      const a = article.slug;
      const b = unique('doi-ten-b');
      const c = unique('doi-ten-c');

      const first = await renamePublished(article.id, b);
      expect(first.article.slug).toBe(b);
      expect(await resolveRedirect(`/bai-viet/${a}`, handle.db)).toBe(`/bai-viet/${b}`);
      // Both the old and the new page are refreshed.
      expect(first.impact?.paths).toEqual(expect.arrayContaining([`/bai-viet/${a}`, `/bai-viet/${b}`]));

      await renamePublished(article.id, c);
      expect(await resolveRedirect(`/bai-viet/${a}`, handle.db)).toBe(`/bai-viet/${c}`);
      expect(await resolveRedirect(`/bai-viet/${b}`, handle.db)).toBe(`/bai-viet/${c}`);
      // The live path never redirects.
      expect(await resolveRedirect(`/bai-viet/${c}`, handle.db)).toBeNull();

      // Back to the first slug: it is live again, and nothing leads to itself.
      await renamePublished(article.id, a);
      expect(await resolveRedirect(`/bai-viet/${a}`, handle.db)).toBeNull();
      expect(await resolveRedirect(`/bai-viet/${b}`, handle.db)).toBe(`/bai-viet/${a}`);
      expect(await resolveRedirect(`/bai-viet/${c}`, handle.db)).toBe(`/bai-viet/${a}`);
      const selfLoops = await handle.db.select().from(redirects).where(eq(redirects.fromPath, redirects.toPath));
      expect(selfLoops).toEqual([]);
    });

    it('lists only the new slug in the sitemap', async () => {
      const article = await makeArticle(handle.db, { authorId: editor.id, status: 'published' });
      const renamed = unique('so-do-moi');
      await renamePublished(article.id, renamed);
      const slugs = (await getSitemapChunk(1, new Date(), handle.db)).map((row) => row.slug);
      expect(slugs).toContain(renamed);
      expect(slugs).not.toContain(article.slug);
    });

    it('does not record a redirect for a draft, whose old path was never public', async () => {
      const article = await makeArticle(handle.db, { authorId: editor.id, status: 'draft' });
      await renamePublished(article.id, unique('nhap-moi'));
      expect(await resolveRedirect(`/bai-viet/${article.slug}`, handle.db)).toBeNull();
    });
  });

  describe('a category given a new slug', () => {
    it('redirects its old listing, later pages and feed to the new ones', async () => {
      const category = await makeCategory(handle.db);
      const updated = await updateCategory({ categoryId: category.id, name: category.name, slug: 'Chuyên mục Đổi Tên', actorId: admin.id }, handle.db);
      expect(updated.slug).toBe('chuyen-muc-doi-ten');
      expect(updated.previousSlug).toBe(category.slug);
      expect(await resolveRedirect(`/chuyen-muc/${category.slug}`, handle.db)).toBe('/chuyen-muc/chuyen-muc-doi-ten');
      expect(await resolveRedirect(`/chuyen-muc/${category.slug}/trang/3`, handle.db)).toBe('/chuyen-muc/chuyen-muc-doi-ten/trang/3');
      expect(await resolveRedirect(`/chuyen-muc/${category.slug}/rss.xml`, handle.db)).toBe('/chuyen-muc/chuyen-muc-doi-ten/rss.xml');
    });

    it('refuses a slug another category has', async () => {
      const one = await makeCategory(handle.db);
      const other = await makeCategory(handle.db);
      const error = await refusalOf(updateCategory({ categoryId: one.id, name: one.name, slug: other.slug, actorId: admin.id }, handle.db));
      expect(error.code).toBe('conflict');
      expect(error.message).toContain(other.slug);
    });
  });

  describe('added by hand', () => {
    it('stores an old portal URL as its path and follows a target that itself redirects', async () => {
      const article = await makeArticle(handle.db, { authorId: editor.id, status: 'published' });
      const moved = unique('dich-moi');
      await renamePublished(article.id, moved);

      const saved = await addManualRedirect(
        { from: `https://laocai.gov.vn/tin-tuc/${article.id}.html?ItemID=${article.id}`, to: `/bai-viet/${article.slug}`, actorId: admin.id },
        handle.db,
      );
      expect(saved.fromPath).toBe(`/tin-tuc/${article.id}.html`);
      // The target was itself an old path: the row points at where it leads.
      expect(saved.toPath).toBe(`/bai-viet/${moved}`);
      expect(await resolveRedirect(`/tin-tuc/${article.id}.html`, handle.db)).toBe(`/bai-viet/${moved}`);

      const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, saved.id));
      expect(audit?.action).toBe('redirect.created');
    });

    it('refuses a loop, however long', async () => {
      const x = `/cu/${unique('x')}`;
      const y = `/cu/${unique('y')}`;
      await addManualRedirect({ from: x, to: y, actorId: admin.id }, handle.db);
      const direct = await refusalOf(addManualRedirect({ from: y, to: x, actorId: admin.id }, handle.db));
      expect(direct.code).toBe('validation_failed');
      expect(direct.message).toContain('vòng lặp');
      const same = await refusalOf(addManualRedirect({ from: x, to: `${x}/`, actorId: admin.id }, handle.db));
      expect(same.message).toContain('trùng');
      // Nothing of the refused rows was written.
      expect(await resolveRedirect(y, handle.db)).toBeNull();
    });

    it('re-points older rows at a new source’s target (A→B, then B→C: A→C)', async () => {
      const a = `/cu/${unique('a')}`;
      const b = `/cu/${unique('b')}`;
      await addManualRedirect({ from: a, to: b, actorId: admin.id }, handle.db);
      await addManualRedirect({ from: b, to: '/gioi-thieu', actorId: admin.id }, handle.db);
      expect(await resolveRedirect(a, handle.db)).toBe('/gioi-thieu');
    });

    it('refuses a source that is a live article, and bad paths, in Vietnamese', async () => {
      const article = await makeArticle(handle.db, { authorId: editor.id, status: 'published' });
      const live = await refusalOf(addManualRedirect({ from: `/bai-viet/${article.slug}`, to: '/gioi-thieu', actorId: admin.id }, handle.db));
      expect(live.code).toBe('conflict');
      for (const [from, to] of [
        ['khong-co-gach', '/gioi-thieu'],
        ['/', '/gioi-thieu'],
        ['/admin/nguoi-dung', '/gioi-thieu'],
        ['/cu/mot', 'javascript:alert(1)'],
        ['/cu/mot', '//evil.example/'],
      ]) {
        const error = await refusalOf(addManualRedirect({ from: from!, to: to!, actorId: admin.id }, handle.db));
        expect(error.code, `${from} → ${to}`).toBe('validation_failed');
        expect(error.message).toMatch(/[à-ỹ]/);
      }
    });

    it('deletes a row, and the old path is a 404 again', async () => {
      const from = `/cu/${unique('xoa')}`;
      const saved = await addManualRedirect({ from, to: 'https://dichvucong.gov.vn/', actorId: admin.id }, handle.db);
      expect(await resolveRedirect(from, handle.db)).toBe('https://dichvucong.gov.vn/');
      await deleteRedirect({ redirectId: saved.id, actorId: admin.id }, handle.db);
      expect(await resolveRedirect(from, handle.db)).toBeNull();
      expect((await refusalOf(deleteRedirect({ redirectId: saved.id, actorId: admin.id }, handle.db))).code).toBe('not_found');
    });
  });
});
