import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getArticleViewsRanking, getAuthorViewsRanking, getVisitSeriesByBucket } from '@/db/queries/stats-range';
import { articles, articleViewsDaily, visitDaily } from '@/db/schema';
import { GET as exportCsv } from '@/app/api/admin/thong-ke/route';
import { fillBuckets, sumBuckets } from '@/lib/stats/buckets';
import { parseStatsRange, presetRange, type StatsRange } from '@/lib/stats/range';
import { makeArticle, makeCategory, makeUser, useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock('@/server/auth/session-token', () => ({
  readSessionToken: async () => (session.userId === null ? null : { userId: session.userId, signedInAtMs: Date.now() }),
}));

// Wednesday 3 December 2025, 23:30 in Hà Nội. The fixtures lie in 2025, before the real clock,
// so the CSV route (which reads the real clock) can be asked for the same days as a custom range.
const now = new Date('2025-12-03T16:30:00Z');
const all = { limit: 100, offset: 0 };

function custom(tu: string, den: string): StatsRange {
  const result = parseStatsRange({ khoang: 'tuy-chon', tu, den }, now);
  if (!result.ok) throw new Error(result.message);
  return result.range;
}

describeDb(`statistics over a range on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let undo: () => void;
  const people = {} as Record<'writerA' | 'writerB' | 'journalist' | 'moderator', { id: number; name: string }>;
  const ids = {} as Record<'a1' | 'a2' | 'a3' | 'a4' | 'a5', number>;

  async function series(range: StatsRange) {
    return fillBuckets(range, await getVisitSeriesByBucket(range, range.grouping, handle.db));
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    undo = useAsAppDatabase(handle);
    people.writerA = await makeUser(handle.db, 'journalist', { name: 'Nguyễn Văn A' });
    people.writerB = await makeUser(handle.db, 'journalist', { name: 'Trần Thị B' });
    people.journalist = await makeUser(handle.db, 'journalist');
    people.moderator = await makeUser(handle.db, 'moderator');
    const category = await makeCategory(handle.db);
    // Published at 00:30 on 2 November, Hà Nội time.
    const a1 = await makeArticle(handle.db, { authorId: people.writerA.id, status: 'published', categoryId: category.id, title: 'Lễ hội Đền Thượng', publishedAt: new Date('2025-11-01T17:30:00Z') });
    const a2 = await makeArticle(handle.db, { authorId: people.writerA.id, status: 'published', title: 'Chợ phiên Bắc Hà' });
    const a3 = await makeArticle(handle.db, { authorId: people.writerB.id, title: 'Mùa lúa Y Tý' });
    const a4 = await makeArticle(handle.db, { authorId: people.writerB.id, title: 'Bài đã xóa' });
    const a5 = await makeArticle(handle.db, { authorId: people.writerB.id, title: '=HYPERLINK("http://x","Bấm")' });
    await handle.db.update(articles).set({ deletedAt: new Date() }).where(eq(articles.id, a4.id));
    Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id, a4: a4.id, a5: a5.id });

    await handle.db.insert(visitDaily).values([
      { day: '2024-12-31', visits: 999, pageviews: 999, visitors: 999 }, // the day before "12 tháng" begins
      { day: '2025-01-01', visits: 2, pageviews: 2, visitors: 2 },
      { day: '2025-01-15', visits: 50, pageviews: 60, visitors: 40 },
      { day: '2025-06-10', visits: 3, pageviews: 4, visitors: 3 },
      { day: '2025-11-04', visits: 7, pageviews: 7, visitors: 7 }, // the first day of "30 ngày"
      { day: '2025-11-26', visits: 1000, pageviews: 1000, visitors: 1000 }, // the day before "7 ngày" begins
      { day: '2025-11-27', visits: 5, pageviews: 6, visitors: 5 },
      { day: '2025-12-01', visits: 10, pageviews: 20, visitors: 9 },
      { day: '2025-12-03', visits: 100, pageviews: 300, visitors: 80 },
    ]);
    await handle.db.insert(articleViewsDaily).values([
      { day: '2024-12-31', articleId: a1.id, views: 9999 },
      { day: '2025-11-10', articleId: a1.id, views: 100 },
      { day: '2025-11-28', articleId: a1.id, views: 40 },
      { day: '2025-12-03', articleId: a1.id, views: 10 },
      { day: '2025-12-02', articleId: a2.id, views: 60 },
      { day: '2025-11-26', articleId: a3.id, views: 500 },
      { day: '2025-11-27', articleId: a3.id, views: 30 },
      { day: '2025-12-01', articleId: a4.id, views: 5 },
      { day: '2025-12-03', articleId: a5.id, views: 1 },
      // Views of an article deleted for good: no article row to name.
      { day: '2025-12-03', articleId: 2_000_000, views: 77 },
    ]);
  });

  afterAll(async () => {
    undo?.();
    await handle?.close();
  });

  it('totals 7 days, 30 days and 12 months of Vietnam local days', async () => {
    const week = await series(presetRange('7n', now));
    expect(week.map((b) => b.key)).toEqual(['2025-11-27', '2025-11-28', '2025-11-29', '2025-11-30', '2025-12-01', '2025-12-02', '2025-12-03']);
    expect(sumBuckets(week)).toEqual({ visits: 115, pageviews: 326, visitors: 94 });
    const month = await series(presetRange('30n', now));
    expect(month).toHaveLength(30);
    expect(sumBuckets(month)).toEqual({ visits: 1122, pageviews: 1333, visitors: 1101 });
    const year = await series(presetRange('12t', now));
    expect(sumBuckets(year).visits).toBe(2 + 50 + 3 + 7 + 1000 + 5 + 10 + 100);
  });

  it('groups 12 months by calendar month, empty months included', async () => {
    const year = await series(presetRange('12t', now));
    expect(year.map((b) => [b.key, b.visits])).toEqual([
      ['2025-01-01', 52],
      ['2025-02-01', 0],
      ['2025-03-01', 0],
      ['2025-04-01', 0],
      ['2025-05-01', 0],
      ['2025-06-01', 3],
      ['2025-07-01', 0],
      ['2025-08-01', 0],
      ['2025-09-01', 0],
      ['2025-10-01', 0],
      ['2025-11-01', 1012],
      ['2025-12-01', 110],
    ]);
    expect(year[11]).toMatchObject({ from: '2025-12-01', to: '2025-12-03', longLabel: 'Tháng 12/2025' });
  });

  it('groups a longer custom range by weeks from Monday, whatever the session time zone', async () => {
    const range = custom('01/09/2025', '03/12/2025');
    expect(range.grouping).toBe('week');
    // A zone far from Hà Nội must not move a day into another week.
    const rows = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL TIME ZONE 'Pacific/Kiritimati'`);
      return getVisitSeriesByBucket(range, range.grouping, tx);
    });
    expect(rows).toEqual([
      { bucket: '2025-11-03', visits: 7, pageviews: 7, visitors: 7 }, // Tuesday 4 November
      { bucket: '2025-11-24', visits: 1005, pageviews: 1006, visitors: 1005 }, // Wednesday 26 and Thursday 27
      { bucket: '2025-12-01', visits: 110, pageviews: 320, visitors: 89 }, // Monday 1 and Wednesday 3 December
    ]);
    expect(fillBuckets(range, rows)[0]).toMatchObject({ key: '2025-09-01', from: '2025-09-01', to: '2025-09-07', visits: 0 });
  });

  it('ranks articles by views in the range, with category, author and publication date', async () => {
    const week = await getArticleViewsRanking(presetRange('7n', now), all, handle.db);
    expect(week.total).toBe(5);
    expect(week.totalViews).toBe(146);
    expect(week.rows.map((r) => [r.rank, r.id, r.views])).toEqual([
      [1, ids.a2, 60],
      [2, ids.a1, 50],
      [3, ids.a3, 30],
      [4, ids.a4, 5],
      [5, ids.a5, 1],
    ]);
    expect(week.rows[1]).toMatchObject({ title: 'Lễ hội Đền Thượng', authorName: 'Nguyễn Văn A', authorId: people.writerA.id, inTrash: false, publishedAt: new Date('2025-11-01T17:30:00Z') });
    expect(week.rows[1]!.categoryName).toMatch(/^Chuyên mục /);
    expect(week.rows[2]).toMatchObject({ categoryName: null, publishedAt: null });
    expect(week.rows[3]).toMatchObject({ inTrash: true });

    const month = await getArticleViewsRanking(presetRange('30n', now), all, handle.db);
    expect(month.rows.map((r) => [r.id, r.views])).toEqual([
      [ids.a3, 530],
      [ids.a1, 150],
      [ids.a2, 60],
      [ids.a4, 5],
      [ids.a5, 1],
    ]);
  });

  it('pages the article ranking and filters it by author', async () => {
    const second = await getArticleViewsRanking(presetRange('7n', now), { limit: 2, offset: 2 }, handle.db);
    expect(second.rows.map((r) => [r.rank, r.id])).toEqual([
      [3, ids.a3],
      [4, ids.a4],
    ]);
    expect(second).toMatchObject({ total: 5, totalViews: 146 });
    // Past the last page: no rows, the totals still right (the pager needs them to link back).
    expect(await getArticleViewsRanking(presetRange('7n', now), { limit: 2, offset: 50 }, handle.db)).toEqual({ rows: [], total: 5, totalViews: 146 });
    expect(await getAuthorViewsRanking(presetRange('7n', now), { limit: 2, offset: 50 }, handle.db)).toEqual({ rows: [], total: 2, totalViews: 146 });
    const onlyA = await getArticleViewsRanking(presetRange('30n', now), { ...all, authorId: people.writerA.id }, handle.db);
    expect(onlyA).toMatchObject({ total: 2, totalViews: 210 });
    expect(onlyA.rows.map((r) => r.id)).toEqual([ids.a1, ids.a2]);
    const nobody = await getArticleViewsRanking(presetRange('30n', now), { ...all, authorId: people.moderator.id }, handle.db);
    expect(nobody).toEqual({ rows: [], total: 0, totalViews: 0 });
  });

  it('ranks authors by the views of their articles, counting the articles read', async () => {
    const week = await getAuthorViewsRanking(presetRange('7n', now), all, handle.db);
    expect(week.rows).toEqual([
      { rank: 1, id: people.writerA.id, name: 'Nguyễn Văn A', articles: 2, views: 110 },
      { rank: 2, id: people.writerB.id, name: 'Trần Thị B', articles: 3, views: 36 },
    ]);
    expect(week).toMatchObject({ total: 2, totalViews: 146 });
    const month = await getAuthorViewsRanking(presetRange('30n', now), all, handle.db);
    expect(month.rows.map((r) => [r.id, r.views])).toEqual([
      [people.writerB.id, 536],
      [people.writerA.id, 210],
    ]);
    expect((await getAuthorViewsRanking(custom('01/02/2025', '28/02/2025'), all, handle.db)).rows).toEqual([]);
  });

  const csvRequest = (query: string) => new Request(`http://localhost:3000/api/admin/thong-ke?${query}`, { headers: { host: 'localhost:3000' } });
  async function call(query: string, as: number | null) {
    session.userId = as;
    try {
      return await exportCsv(csvRequest(query));
    } finally {
      session.userId = null;
    }
  }

  it('exports the per-article view as CSV with a BOM, RFC 4180 quoting and formulas defused', async () => {
    const response = await call('xem=bai-viet&khoang=tuy-chon&tu=27/11/2025&den=03/12/2025', people.moderator.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="thong-ke-bai-viet-2025-11-27-2025-12-03.csv"');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFHạng,Mã bài,Tiêu đề,Chuyên mục,Tác giả,Ngày xuất bản,Trong thùng rác,Lượt xem');
    expect(lines[1]).toMatch(new RegExp(`^1,${ids.a2},Chợ phiên Bắc Hà,,Nguyễn Văn A,\\d{4}-\\d{2}-\\d{2},,60$`));
    expect(lines[2]).toMatch(new RegExp(`^2,${ids.a1},Lễ hội Đền Thượng,Chuyên mục [^,]+,Nguyễn Văn A,2025-11-02,,50$`));
    expect(lines[4]).toBe(`4,${ids.a4},Bài đã xóa,,Trần Thị B,,có,5`);
    expect(lines[5]).toBe(`5,${ids.a5},"'=HYPERLINK(""http://x"",""Bấm"")",,Trần Thị B,,,1`);
    expect(lines).toHaveLength(7); // header, five articles, the empty string after the last CRLF
  });

  it('exports the per-author and overview views, and one author’s articles', async () => {
    const authors = await (await call('xem=tac-gia&tu=27/11/2025&den=03/12/2025', people.moderator.id)).text();
    expect(authors.split('\r\n').slice(0, 3)).toEqual([
      'Hạng,Mã tác giả,Tác giả,Số bài được xem,Lượt xem',
      `1,${people.writerA.id},Nguyễn Văn A,2,110`,
      `2,${people.writerB.id},Trần Thị B,3,36`,
    ]);
    const overview = await call('xem=tong-quan&tu=26/11/2025&den=27/11/2025', people.moderator.id);
    expect(overview.headers.get('content-disposition')).toBe('attachment; filename="thong-ke-tong-quan-2025-11-26-2025-11-27.csv"');
    expect((await overview.text()).split('\r\n')).toEqual([
      'Kỳ,Từ ngày,Đến ngày,Lượt truy cập,Lượt xem trang,Khách (cộng theo ngày)',
      '26/11/2025,2025-11-26,2025-11-26,1000,1000,1000',
      '27/11/2025,2025-11-27,2025-11-27,5,6,5',
      '',
    ]);
    const onlyA = await (await call(`xem=bai-viet&tu=01/11/2025&den=03/12/2025&tac-gia=${people.writerA.id}`, people.moderator.id)).text();
    expect(onlyA.split('\r\n').slice(1, -1).map((l) => l.split(',')[1])).toEqual([String(ids.a1), String(ids.a2)]);
  });

  it('answers 401 to anonymous, 403 to a journalist and 400 with a Vietnamese message for a bad range', async () => {
    const anonymous = await call('xem=tac-gia', null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'unauthorized', message: 'Bạn cần đăng nhập để tiếp tục.' });
    const journalist = await call('xem=tac-gia', people.journalist.id);
    expect(journalist.status).toBe(403);
    expect(await journalist.json()).toMatchObject({ code: 'forbidden', message: 'Chỉ biên tập viên và quản trị viên được xem thống kê truy cập.' });
    const reversed = await call('xem=tac-gia&tu=03/12/2025&den=01/12/2025', people.moderator.id);
    expect(reversed.status).toBe(400);
    expect(await reversed.json()).toMatchObject({ code: 'bad_request', message: 'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.' });
    const nonsense = await call('xem=bieu-do', people.moderator.id);
    expect(nonsense.status).toBe(400);
  });
});
