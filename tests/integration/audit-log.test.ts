/**
 * "Nhật ký" read back: names instead of ids, the filters (person, action, Vietnam days at their
 * boundaries), the CSV without pages, and the CSV route handler answering as a download.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listAuditEntries, listAuditEntriesForExport, recordAudit, type AuditRow } from '@/db/queries/audit';
import { auditLog, media, redirects } from '@/db/schema';
import { describeAuditLine } from '@/lib/audit/line';
import { auditLogQueryOf, parseAuditLogFilters } from '@/lib/validation/audit-log';
import { changeUserRole } from '@/server/accounts/change-user-role';
import { createCategory } from '@/server/categories/create-category';
import { makeArticle, makeCategory, makeUser, unique, useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock('@/server/auth/session-token', () => ({
  readSessionToken: async () => (session.userId === null ? null : { userId: session.userId, signedInAtMs: Date.now() }),
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'localhost:3000' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

const route = await import('@/app/api/admin/nhat-ky/route');

/** The query the page runs for these URL filters. */
function queryFor(params: Record<string, string>) {
  const parsed = parseAuditLogFilters(params);
  if (!parsed.ok) throw new Error(parsed.message);
  return auditLogQueryOf(parsed.filters);
}

const csvRequest = (search: string) => new Request(`http://localhost:3000/api/admin/nhat-ky${search}`, { headers: { host: 'localhost:3000' } });

