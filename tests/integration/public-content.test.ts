import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  getArticlesPublishedSince,
  getCategoryArticles,
  getLatestArticles,
  getPublishedArticleBySlug,
  getSitemapChunk,
  getSitemapChunkCount,
  getTagArticles,
} from '@/db/queries/articles';
import { SEARCH_RECENT_DAYS, searchPublishedArticles } from '@/db/queries/search';
import { articles, articleTags, categories, tags, users, type ArticleStatus } from '@/db/schema';
import { readSeedArticle, seedDemoContent } from '@/db/seed';
import { demoUsers } from '@/db/seed-data/site';
import { foldVietnamese, normalizeSearchQuery } from '@/lib/search-query';
import { slugify } from '@/lib/slug';
import { loadCorpus } from '../support/corpus';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

describeDb(`public content on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  const now = new Date();
  const seedArticle = readSeedArticle();
  const hiddenSlugs: string[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { seeded } = await seedDemoContent(handle.db, now);
    expect(seeded).toBe(true);

    // One article in every non-public state, plus a published one scheduled for tomorrow.
    const [author] = await handle.db.select().from(users).limit(1);
    const [category] = await handle.db.select().from(categories).where(eq(categories.slug, 'kinh-te'));
    const [tag] = await handle.db.select().from(tags).where(eq(tags.slug, 'lao-cai'));
    const hidden: { status: ArticleStatus; publishedAt: Date | null }[] = [
      { status: 'draft', publishedAt: null },
      { status: 'pending', publishedAt: null },
      { status: 'rejected', publishedAt: null },
      { status: 'archived', publishedAt: new Date(now.getTime() - 3_600_000) },
      { status: 'draft', publishedAt: new Date(now.getTime() - 3_600_000) },
      { status: 'published', publishedAt: new Date(now.getTime() + 86_400_000) },
    ];
    for (const [i, h] of hidden.entries()) {
      const slug = `bai-an-lao-cai-${h.status}-${i}`;
      hiddenSlugs.push(slug);
      const [row] = await handle.db
        .insert(articles)
        .values({
          title: `Bài ẩn Lào Cai ${h.status} ${i}`,
          slug,
          sapo: 'Lào Cai',
          bodyHtml: '<p>Lào Cai</p>',
          bodyText: 'Lào Cai',
          status: h.status,
          publishedAt: h.publishedAt,
          authorId: author!.id,
          categoryId: category!.id,
        })
        .returning({ id: articles.id });
      await handle.db.insert(articleTags).values({ articleId: row!.id, tagId: tag!.id });
    }
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('applies every migration from empty and loads the search extensions', async () => {
    const extensions = await handle.db.select({ name: sql<string>`extname` }).from(sql`pg_extension`);
    expect(extensions.map((e) => e.name)).toEqual(expect.arrayContaining(['unaccent', 'pg_trgm']));
    const [row] = await handle.db.select({ v: sql<string>`vn_unaccent('Đường về Tả Phời')` }).from(sql`(select 1) as one`);
    expect(row?.v).toBe('Duong ve Ta Phoi');
  });

  it('seeds the portal article by Lâm Tú and at least 30 more', async () => {
    const article = await getPublishedArticleBySlug(slugify(seedArticle.title), now, handle.db);
    expect(article?.title).toBe(seedArticle.title);
    expect(article?.authorName).toBe('Lâm Tú');
    const [count] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(articles).where(eq(articles.status, 'published'));
    expect(Number(count?.n)).toBeGreaterThanOrEqual(31 + 1);
  });

  it('seeding twice changes nothing', async () => {
    expect((await seedDemoContent(handle.db, now)).seeded).toBe(false);
  });

  it('never returns unpublished or future articles from any public query', async () => {
    const [category] = await handle.db.select().from(categories).where(eq(categories.slug, 'kinh-te'));
    const [tag] = await handle.db.select().from(tags).where(eq(tags.slug, 'lao-cai'));
    const lists = [
      await getLatestArticles(500, now, handle.db),
      (await getCategoryArticles(category!.id, 1, now, handle.db)).items,
      (await getTagArticles(tag!.id, 1, now, handle.db)).items,
      (await searchPublishedArticles('bài ẩn lào cai', 1, now, handle.db)).items,
      await getArticlesPublishedSince(new Date(0), 1000, now, handle.db),
    ];
    const sitemap = [];
    const chunks = await getSitemapChunkCount(handle.db);
    for (let chunk = 1; chunk <= chunks; chunk++) sitemap.push(...(await getSitemapChunk(chunk, now, handle.db)));
    expect(sitemap.length).toBeGreaterThanOrEqual(32);
    for (const slug of hiddenSlugs) {
      for (const list of lists) expect(list.map((a) => a.slug)).not.toContain(slug);
      expect(sitemap.map((a) => a.slug)).not.toContain(slug);
      expect(await getPublishedArticleBySlug(slug, now, handle.db)).toBeNull();
    }
  });

  it('shows a scheduled article once its time has come', async () => {
    const scheduled = hiddenSlugs[hiddenSlugs.length - 1]!;
    const tomorrow = new Date(now.getTime() + 2 * 86_400_000);
    expect(await getPublishedArticleBySlug(scheduled, tomorrow, handle.db)).not.toBeNull();
  });

  it.each(['lao cai', 'Lao Cai', 'Lào Cai', 'LÀO CAI', 'chi thi 05 lao cai'])('search "%s" finds the seed article first among matches', async (query) => {
    const result = await searchPublishedArticles(normalizeSearchQuery(query), 1, now, handle.db);
    expect(result.total).toBeGreaterThan(0);
    const slugs = (await searchPublishedArticles(normalizeSearchQuery(query), 1, now, handle.db)).items.map((a) => a.slug);
    const all = [...slugs];
    for (let page = 2; page <= result.pageCount && !all.includes(slugify(seedArticle.title)); page++) {
      all.push(...(await searchPublishedArticles(normalizeSearchQuery(query), page, now, handle.db)).items.map((a) => a.slug));
    }
    expect(all).toContain(slugify(seedArticle.title));
  });

  it('ranks a title match above body-only matches', async () => {
    const result = await searchPublishedArticles('chi thi 05', 1, now, handle.db);
    expect(result.items[0]?.slug).toBe(slugify(seedArticle.title));
  });

  it('finds an article older than the fresh window when few recent ones match', async () => {
    const [old] = await handle.db
      .select({ slug: articles.slug, title: articles.title })
      .from(articles)
      .where(sql`${articles.status} = 'published' AND ${articles.publishedAt} < ${new Date(now.getTime() - (SEARCH_RECENT_DAYS + 5) * 86_400_000).toISOString()}::timestamptz`)
      .limit(1);
    expect(old).toBeDefined();
    const result = await searchPublishedArticles(normalizeSearchQuery(foldVietnamese(old!.title)), 1, now, handle.db);
    expect(result.items.map((a) => a.slug)).toContain(old!.slug);
  });

  it('answers every bad-input corpus string with a normal result', async () => {
    for (const line of loadCorpus('sqli-and-bad-input.txt')) {
      const result = await searchPublishedArticles(normalizeSearchQuery(line), 1, now, handle.db);
      expect(result.page).toBe(1);
      expect(Array.isArray(result.items)).toBe(true);
    }
    // The tables are still there and intact after the SQL-injection strings.
    const [count] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(Number(count?.n)).toBe(demoUsers.length);
  });
});
