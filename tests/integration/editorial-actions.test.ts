import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { articles } from '@/db/schema';
import { emptyArticleExtras, paragraphDoc } from '../support/article-input';
import { makeArticle, makeCategory, makeUser, useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

const session = vi.hoisted(() => ({ userId: null as number | null }));
const refreshed = vi.hoisted(() => ({ tags: [] as string[], paths: [] as string[] }));
vi.mock('@/server/auth/session-token', () => ({
  readSessionToken: async () => (session.userId === null ? null : { userId: session.userId, signedInAtMs: Date.now() }),
}));
vi.mock('next/cache', () => ({
  revalidateTag: (tag: string) => void refreshed.tags.push(tag),
  revalidatePath: (p: string) => void refreshed.paths.push(p),
  updateTag: () => {},
}));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('redirect'), { url });
  },
}));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const actions = await import('@/app/(admin)/admin/bai-viet/actions');

describeDb(`editorial actions called directly on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let undo: () => void;
  let journalist: { id: number };
  let other: { id: number };
  let moderator: { id: number };
  let categoryId: number;

  const doc = paragraphDoc('Nội dung đã sửa');
  const draft = (a: { id: number; version: number }) => ({
    articleId: a.id,
    version: a.version,
    title: 'Tiêu đề do người khác sửa',
    sapo: '',
    body: doc,
    ...emptyArticleExtras,
  });
  const as = (user: { id: number } | null) => {
    session.userId = user?.id ?? null;
  };

  beforeAll(async () => {
    handle = await createTestDatabase();
    undo = useAsAppDatabase(handle);
    journalist = await makeUser(handle.db, 'journalist');
    other = await makeUser(handle.db, 'journalist');
    moderator = await makeUser(handle.db, 'moderator');
    categoryId = (await makeCategory(handle.db)).id;
  });
  afterAll(async () => {
    undo?.();
    await handle?.close();
  });

  it("refuses a journalist editing or submitting another journalist's draft, and changes nothing", async () => {
    const theirs = await makeArticle(handle.db, { authorId: other.id, categoryId });
    as(journalist);
    expect(await actions.saveDraftAction(draft(theirs))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await actions.submitForReviewAction({ articleId: theirs.id, version: theirs.version })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await actions.restoreRevisionAction({ articleId: theirs.id, version: theirs.version, revisionId: 1 })).toMatchObject({ ok: false });
    const [row] = await handle.db.select().from(articles).where(eq(articles.id, theirs.id));
    expect(row!.title).toBe(theirs.title);
    expect(row!.status).toBe('draft');
  });

  it('refuses a journalist publishing, scheduling, returning or unpublishing, even their own article', async () => {
    const pending = await makeArticle(handle.db, { authorId: journalist.id, status: 'pending', categoryId });
    const published = await makeArticle(handle.db, { authorId: journalist.id, status: 'published', categoryId });
    as(journalist);
    const v = (a: typeof pending) => ({ articleId: a.id, version: a.version });
    expect(await actions.publishArticleAction(v(pending))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await actions.scheduleArticleAction({ ...v(pending), publishAt: new Date(Date.now() + 86_400_000).toISOString() })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await actions.rejectArticleAction({ ...v(pending), note: 'tự trả lại' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await actions.unpublishArticleAction(v(published))).toMatchObject({ ok: false, code: 'forbidden' });
    // Read-only once submitted.
    expect(await actions.saveDraftAction(draft(pending))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a status smuggled into a save', async () => {
    const mine = await makeArticle(handle.db, { authorId: journalist.id });
    as(journalist);
    expect(await actions.saveDraftAction({ ...draft(mine), status: 'published' })).toMatchObject({ ok: false, code: 'validation_failed' });
  });

  it('lets a moderator publish and refreshes exactly the affected public pages', async () => {
    const pending = await makeArticle(handle.db, { authorId: journalist.id, status: 'pending', categoryId });
    refreshed.tags.length = 0;
    refreshed.paths.length = 0;
    as(moderator);
    const result = await actions.publishArticleAction({ articleId: pending.id, version: pending.version });
    expect(result).toMatchObject({ ok: true, data: { status: 'published' } });
    expect(refreshed.tags).toEqual(expect.arrayContaining(['articles', `article:${pending.slug}`]));
    expect(refreshed.tags.some((t) => t.startsWith('category:'))).toBe(true);
    expect(refreshed.paths).toContain(`/bai-viet/${pending.slug}`);
  });

  it('answers a stale save with a conflict carrying the server version', async () => {
    const mine = await makeArticle(handle.db, { authorId: journalist.id });
    as(journalist);
    const first = await actions.saveDraftAction(draft(mine));
    expect(first.ok).toBe(true);
    const second = await actions.saveDraftAction({ ...draft(mine), title: 'Bản cũ hơn' });
    expect(second).toMatchObject({ ok: false, code: 'conflict', details: { serverVersion: mine.version + 1 } });
  });

  it('refuses everything to anonymous callers', async () => {
    as(null);
    const mine = await makeArticle(handle.db, { authorId: journalist.id });
    expect(await actions.saveDraftAction(draft(mine))).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(await actions.publishArticleAction({ articleId: mine.id, version: 1 })).toMatchObject({ ok: false, code: 'unauthorized' });
  });
});
