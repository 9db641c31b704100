/**
 * AUTHORIZATION MATRIX: every admin server action and admin route handler ×
 * every kind of caller → allow or deny, called directly (not through the UI).
 *
 * Discovered automatically:
 *   - every export of every `actions.ts` under app/(admin)/admin/**  → key `<folder>/actions.ts#<export>`
 *   - every HTTP method export of every `route.ts` under app/api/admin/** → key `api/admin/<folder>/route.ts#<METHOD>`
 * A discovered action without an entry in `matrix` below fails the test.
 *
 * HOW TO ADD YOUR ACTION: add one entry to `matrix`, keyed as above:
 *   'bai-viet/actions.ts#submitForReview': {
 *     args: async (f) => [{ articleId: (await f.article({ authorId: f.actors.journalist.id })).id }],
 *     anonymous: 'deny', journalist: 'allow', moderator: 'allow', admin: 'allow', deactivated: 'deny',
 *   },
 * - `args(f)` builds the call's arguments for ONE call; it runs again for every
 *   caller, so create fresh targets there (f.user, f.category, f.article) and
 *   never modify the five actor accounts themselves.
 * - Each of the five callers is one row of the matrix (one test each):
 *     anonymous   — no session
 *     journalist  — an active journalist (owns nothing unless args make it so)
 *     moderator   — an active moderator
 *     admin       — an active admin
 *     deactivated — an admin account that has been deactivated (must be denied everything)
 * - 'allow' = the call succeeded (returned normally, `{ ok: true }`, a 2xx/3xx
 *   Response, or redirect()). 'deny' = refused with unauthorized / forbidden /
 *   not_found (thrown AppError, `{ ok: false, code }`, a 401/403/404 Response,
 *   or notFound()/forbidden()). Anything else (a validation error, a 500…)
 *   fails the row: fix the args so the allowed call is valid.
 *   Anonymous and deactivated callers must get `unauthorized` (401) exactly.
 * - Conventions checked for every action too: the file starts with 'use server',
 *   every export is an async function, and a body with extra keys (role,
 *   status, authorId, id) is refused as invalid (zod `.strict()`). If an action
 *   takes no object argument, set `massAssignment: 'no object input'`.
 *   State-changing route handlers must refuse a cross-site Origin with 403.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { articleRevisions, articles, redirects, type ArticleStatus, type UserRole } from '@/db/schema';
import { AppError } from '@/lib/http/errors';
import { emptyArticleExtras, paragraphDoc } from '../support/article-input';
import { makeArticle, makeCategory, makeUser, unique, useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

const session = vi.hoisted(() => ({ userId: null as number | null }));
const signals = vi.hoisted(() => {
  class NavigationSignal extends Error {
    constructor(
      readonly kind: 'redirect' | 'notFound' | 'forbidden' | 'unauthorized',
      readonly url?: string,
    ) {
      super(`navigation:${kind}`);
    }
  }
  return { NavigationSignal };
});

vi.mock('@/server/auth/session-token', () => ({
  readSessionToken: async () => (session.userId === null ? null : { userId: session.userId, signedInAtMs: Date.now() }),
}));
vi.mock('next/cache', () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
  unstable_cache: <T,>(fn: T) => fn,
  unstable_noStore: () => {},
}));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new signals.NavigationSignal('redirect', url);
  },
  permanentRedirect: (url: string) => {
    throw new signals.NavigationSignal('redirect', url);
  },
  notFound: () => {
    throw new signals.NavigationSignal('notFound');
  },
  forbidden: () => {
    throw new signals.NavigationSignal('forbidden');
  },
  unauthorized: () => {
    throw new signals.NavigationSignal('unauthorized');
  },
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000', 'x-forwarded-for': '127.0.0.1' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
  draftMode: async () => ({ isEnabled: false, enable: () => {}, disable: () => {} }),
}));

// ------------------------------------------------------------------ the table
type Actor = 'anonymous' | 'journalist' | 'moderator' | 'admin' | 'deactivated';
type Expectation = 'allow' | 'deny';
type ActorAccount = { id: number; name: string; email: string; role: UserRole };
type Fixtures = {
  actors: Record<Exclude<Actor, 'anonymous'>, ActorAccount>;
  handle: DatabaseHandle;
  /** A fresh user that the call may change freely. */
  user: (role?: UserRole, options?: { active?: boolean }) => Promise<ActorAccount & { active: boolean }>;
  category: (options?: { parentId?: number | null }) => Promise<{ id: number; slug: string; name: string }>;
  article: (options: { authorId: number; status?: ArticleStatus; categoryId?: number | null; publishedAt?: Date }) => Promise<{ id: number; slug: string; version: number; authorId: number }>;
  unique: (prefix?: string) => string;
  /** A Request to an admin route handler, same-origin by default. */
  request: (method: string, pathname: string, init?: RequestInit) => Request;
};
type MatrixEntry = Record<Actor, Expectation> & {
  args: (f: Fixtures) => Promise<unknown[]> | unknown[];
  massAssignment?: 'no object input';
};

