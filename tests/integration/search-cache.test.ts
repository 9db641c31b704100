import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { DatabaseHandle, Database } from '@/db/client';
import { articles } from '@/db/schema';
import { clearSearchResults, searchArticles } from '@/server/search/search-articles';
import { makeArticle, makeCategory, makeUser, unique, useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock('@/server/auth/session-token', () => ({
  readSessionToken: async () => (session.userId === null ? null : { userId: session.userId, signedInAtMs: Date.now() }),
}));
vi.mock('next/cache', () => ({ revalidateTag: () => {}, revalidatePath: () => {}, updateTag: () => {} }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const actions = await import('@/app/(admin)/admin/bai-viet/actions');

describeDb(`search results cache on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let undo: () => void;
  let authorId: number;
  let moderatorId: number;
  let categoryId: number;
  /**
   * Queries the app sent to the database since the last reset (a search is
   * one statement, in a transaction of its own); `failNext` makes the next fail.
   */
  const db = { statements: 0, failNext: false };

  /** The test database as the app's, counting (and on demand failing) every statement and transaction. */
  function countingDatabase(real: Database): Database {
    const counted = (name: 'execute' | 'transaction') =>
      (...args: unknown[]) => {
        db.statements++;
        if (db.failNext) {
          db.failNext = false;
          return Promise.reject(new Error('connection lost'));
        }
        return (real[name] as (...a: unknown[]) => Promise<unknown>).apply(real, args);
      };
    return new Proxy(real, {
      get(target, property, receiver) {
        if (property === 'execute' || property === 'transaction') return counted(property);
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** A published article whose headline is `title`. */
  const published = (title: string) =>
    handle.db.insert(articles).values({
      title,
      slug: unique('bai'),
      sapo: '',
      bodyHtml: '<p>Nội dung</p>',
      bodyText: 'Nội dung',
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000),
      authorId,
      categoryId,
    });

  beforeAll(async () => {
    handle = await createTestDatabase();
    undo = useAsAppDatabase({ ...handle, db: countingDatabase(handle.db) });
    authorId = (await makeUser(handle.db, 'journalist')).id;
    moderatorId = (await makeUser(handle.db, 'moderator')).id;
    categoryId = (await makeCategory(handle.db)).id;
    for (let i = 0; i < 30; i++) await published(`Đồi chè Hợp Thành vào vụ ${i}`);
  });
  beforeEach(() => {
    clearSearchResults();
    db.statements = 0;
    db.failNext = false;
  });
  afterAll(async () => {
    undo?.();
    await handle?.close();
  });

  it('answers 20 identical searches sent at once with one database query, and the next ones from memory', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => searchArticles('doi che hop thanh', 1)));
    expect(db.statements).toBe(1);
    expect(results[0]!.total).toBe(30);
    for (const result of results) expect(result).toBe(results[0]);
    // The same query with diacritics and capitals is the same search.
    expect(await searchArticles('Đồi chè Hợp Thành', 1)).toBe(results[0]);
    expect(db.statements).toBe(1);
    // Another page is another search.
    expect((await searchArticles('doi che hop thanh', 2)).items).toHaveLength(12);
    expect(db.statements).toBe(2);
  });

  it('does not keep a failed query: the callers waiting for it get the error, the next search asks again', async () => {
    db.failNext = true;
    const waiting = await Promise.allSettled([searchArticles('doi che hop thanh', 1), searchArticles('doi che hop thanh', 1)]);
    expect(waiting.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(db.statements).toBe(1);
    expect((await searchArticles('doi che hop thanh', 1)).total).toBe(30);
    expect(db.statements).toBe(2);
  });

  it('shows an article published through the editor on the very next search, though the earlier result was cached', async () => {
    const query = 'tam giac mach sung la';
    expect((await searchArticles(query, 1)).total).toBe(0);
    // Written behind the app's back: the cached answer stands.
    await published('Mùa tam giác mạch ở Sủng Là');
    expect((await searchArticles(query, 1)).total).toBe(0);
    expect(db.statements).toBe(1);
    // Published by a moderator: the cache is cleared in the same process.
    const pending = await makeArticle(handle.db, { authorId, status: 'pending', categoryId });
    await handle.db.update(articles).set({ title: 'Tam giác mạch nở muộn ở Sủng Là' }).where(eq(articles.id, pending.id));
    session.userId = moderatorId;
    expect(await actions.publishArticleAction({ articleId: pending.id, version: pending.version })).toMatchObject({ ok: true });
    const after = await searchArticles(query, 1);
    expect(after.total).toBe(2);
    expect(after.items[0]?.slug).toBe(pending.slug);
  });

  it('forgets the results when a published article is unpublished', async () => {
    const live = await makeArticle(handle.db, { authorId, status: 'published', categoryId });
    await handle.db.update(articles).set({ title: 'Hoa đào Y Tý khoe sắc' }).where(eq(articles.id, live.id));
    expect((await searchArticles('hoa dao y ty', 1)).items.map((a) => a.slug)).toEqual([live.slug]);
    session.userId = moderatorId;
    expect(await actions.unpublishArticleAction({ articleId: live.id, version: live.version })).toMatchObject({ ok: true });
    expect((await searchArticles('hoa dao y ty', 1)).total).toBe(0);
  });
});