describeDb(`the audit log read back on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let undo: () => void;
  let admin: Awaited<ReturnType<typeof makeUser>>;
  let moderator: Awaited<ReturnType<typeof makeUser>>;
  let journalist: Awaited<ReturnType<typeof makeUser>>;
  let article: Awaited<ReturnType<typeof makeArticle>>;
  const title = `Lễ hội Đền Thượng ${unique()}`;

  async function lineAt(at: string, values: Partial<typeof auditLog.$inferInsert> = {}) {
    await handle.db.insert(auditLog).values({ actorId: journalist.id, action: 'article.saved', targetType: 'article', targetId: article.id, details: { version: 2, status: 'draft' }, ...values, createdAt: new Date(at) });
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    undo = useAsAppDatabase(handle);
    admin = await makeUser(handle.db, 'admin', { name: 'Quản trị hệ thống' });
    moderator = await makeUser(handle.db, 'moderator', { name: 'Nguyễn Thu Hà' });
    journalist = await makeUser(handle.db, 'journalist', { name: 'Lâm Tú' });
    article = await makeArticle(handle.db, { authorId: journalist.id, title });
  });

  afterAll(async () => {
    undo?.();
    await handle?.close();
  });

  describe('names, not ids', () => {
    let rows: AuditRow[];

    beforeAll(async () => {
      const promoted = await makeUser(handle.db, 'journalist', { name: 'Phạm Văn Đồng' });
      await changeUserRole({ userId: promoted.id, role: 'moderator', actorId: admin.id }, handle.db);
      await createCategory({ name: 'Văn hóa Sa Pa', actorId: admin.id }, handle.db);
      const from = await makeCategory(handle.db);
      const to = await makeCategory(handle.db);
      await recordAudit({ actorId: moderator.id, action: 'article.moved', targetType: 'article', targetId: article.id, details: { fromCategoryId: from.id, toCategoryId: to.id } }, handle.db);
      await recordAudit({ actorId: moderator.id, action: 'article.published', targetType: 'article', targetId: article.id, details: { from: 'pending', to: 'published', version: 3 } }, handle.db);
      const [image] = await handle.db
        .insert(media)
        .values({ storageKey: `${unique('anh')}.webp`, url: '/media/2026/12/cau-coc-leu.webp', mimeType: 'image/webp', width: 8, height: 8, sizeBytes: 10, uploadedBy: journalist.id })
        .returning();
      await recordAudit({ actorId: journalist.id, action: 'media.uploaded', targetType: 'media', targetId: image!.id, details: { url: image!.url } }, handle.db);
      const [redirect] = await handle.db.insert(redirects).values({ fromPath: '/tin-tuc/le-hoi.html', toPath: '/gioi-thieu', source: 'manual' }).returning();
      await recordAudit({ actorId: admin.id, action: 'redirect.created', targetType: 'redirect', targetId: redirect!.id, details: { from: redirect!.fromPath, to: redirect!.toPath } }, handle.db);
      await recordAudit({ actorId: null, action: 'article.purged', targetType: 'article', targetId: 2_000_000, details: { title: 'Bài đã xóa hẳn', slug: 'bai-da-xoa' } }, handle.db);
      await recordAudit({ actorId: null, action: 'auth.sign_in_refused', details: { email: 'ai-do@laocai.vn', ip: '203.0.113.7', scope: 'account' } }, handle.db);
      rows = (await listAuditEntries({ pageSize: 20 }, handle.db)).rows;
    });

    const read = (action: string) => {
      const row = rows.find((r) => r.action === action);
      expect(row, action).toBeDefined();
      return describeAuditLine(row!);
    };

    it('names the actor and the account whose role changed, and the roles in words', () => {
      expect(read('user.role_changed')).toMatchObject({
        actor: 'Quản trị hệ thống',
        action: 'Đổi vai trò',
        target: { label: 'Phạm Văn Đồng', href: '/admin/nguoi-dung' },
        details: 'Từ Phóng viên thành Biên tập viên',
      });
    });

    it('names an article by its title and links to its editor', () => {
      expect(read('article.published')).toMatchObject({
        actor: 'Nguyễn Thu Hà',
        action: 'Xuất bản',
        target: { label: title, href: `/admin/bai-viet/${article.id}` },
        details: 'Từ “Chờ duyệt” sang “Đã xuất bản”, phiên bản 3',
      });
    });

    it('names the categories an article moved between', () => {
      const line = read('article.moved');
      expect(line.details).toMatch(/^Từ “Chuyên mục cm-[^”]+” sang “Chuyên mục cm-[^”]+”$/);
    });

    it('names a category, an image, a redirect and a purged article', () => {
      expect(read('category.created').target).toEqual({ label: 'Văn hóa Sa Pa', href: '/admin/chuyen-muc' });
      expect(read('media.uploaded').target).toEqual({ label: 'cau-coc-leu.webp', href: '/media/2026/12/cau-coc-leu.webp' });
      expect(read('redirect.created')).toMatchObject({ target: { label: '/tin-tuc/le-hoi.html', href: '/admin/chuyen-huong' }, details: 'Từ /tin-tuc/le-hoi.html sang /gioi-thieu' });
      expect(read('article.purged')).toMatchObject({ actor: 'Hệ thống', target: { label: 'Bài đã xóa hẳn (đã xóa)', href: null } });
    });

    it('shows no raw key anywhere in a line', () => {
      for (const row of rows) {
        const line = describeAuditLine(row);
        expect(JSON.stringify(line), row.action).not.toMatch(/\b(article|user|auth|media|category|redirect)\.[a-z_]+\b|#\d+|\bfrom:|\bto:/);
      }
    });
  });

  describe('filters', () => {
    const marker = 'loc-nhat-ky';

    beforeAll(async () => {
      // 16:59:59 UTC on 4 December is 23:59:59 on 4 December in Hà Nội; 17:00 UTC is midnight of the 5th.
      await lineAt('2026-12-04T16:59:59.000Z', { details: { version: 1, status: 'draft', marker } });
      await lineAt('2026-12-04T17:00:00.000Z', { details: { version: 2, status: 'draft', marker } });
      await lineAt('2026-12-05T16:59:59.999Z', { actorId: moderator.id, action: 'article.published', details: { from: 'pending', to: 'published', marker } });
      await lineAt('2026-12-05T17:00:00.000Z', { actorId: null, action: 'auth.sign_in_failed', targetType: null, targetId: null, details: { email: 'x@laocai.vn', marker } });
    });

    const times = async (params: Record<string, string>) =>
      (await listAuditEntriesForExport(queryFor(params), handle.db)).filter((r) => r.details?.marker === marker).map((r) => r.createdAt.toISOString());

    it('takes "đến ngày" as the whole Vietnam day and "từ ngày" from its local midnight', async () => {
      expect(await times({ 'tu-ngay': '05/12/2026', 'den-ngay': '05/12/2026' })).toEqual(['2026-12-05T16:59:59.999Z', '2026-12-04T17:00:00.000Z']);
      expect(await times({ 'den-ngay': '04/12/2026' })).toEqual(['2026-12-04T16:59:59.000Z']);
      expect(await times({ 'tu-ngay': '06/12/2026' })).toEqual(['2026-12-05T17:00:00.000Z']);
      expect(await times({ 'tu-ngay': '04/12/2026', 'den-ngay': '06/12/2026' })).toHaveLength(4);
    });

    it('filters by the person who acted, and by no person (the system)', async () => {
      expect(await times({ nguoi: String(moderator.id), 'tu-ngay': '01/12/2026', 'den-ngay': '31/12/2026' })).toEqual(['2026-12-05T16:59:59.999Z']);
      expect(await times({ nguoi: 'he-thong', 'tu-ngay': '01/12/2026', 'den-ngay': '31/12/2026' })).toEqual(['2026-12-05T17:00:00.000Z']);
      const mine = await listAuditEntriesForExport(queryFor({ nguoi: String(journalist.id) }), handle.db);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((r) => r.actorId === journalist.id && r.actorName === 'Lâm Tú')).toBe(true);
    });

    it('filters by action', async () => {
      expect(await times({ 'hanh-dong': 'article.published', 'tu-ngay': '01/12/2026', 'den-ngay': '31/12/2026' })).toEqual(['2026-12-05T16:59:59.999Z']);
      const saved = await listAuditEntriesForExport(queryFor({ 'hanh-dong': 'article.saved' }), handle.db);
      expect(saved.every((r) => r.action === 'article.saved')).toBe(true);
    });

    it('combines the filters, and counts what they match for the pages', async () => {
      const page = await listAuditEntries({ ...queryFor({ nguoi: String(journalist.id), 'hanh-dong': 'article.saved', 'tu-ngay': '04/12/2026', 'den-ngay': '04/12/2026' }), pageSize: 1 }, handle.db);
      expect(page.total).toBe(1);
      expect(page.rows.map((r) => r.createdAt.toISOString())).toEqual(['2026-12-04T16:59:59.000Z']);
    });
  });

  describe('the CSV', () => {
    const day = '15/01/2027';

    beforeAll(async () => {
      await handle.db.insert(auditLog).values(
        Array.from({ length: 260 }, (_, i) => ({
          actorId: journalist.id,
          action: 'article.saved',
          targetType: 'article',
          targetId: article.id,
          details: { version: i + 1, status: 'draft' },
          createdAt: new Date(Date.UTC(2027, 0, 15, 1, 0, i)),
        })),
      );
    });

    it('holds every matching line, past the page size, and stops at its limit', async () => {
      const query = queryFor({ 'tu-ngay': day, 'den-ngay': day });
      expect((await listAuditEntries({ ...query, pageSize: 1000 }, handle.db)).rows).toHaveLength(200);
      expect(await listAuditEntriesForExport(query, handle.db)).toHaveLength(260);
      expect(await listAuditEntriesForExport(query, handle.db, 100)).toHaveLength(100);
    });

    it('answers an admin with a UTF-8 CSV download of the filtered lines', async () => {
      session.userId = admin.id;
      const response = await route.GET(csvRequest(`?nguoi=${journalist.id}&tu-ngay=${encodeURIComponent(day)}&den-ngay=${encodeURIComponent(day)}`));
      session.userId = null;
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="nhat-ky-\d{8}\.csv"$/);
      expect(response.headers.get('cache-control')).toContain('no-store');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.subarray(3)).split('\r\n');
      expect(lines[0]).toBe('Thời gian,Người thực hiện,Hành động,Đối tượng,Chi tiết');
      expect(lines).toHaveLength(1 + 260 + 1);
      expect(lines[1]).toBe(`15/01/2027 08:04,Lâm Tú,Lưu bài viết,${title},"Phiên bản 260, trạng thái “Nháp”"`);
    });

    it('refuses a bad filter with a Vietnamese 422, not a 500', async () => {
      session.userId = admin.id;
      const response = await route.GET(csvRequest('?tu-ngay=31%2F02%2F2027'));
      session.userId = null;
      expect(response.status).toBe(422);
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code).toBe('validation_failed');
      expect(body.message).toContain('Từ ngày không hợp lệ');
    });

    it('is for admins only', async () => {
      expect((await route.GET(csvRequest(''))).status).toBe(401);
      session.userId = moderator.id;
      const refused = await route.GET(csvRequest(''));
      session.userId = null;
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { message: string }).message).toBe('Chỉ quản trị viên được tải nhật ký.');
    });
  });
});