const adminOnly = { anonymous: 'deny', journalist: 'deny', moderator: 'deny', admin: 'allow', deactivated: 'deny' } as const;

const everyMember = { anonymous: 'deny', journalist: 'allow', moderator: 'allow', admin: 'allow', deactivated: 'deny' } as const;
const moderators = { anonymous: 'deny', journalist: 'deny', moderator: 'allow', admin: 'allow', deactivated: 'deny' } as const;
const versionOf = (a: { id: number; version: number }) => ({ articleId: a.id, version: a.version });
const idParams = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const draftInput = (a: { id: number; version: number }) => ({
  ...versionOf(a),
  title: 'Bản nháp kiểm thử quyền',
  sapo: 'Sapo',
  body: paragraphDoc('Nội dung'),
  ...emptyArticleExtras,
});
async function revisionOf(f: Fixtures, articleId: number): Promise<number> {
  const [row] = await f.handle.db
    .insert(articleRevisions)
    .values({ articleId, action: 'save', version: 1, status: 'draft', title: 'Phiên bản cũ', sapo: '', bodyHtml: '<p>cũ</p>' })
    .returning({ id: articleRevisions.id });
  return row!.id;
}

const matrix: Record<string, MatrixEntry> = {
  // ---- Người dùng (admin)
  'nguoi-dung/actions.ts#createUserAction': {
    args: (f) => [{ name: 'Phóng viên mới', email: `${f.unique('moi')}@example.vn`, role: 'journalist', password: 'MatKhauMoi@2026' }],
    ...adminOnly,
  },
  'nguoi-dung/actions.ts#changeUserRoleAction': {
    args: async (f) => [{ userId: (await f.user('journalist')).id, role: 'moderator' }],
    ...adminOnly,
  },
  'nguoi-dung/actions.ts#deactivateUserAction': {
    args: async (f) => [{ userId: (await f.user('journalist')).id }],
    ...adminOnly,
  },
  'nguoi-dung/actions.ts#reactivateUserAction': {
    args: async (f) => [{ userId: (await f.user('journalist', { active: false })).id }],
    ...adminOnly,
  },
  'nguoi-dung/actions.ts#resetUserPasswordAction': {
    args: async (f) => [{ userId: (await f.user('journalist')).id, password: 'MatKhauMoi@2026' }],
    ...adminOnly,
  },
  // ---- Chuyên mục (admin)
  'chuyen-muc/actions.ts#createCategoryAction': {
    args: async (f) => [{ name: `Chuyên mục ${f.unique()}`, description: 'Mô tả', parentId: (await f.category()).id }],
    ...adminOnly,
  },
  'chuyen-muc/actions.ts#updateCategoryAction': {
    args: async (f) => [{ categoryId: (await f.category()).id, name: 'Tên mới', slug: f.unique('duong-dan'), parentId: (await f.category()).id }],
    ...adminOnly,
  },
  'chuyen-muc/actions.ts#moveCategoryAction': {
    args: async (f) => {
      const parent = await f.category();
      await f.category({ parentId: parent.id });
      const second = await f.category({ parentId: parent.id });
      return [{ categoryId: second.id, direction: 'up' }];
    },
    ...adminOnly,
  },
  // ---- Chuyển hướng (admin)
  'chuyen-huong/actions.ts#addRedirectAction': {
    args: (f) => [{ from: `/tin-tuc/${f.unique('cu')}.html`, to: '/gioi-thieu' }],
    ...adminOnly,
  },
  'chuyen-huong/actions.ts#deleteRedirectAction': {
    args: async (f) => {
      const [row] = await f.handle.db
        .insert(redirects)
        .values({ fromPath: `/tin-tuc/${f.unique('xoa')}.html`, toPath: '/gioi-thieu', source: 'manual' })
        .returning({ id: redirects.id });
      return [{ redirectId: row!.id }];
    },
    ...adminOnly,
  },
  // ---- Cài đặt (admin)
  'cai-dat/actions.ts#saveSiteSettingsAction': {
    args: () => [
      {
        portalName: 'Cổng thông tin điện tử Thành phố Lào Cai',
        tagline: 'Tin tức – Sự kiện',
        contact: { agency: 'UBND', address: 'Lào Cai', phone: '0214', email: 'a@laocai.vn', editorInChief: 'Trưởng ban', license: 'GP 05' },
        statsBaseline: 1000,
      },
    ],
    ...adminOnly,
  },
  // ---- Bài viết (issue 5): journalists act on their own work; publishing is for moderators and admins
  'bai-viet/actions.ts#createArticleWithContentAction': {
    args: () => [{ title: 'Bài viết mới kiểm thử quyền', sapo: 'Sapo', body: paragraphDoc('Nội dung'), ...emptyArticleExtras }],
    ...everyMember,
  },
  'bai-viet/actions.ts#saveDraftAction': {
    args: async (f) => [draftInput(await f.article({ authorId: f.actors.journalist.id }))],
    ...everyMember,
  },
  'bai-viet/actions.ts#submitForReviewAction': {
    args: async (f) => [versionOf(await f.article({ authorId: f.actors.journalist.id, categoryId: (await f.category()).id }))],
    ...everyMember,
  },
  'bai-viet/actions.ts#publishArticleAction': {
    args: async (f) => [versionOf(await f.article({ authorId: f.actors.journalist.id, status: 'pending', categoryId: (await f.category()).id }))],
    ...moderators,
  },
  'bai-viet/actions.ts#scheduleArticleAction': {
    args: async (f) => [
      {
        ...versionOf(await f.article({ authorId: f.actors.journalist.id, status: 'pending', categoryId: (await f.category()).id })),
        publishAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    ],
    ...moderators,
  },
  'bai-viet/actions.ts#rejectArticleAction': {
    args: async (f) => [{ ...versionOf(await f.article({ authorId: f.actors.journalist.id, status: 'pending' })), note: 'Cần bổ sung nguồn tin.' }],
    ...moderators,
  },
  'bai-viet/actions.ts#unscheduleArticleAction': {
    args: async (f) => [versionOf(await f.article({ authorId: f.actors.journalist.id, status: 'published', publishedAt: new Date(Date.now() + 86_400_000) }))],
    ...moderators,
  },
  'bai-viet/actions.ts#unpublishArticleAction': {
    args: async (f) => [versionOf(await f.article({ authorId: f.actors.journalist.id, status: 'published' }))],
    ...moderators,
  },
  'bai-viet/actions.ts#withdrawArticleAction': {
    // Only the author takes a submission back; an editor returns it instead ("Trả lại").
    args: async (f) => [versionOf(await f.article({ authorId: f.actors.journalist.id, status: 'pending' }))],
    anonymous: 'deny',
    journalist: 'allow',
    moderator: 'deny',
    admin: 'deny',
    deactivated: 'deny',
  },
  'bai-viet/actions.ts#trashArticleAction': {
    args: async (f) => [{ articleId: (await f.article({ authorId: f.actors.journalist.id })).id }],
    ...everyMember,
  },
  'bai-viet/actions.ts#restoreFromTrashAction': {
    args: async (f) => {
      const article = await f.article({ authorId: f.actors.journalist.id });
      await f.handle.db.update(articles).set({ deletedAt: new Date() }).where(eq(articles.id, article.id));
      return [{ articleId: article.id }];
    },
    ...moderators,
  },
  'bai-viet/actions.ts#bulkArticlesAction': {
    args: async (f) => [{ ids: [(await f.article({ authorId: f.actors.journalist.id, status: 'published' })).id], action: 'unpublish' }],
    ...moderators,
  },
  'bai-viet/actions.ts#addCommentAction': {
    // The editorial thread: whoever may open the article (its author, editors).
    args: async (f) => [{ articleId: (await f.article({ authorId: f.actors.journalist.id })).id, body: 'Cần thêm ảnh hiện trường.' }],
    ...everyMember,
  },
  'bai-viet/actions.ts#restoreRevisionAction': {
    args: async (f) => {
      const article = await f.article({ authorId: f.actors.journalist.id });
      return [{ ...versionOf(article), revisionId: await revisionOf(f, article.id) }];
    },
    ...everyMember,
  },
  'api/admin/bai-viet/[id]/route.ts#PUT': {
    args: async (f) => {
      const article = await f.article({ authorId: f.actors.journalist.id });
      return [f.request('PUT', `/api/admin/bai-viet/${article.id}`, { body: JSON.stringify(draftInput(article)) }), idParams(article.id)];
    },
    ...everyMember,
  },
  'api/admin/bai-viet/[id]/presence/route.ts#POST': {
    args: async (f) => {
      const article = await f.article({ authorId: f.actors.journalist.id });
      return [f.request('POST', `/api/admin/bai-viet/${article.id}/presence`), idParams(article.id)];
    },
    ...everyMember,
  },
  'api/admin/bai-viet/[id]/presence/route.ts#DELETE': {
    args: async (f) => {
      const article = await f.article({ authorId: f.actors.journalist.id });
      return [f.request('DELETE', `/api/admin/bai-viet/${article.id}/presence`), idParams(article.id)];
    },
    ...everyMember,
  },
  'api/admin/bai-viet/[id]/revisions/route.ts#GET': {
    args: async (f) => {
      const article = await f.article({ authorId: f.actors.journalist.id });
      const a = await revisionOf(f, article.id);
      const b = await revisionOf(f, article.id);
      return [f.request('GET', `/api/admin/bai-viet/${article.id}/revisions?a=${a}&b=${b}`), idParams(article.id)];
    },
    ...everyMember,
  },
  'api/admin/preview/route.ts#GET': {
    args: async (f) => [f.request('GET', `/api/admin/preview?id=${(await f.article({ authorId: f.actors.journalist.id })).id}`)],
    ...everyMember,
  },
  'api/admin/media/route.ts#GET': {
    args: (f) => [f.request('GET', '/api/admin/media?q=ruong')],
    ...everyMember,
  },
  'api/admin/media/route.ts#POST': {
    args: async (f) => {
      process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'media-matrix-'));
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f4c81' } }).png().toBuffer();
      const form = new FormData();
      form.append('file', new File([new Uint8Array(png)], 'anh.png', { type: 'image/png' }));
      form.append('caption', 'Ảnh thử');
      return [f.request('POST', '/api/admin/media', { body: form })];
    },
    ...everyMember,
  },
  // ---- Thư viện ảnh: the uploader or an editor edits an image; only editors delete one, and only unused
  'thu-vien-anh/actions.ts#updateMediaAction': {
    args: async (f) => {
      const { insertMedia } = await import('@/db/queries/media');
      const key = `2026/12/${crypto.randomUUID().replaceAll('-', '')}.png`;
      const row = await insertMedia({ storageKey: key, url: `/media/${key}`, mimeType: 'image/png', width: 8, height: 8, sizeBytes: 100, uploadedBy: f.actors.journalist.id }, f.handle.db);
      // The focal point stays where it is: no crop to remake from a file this row has not got.
      return [{ mediaId: row.id, caption: 'Chú thích mới', alt: 'Mô tả mới', credit: 'Lâm Tú', focalX: 0.5, focalY: 0.5 }];
    },
    ...everyMember,
  },
  'thu-vien-anh/actions.ts#deleteMediaAction': {
    args: async (f) => {
      process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'media-matrix-'));
      const { insertMedia } = await import('@/db/queries/media');
      const key = `2026/12/${crypto.randomUUID().replaceAll('-', '')}.png`;
      const row = await insertMedia({ storageKey: key, url: `/media/${key}`, mimeType: 'image/png', width: 8, height: 8, sizeBytes: 100, uploadedBy: f.actors.journalist.id }, f.handle.db);
      return [{ mediaId: row.id }];
    },
    ...moderators,
  },
  'api/admin/thong-bao/route.ts#GET': {
    args: (f) => [f.request('GET', '/api/admin/thong-bao')],
    ...everyMember,
  },
  'api/admin/thong-bao/route.ts#POST': {
    args: (f) => [f.request('POST', '/api/admin/thong-bao', { body: JSON.stringify({ action: 'read' }) })],
    ...everyMember,
  },
  'api/admin/sao-luu/route.ts#POST': {
    args: (f) => {
      process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'media-matrix-'));
      return [f.request('POST', '/api/admin/sao-luu')];
    },
    ...adminOnly,
  },
  // ---- Thống kê: "Tải CSV", moderators and admins as the page
  'api/admin/thong-ke/route.ts#GET': {
    args: (f) => [f.request('GET', '/api/admin/thong-ke?xem=bai-viet&khoang=30n')],
    ...moderators,
  },
  'api/admin/nhat-ky/route.ts#GET': {
    args: (f) => [f.request('GET', `/api/admin/nhat-ky?nguoi=${f.actors.admin.id}&hanh-dong=article.published&tu-ngay=01%2F12%2F2026&den-ngay=31%2F12%2F2026`)],
    ...adminOnly,
  },
};
// ------------------------------------------------------------------ end of table

