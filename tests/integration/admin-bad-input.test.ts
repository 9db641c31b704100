/**
 * Bad input to the admin route handlers and actions, called directly with a
 * mocked session: each line of the report used to end in a 5xx (a Postgres
 * error or a RangeError) and must now be a clear 4xx with a Vietnamese message.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { articleRevisions, articles } from '@/db/schema';
import { emptyArticleExtras, paragraphDoc } from '../support/article-input';
import { makeArticle, makeUser, useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

const session = vi.hoisted(() => ({ userId: null as number | null, signedInAtMs: 0 }));
const preview = vi.hoisted(() => ({ enabled: false }));
vi.mock('@/server/auth/session-token', () => ({
  readSessionToken: async () => (session.userId === null ? null : { userId: session.userId, signedInAtMs: session.signedInAtMs || Date.now() }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T,>(fn: T) => fn }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'localhost:3000' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
  draftMode: async () => ({ isEnabled: preview.enabled, enable: () => {}, disable: () => {} }),
}));

const mediaRoute = await import('@/app/api/admin/media/route');
const revisionsRoute = await import('@/app/api/admin/bai-viet/[id]/revisions/route');
const articleRoute = await import('@/app/api/admin/bai-viet/[id]/route');
const actions = await import('@/app/(admin)/admin/bai-viet/actions');
const { setUserActive } = await import('@/server/accounts/set-user-active');

const nestedDoc = (levels: number) =>
  JSON.parse(`{"type":"doc","content":[${'{"type":"paragraph","content":['.repeat(levels)}{"type":"text","text":"x"}${']}'.repeat(levels)}]}`) as unknown;

const request = (method: string, pathname: string, body?: string) =>
  new Request(new URL(pathname, 'http://localhost:3000'), {
    method,
    body,
    headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin', host: 'localhost:3000', 'content-type': 'application/json' },
  });

async function expectFailure(response: Response, status: number, code: string) {
  const body = (await response.json()) as { ok: boolean; code: string; message: string };
  expect({ status: response.status, ok: body.ok, code: body.code }).toEqual({ status, ok: false, code });
  // A Vietnamese sentence, not a stack trace or a Postgres message.
  expect(body.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|22021|22003|RangeError|invalid byte|out of range/);
  return body;
}

describeDb(`bad input to admin routes and actions is a 4xx on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let undo: () => void;
  let journalist: { id: number };

  beforeAll(async () => {
    handle = await createTestDatabase();
    undo = useAsAppDatabase(handle);
    journalist = await makeUser(handle.db, 'journalist');
  });
  afterAll(async () => {
    undo?.();
    await handle?.close();
    session.userId = null;
  });

  it('GET /api/admin/media?q=a%00b (NUL, 22021 in Postgres) → 422', async () => {
    session.userId = journalist.id;
    for (const q of ['a%00b', '%00', 'a%01b', 'x%1Fy', 'a%7Fb', '%C2%85']) {
      await expectFailure(await mediaRoute.GET(request('GET', `/api/admin/media?q=${q}`)), 422, 'validation_failed');
    }
    const ok = await mediaRoute.GET(request('GET', '/api/admin/media?q=ru%E1%BB%99ng%20b%E1%BA%ADc'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ items: [], nextBefore: null });
  });

  it('GET /api/admin/media?before=2147483648 (beyond int4, 22003) → 422; a real cursor still works', async () => {
    session.userId = journalist.id;
    for (const before of ['2147483648', '99999999999999999999', '-1', '0', '1.5', '1e3', 'abc']) {
      await expectFailure(await mediaRoute.GET(request('GET', `/api/admin/media?before=${before}`)), 422, 'validation_failed');
    }
    for (const query of ['before=2147483647', 'before=', '']) {
      expect((await mediaRoute.GET(request('GET', `/api/admin/media?${query}`))).status, query).toBe(200);
    }
  });

  it('GET …/revisions?a=2147483648&b=1 (beyond int4) → 400', async () => {
    session.userId = journalist.id;
    const article = await makeArticle(handle.db, { authorId: journalist.id });
    const [revision] = await handle.db
      .insert(articleRevisions)
      .values({ articleId: article.id, action: 'save', version: 1, status: 'draft', title: 'Cũ', sapo: '', bodyHtml: '<p>cũ</p>' })
      .returning({ id: articleRevisions.id });
    const ctx = { params: Promise.resolve({ id: String(article.id) }) };
    for (const query of ['a=2147483648&b=1', `a=${revision!.id}&b=2147483648`, 'a=99999999999&b=1', 'a=1e3&b=1', 'a=&b=1']) {
      await expectFailure(await revisionsRoute.GET(request('GET', `/api/admin/bai-viet/${article.id}/revisions?${query}`), ctx), 400, 'bad_request');
    }
    const ok = await revisionsRoute.GET(request('GET', `/api/admin/bai-viet/${article.id}/revisions?a=${revision!.id}&b=${revision!.id}`), ctx);
    expect(ok.status).toBe(200);
    // An article id beyond int4 in the path is a 404, like any unknown article.
    const far = { params: Promise.resolve({ id: '2147483648' }) };
    await expectFailure(await revisionsRoute.GET(request('GET', '/api/admin/bai-viet/2147483648/revisions?a=1&b=1'), far), 404, 'not_found');
  });

  it('PUT /api/admin/bai-viet/:id with editor JSON nested 1,000 deep (RangeError) → 422', async () => {
    session.userId = journalist.id;
    const article = await makeArticle(handle.db, { authorId: journalist.id });
    const ctx = { params: Promise.resolve({ id: String(article.id) }) };
    const save = (body: unknown) =>
      JSON.stringify({ articleId: article.id, version: article.version, title: 'Sâu', sapo: '', body: { json: body }, ...emptyArticleExtras });
    // Built as text: JSON.stringify itself overflows on such a value.
    const deepText = save('DOC').replace('"DOC"', `{"type":"doc","content":[${'{"type":"paragraph","content":['.repeat(1000)}{"type":"text","text":"x"}${']}'.repeat(1000)}]}`);
    const refused = await expectFailure(await articleRoute.PUT(request('PUT', `/api/admin/bai-viet/${article.id}`, deepText), ctx), 422, 'validation_failed');
    expect(refused.message).toBe('Nội dung lồng nhau quá sâu (tối đa 40 cấp).');
    const ok = await articleRoute.PUT(request('PUT', `/api/admin/bai-viet/${article.id}`, save(nestedDoc(10))), ctx);
    expect(ok.status).toBe(200);
  });

  it('saveDraftAction with editor JSON nested 1,000 deep → { ok: false, validation_failed }', async () => {
    session.userId = journalist.id;
    const article = await makeArticle(handle.db, { authorId: journalist.id });
    const result = await actions.saveDraftAction({
      articleId: article.id,
      version: article.version,
      title: 'Sâu',
      sapo: '',
      body: { json: nestedDoc(1000) },
      ...emptyArticleExtras,
    });
    expect(result).toMatchObject({ ok: false, code: 'validation_failed', message: 'Nội dung lồng nhau quá sâu (tối đa 40 cấp).' });
  });

  it('an https cover, which /_next/image would refuse, is refused when saving (422); a library image is kept', async () => {
    session.userId = journalist.id;
    const article = await makeArticle(handle.db, { authorId: journalist.id });
    const ctx = { params: Promise.resolve({ id: String(article.id) }) };
    const save = (coverImage: string, version: number) =>
      JSON.stringify({ articleId: article.id, version, title: 'Ảnh bìa', sapo: '', body: paragraphDoc('x'), ...emptyArticleExtras, coverImage });
    const refused = await expectFailure(await articleRoute.PUT(request('PUT', `/api/admin/bai-viet/${article.id}`, save('https://example.com/anh.jpg', article.version)), ctx), 422, 'validation_failed');
    expect(refused.message).toMatch(/^Ảnh đại diện phải là ảnh trong thư viện ảnh/);
    const ok = await articleRoute.PUT(request('PUT', `/api/admin/bai-viet/${article.id}`, save('/images/demo/cover-1.jpg', article.version)), ctx);
    expect(ok.status).toBe(200);
    const [row] = await handle.db.select({ coverImage: articles.coverImage }).from(articles).where(eq(articles.id, article.id));
    expect(row!.coverImage).toBe('/images/demo/cover-1.jpg');
  });

  it('createArticleWithContentAction with the old session of a user deactivated since → { ok: false, unauthorized }', async () => {
    const keeper = await makeUser(handle.db, 'admin');
    const reporter = await makeUser(handle.db, 'journalist');
    session.userId = reporter.id;
    session.signedInAtMs = Date.now() - 3_600_000;
    await setUserActive({ userId: reporter.id, active: false, actorId: keeper.id }, handle.db);
    // As the editor's first save calls it, and as a plain <form> would (FormData).
    for (const input of [{ title: 'Bài mới', sapo: '', body: { json: { type: 'doc', content: [] } }, categoryId: null }, new FormData()]) {
      expect(await actions.createArticleWithContentAction(input)).toEqual({ ok: false, code: 'unauthorized', message: expect.any(String) });
    }
    session.signedInAtMs = 0;
  });

  it('/xem-truoc/9999999999 (beyond int4) is the 404 page, not a database error', async () => {
    const { default: PreviewPage } = await import('@/app/(site)/xem-truoc/[id]/page');
    session.userId = journalist.id;
    preview.enabled = true;
    for (const id of ['9999999999', '2147483648', '0', 'abc']) {
      await expect(PreviewPage({ params: Promise.resolve({ id }) }), id).rejects.toThrow('NEXT_NOT_FOUND');
    }
    const article = await makeArticle(handle.db, { authorId: journalist.id });
    await expect(PreviewPage({ params: Promise.resolve({ id: String(article.id) }) })).resolves.toBeTruthy();
    preview.enabled = false;
  });
});
