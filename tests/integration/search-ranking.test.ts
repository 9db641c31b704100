import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { SEARCH_RANK, SEARCH_RESULT_LIMIT, searchPublishedArticles } from '@/db/queries/search';
import { PAGE_SIZE } from '@/db/queries/articles';
import { articles, type ArticleStatus } from '@/db/schema';
import { normalizeSearchQuery } from '@/lib/search-query';
import { makeCategory, makeUser, unique } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

const DAY = 86_400_000;

describeDb(`search ranking on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  const now = new Date();
  let authorId: number;
  let categoryId: number;
  const slugs: Record<string, string> = {};

  /** An article `daysAgo` old; its slug is kept under `name`. */
  const article = (name: string, title: string, bodyText: string, daysAgo: number, status: ArticleStatus = 'published') => {
    const slug = unique(name);
    slugs[name] = slug;
    return {
      title,
      slug,
      sapo: '',
      bodyHtml: `<p>${bodyText}</p>`,
      bodyText,
      status,
      publishedAt: status === 'draft' || status === 'pending' ? null : new Date(now.getTime() - daysAgo * DAY),
      authorId,
      categoryId,
    };
  };
  const search = (query: string, page = 1) => searchPublishedArticles(normalizeSearchQuery(query), page, now, handle.db);
  const slugsOf = (result: Awaited<ReturnType<typeof search>>) => result.items.map((a) => a.slug);

  beforeAll(async () => {
    handle = await createTestDatabase();
    authorId = (await makeUser(handle.db, 'journalist')).id;
    categoryId = (await makeCategory(handle.db)).id;
    await handle.db.insert(articles).values([
      // The event, three years ago, and 130 newer articles (the last weeks) that merely mention the place.
      article('event', 'Lũ quét ở Bát Xát', 'Trận lũ đêm qua cuốn trôi cây cầu treo của bản.', 1_000),
      ...Array.from({ length: 130 }, (_, i) =>
        article(`mention-${i}`, `Tin nông nghiệp số ${i}`, 'Người dân huyện Bát Xát thu hoạch lúa và chăm sóc rừng quế.', (i % 26) + 0.5),
      ),
      // Hidden, each with the place in its headline.
      article('draft', 'Bát Xát: bản nháp', 'Bát Xát', 0, 'draft'),
      article('pending', 'Bát Xát: chờ duyệt', 'Bát Xát', 0, 'pending'),
      article('archived', 'Bát Xát: đã gỡ', 'Bát Xát', 2, 'archived'),
      article('scheduled', 'Bát Xát: hẹn giờ', 'Bát Xát', -1, 'published'),
      // An exact phrase in the text (older) against its words apart (newer, one of them in the headline).
      article('phrase', 'Thành phố thêm trạm sạc', 'Thành phố lắp trạm sạc cho xe buýt điện ở bến Cốc Lếu.', 20),
      article('apart-headline', 'Xe điện thay xe buýt chạy dầu', 'Lộ trình mới từ tháng sau.', 2),
      article('apart-text', 'Giao thông cuối tuần', 'Xe khách, buýt và tàu điện đều đông.', 1),
      // Headline with the words in order, headline with them apart, text only (newest).
      article('headline-phrase', 'Tả Phời mùa lúa chín', 'Ruộng bậc thang vàng óng.', 400),
      article('headline-apart', 'Mùa này Tả Phời có lúa chín sớm', 'Nông dân phấn khởi.', 30),
      ...Array.from({ length: 5 }, (_, i) => article(`text-${i}`, `Du lịch vùng cao ${i}`, 'Du khách đến Tả Phời ngắm mùa lúa chín.', i + 1)),
    ]);
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('finds the oldest article first when its headline names the place and 130 newer articles only mention it', async () => {
    for (const query of ['bat xat', 'Bát Xát', 'BÁT XÁT']) {
      const result = await search(query);
      expect(result.items[0]?.slug, query).toBe(slugs.event);
      expect(result.items[0]?.rank).toBe(SEARCH_RANK.headlinePhrase);
      expect(result.items.slice(1).every((a) => a.rank === SEARCH_RANK.text)).toBe(true);
      expect(result.capped).toBe(true);
    }
  });

  it('puts an exact "quoted phrase" first and still lists the articles that only have its words apart', async () => {
    const quoted = await search('"xe buýt điện"');
    expect(slugsOf(quoted)[0]).toBe(slugs.phrase);
    expect(quoted.items[0]?.rank).toBe(SEARCH_RANK.textPhrase);
    expect(slugsOf(quoted)).toEqual(expect.arrayContaining([slugs['apart-headline'], slugs['apart-text']]));
    expect(quoted.total).toBe(3);
    // Without quotes the word order does not matter: the headline match comes first.
    expect(slugsOf(await search('xe buyt dien'))[0]).toBe(slugs['apart-headline']);
  });

  it('ranks the headline with the words in order, then the headline with them apart, then newer text-only matches', async () => {
    const result = await search('ta phoi mua lua chin');
    expect(slugsOf(result)).toEqual([slugs['headline-phrase'], slugs['headline-apart'], ...[0, 1, 2, 3, 4].map((i) => slugs[`text-${i}`])]);
    expect(result.items.map((a) => a.rank)).toEqual([SEARCH_RANK.headlinePhrase, SEARCH_RANK.headline, ...Array(5).fill(SEARCH_RANK.text)]);
  });

  it('leaves out an article whose headline matches but whose text has an excluded word', async () => {
    const result = await search('bat xat -treo');
    expect(slugsOf(result)).not.toContain(slugs.event);
    expect(result.items).toHaveLength(PAGE_SIZE);
  });

  it('pages through one ranked list: no article twice, a bounded number of pages, and never a hidden article', async () => {
    const seen: string[] = [];
    const first = await search('bat xat');
    expect(first).toMatchObject({ total: SEARCH_RESULT_LIMIT, capped: true, pageCount: SEARCH_RESULT_LIMIT / PAGE_SIZE });
    for (let page = 1; page <= first.pageCount; page++) seen.push(...slugsOf(await search('bat xat', page)));
    expect(seen).toHaveLength(SEARCH_RESULT_LIMIT);
    expect(new Set(seen).size).toBe(SEARCH_RESULT_LIMIT);
    const beyond = await search('bat xat', first.pageCount + 1);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(SEARCH_RESULT_LIMIT);
    for (const hidden of ['draft', 'pending', 'archived', 'scheduled']) expect(seen).not.toContain(slugs[hidden]);
  });

  it('keeps the search indexes without a pending list, which every search would scan and the planner would avoid', async () => {
    const rows = await handle.db.execute<{ name: string; options: string[] | null }>(
      sql`SELECT relname AS name, reloptions AS options FROM pg_class WHERE relname IN ('articles_search_idx', 'articles_title_search_idx') ORDER BY relname`,
    );
    const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { name: string; options: string[] | null }[] }).rows).map((r) => [r.name, r.options]);
    expect(list).toEqual([
      ['articles_search_idx', ['fastupdate=false']],
      ['articles_title_search_idx', ['fastupdate=false']],
    ]);
  });

  it('shows the scheduled article once its time has come', async () => {
    const tomorrow = await searchPublishedArticles('bat xat', 1, new Date(now.getTime() + 2 * DAY), handle.db);
    expect(tomorrow.items.map((a) => a.slug)).toContain(slugs.scheduled);
  });
});