const ACTORS: Actor[] = ['anonymous', 'journalist', 'moderator', 'admin', 'deactivated'];
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const DENY_CODES = new Set(['unauthorized', 'forbidden', 'not_found']);
const MASS_ASSIGNMENT_KEYS = { id: 1, role: 'admin', status: 'published', authorId: 1 };

const root = path.resolve(__dirname, '../..');
const actionsRoot = path.join(root, 'app/(admin)/admin');
const routesRoot = path.join(root, 'app/api/admin');

function filesNamed(dir: string, name: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join(dir, file))
    .sort();
}

type Discovered = { key: string; file: string; kind: 'action' | 'route'; method?: string; fn: (...args: unknown[]) => unknown };

async function discover(): Promise<Discovered[]> {
  const found: Discovered[] = [];
  for (const file of filesNamed(actionsRoot, 'actions.ts')) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      found.push({ key: `${path.relative(actionsRoot, file).split(path.sep).join('/')}#${name}`, file, kind: 'action', fn: value as Discovered['fn'] });
    }
  }
  for (const file of filesNamed(routesRoot, 'route.ts')) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS.filter((m) => typeof mod[m] === 'function')) {
      const key = `${path.relative(path.join(root, 'app'), file).split(path.sep).join('/')}#${method}`;
      found.push({ key, file, kind: 'route', method, fn: mod[method] as Discovered['fn'] });
    }
  }
  return found;
}

type Outcome = { kind: 'allow' } | { kind: 'deny'; code: string } | { kind: 'other'; detail: string };

const statusCodes: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' };

async function outcomeOf(call: () => unknown): Promise<Outcome> {
  try {
    const result = await call();
    if (result instanceof Response) {
      if (result.status < 400) return { kind: 'allow' };
      const code = statusCodes[result.status];
      return code ? { kind: 'deny', code } : { kind: 'other', detail: `HTTP ${result.status}: ${await result.text()}` };
    }
    if (result && typeof result === 'object' && 'ok' in result && result.ok === false) {
      const { code, message } = result as unknown as { code: string; message?: string };
      return DENY_CODES.has(code) ? { kind: 'deny', code } : { kind: 'other', detail: `${code}: ${message ?? ''}` };
    }
    return { kind: 'allow' };
  } catch (error) {
    if (error instanceof signals.NavigationSignal) {
      if (error.kind === 'redirect') return { kind: 'allow' };
      return { kind: 'deny', code: error.kind === 'notFound' ? 'not_found' : error.kind };
    }
    if (error instanceof AppError) {
      return DENY_CODES.has(error.code) ? { kind: 'deny', code: error.code } : { kind: 'other', detail: `${error.code}: ${error.message}` };
    }
    return { kind: 'other', detail: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
  }
}

const discovered = await discover();

describeDb(`authorization matrix on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let undo: () => void;
  let fixtures: Fixtures;

  beforeAll(async () => {
    handle = await createTestDatabase();
    undo = useAsAppDatabase(handle);
    const account = async (role: UserRole, active = true) => {
      const u = await makeUser(handle.db, role, { active });
      return { id: u.id, name: u.name, email: u.email, role: u.role };
    };
    fixtures = {
      handle,
      actors: {
        journalist: await account('journalist'),
        moderator: await account('moderator'),
        admin: await account('admin'),
        deactivated: await account('admin', false),
      },
      user: async (role = 'journalist', options = {}) => {
        const u = await makeUser(handle.db, role, options);
        return { id: u.id, name: u.name, email: u.email, role: u.role, active: u.active };
      },
      category: (options) => makeCategory(handle.db, options),
      article: (options) => makeArticle(handle.db, options),
      unique,
      request: (method, pathname, init = {}) =>
        new Request(new URL(pathname, 'http://localhost:3000'), {
          method,
          ...init,
          headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin', host: 'localhost:3000', ...(init.headers as Record<string, string> | undefined) },
        }),
    };
  });

  afterAll(async () => {
    undo?.();
    await handle?.close();
  });

  it('finds the admin actions it is meant to check', () => {
    expect(discovered.filter((d) => d.kind === 'action').length).toBeGreaterThanOrEqual(Object.keys(matrix).length > 0 ? 1 : 0);
    expect(discovered.some((d) => d.key === 'nguoi-dung/actions.ts#createUserAction')).toBe(true);
  });

  it('has a row for every actor of every discovered action and route handler', () => {
    const missing = discovered.filter((d) => !matrix[d.key]).map((d) => d.key);
    expect(missing, `add these to the matrix in ${path.relative(root, __filename)}`).toEqual([]);
    const stale = Object.keys(matrix).filter((key) => !discovered.some((d) => d.key === key));
    expect(stale, 'matrix entries whose action no longer exists').toEqual([]);
  });

  it.each(filesNamed(actionsRoot, 'actions.ts').map((f) => [path.relative(root, f)]))("%s starts with 'use server'", (file) => {
    const source = fs.readFileSync(path.join(root, file), 'utf8').replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/, '');
    expect(source.startsWith("'use server'") || source.startsWith('"use server"')).toBe(true);
  });

  it.each(discovered.filter((d) => d.kind === 'action').map((d) => [d.key, d]))('%s is an async function', (_key, d) => {
    expect(typeof d.fn).toBe('function');
    expect(d.fn.constructor.name).toBe('AsyncFunction');
  });

  const rows = discovered.flatMap((d) => ACTORS.map((actor) => [d.key, actor, matrix[d.key]?.[actor] ?? 'missing', d] as const));

  it.each(rows)('%s as %s → %s', async (key, actor, expected, d) => {
    const entry = matrix[key];
    expect(entry, `no matrix entry for ${key}`).toBeDefined();
    const args = await entry!.args(fixtures);
    session.userId = actor === 'anonymous' ? null : fixtures.actors[actor].id;
    const outcome = await outcomeOf(() => d.fn(...args));
    session.userId = null;
    if (outcome.kind === 'other') throw new Error(`${key} as ${actor}: expected ${expected}, got ${outcome.detail}`);
    expect(outcome.kind, `${key} as ${actor}`).toBe(expected);
    if (outcome.kind === 'deny' && (actor === 'anonymous' || actor === 'deactivated')) expect(outcome.code).toBe('unauthorized');
  });

  const massRows = discovered.filter((d) => d.kind === 'action').map((d) => [d.key, d] as const);
  it.each(massRows)('%s refuses extra keys (mass assignment)', async (key, d) => {
    const entry = matrix[key];
    expect(entry).toBeDefined();
    if (entry!.massAssignment) return;
    const allowed = ACTORS.find((a) => a !== 'anonymous' && entry![a] === 'allow') as Exclude<Actor, 'anonymous'> | undefined;
    if (!allowed) return;
    const args = await entry!.args(fixtures);
    const index = args.findIndex((a) => a instanceof FormData || (a !== null && typeof a === 'object' && Object.getPrototypeOf(a) === Object.prototype));
    expect(index, `${key}: no object argument to probe; set massAssignment: 'no object input' if that is right`).toBeGreaterThanOrEqual(0);
    const target = args[index];
    for (const [name, value] of Object.entries(MASS_ASSIGNMENT_KEYS)) {
      if (target instanceof FormData) {
        if (!target.has(name)) target.append(name, String(value));
      } else if (!(name in (target as object))) {
        (target as Record<string, unknown>)[name] = value;
      }
    }
    session.userId = fixtures.actors[allowed].id;
    const outcome = await outcomeOf(() => d.fn(...args));
    session.userId = null;
    expect(outcome.kind === 'other' && /^(validation_failed|bad_request)\b/.test(outcome.detail), `${key}: ${JSON.stringify(outcome)}`).toBe(true);
  });

  const crossSiteRows = discovered.filter((d) => d.kind === 'route' && !['GET', 'HEAD'].includes(d.method!)).map((d) => [d.key, d] as const);
  // Defined only when there are state-changing route handlers (it.each refuses an empty table).
  if (crossSiteRows.length > 0) describe('route handlers', () => {
    it.each(crossSiteRows)('%s refuses a cross-site request', async (key, d) => {
      const args = await matrix[key]!.args(fixtures);
      const request = args[0] as Request;
      const headers = new Headers(request.headers);
      headers.set('origin', 'https://evil.example');
      headers.set('sec-fetch-site', 'cross-site');
      args[0] = new Request(request, { headers });
      session.userId = fixtures.actors.admin.id;
      const outcome = await outcomeOf(() => d.fn(...args));
      session.userId = null;
      expect(outcome).toEqual({ kind: 'deny', code: 'forbidden' });
    });
  });
});
