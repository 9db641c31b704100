import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import type { ReactElement } from 'react';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getPublishedArticleBySlug } from '@/db/queries/articles';
import { writeSiteSettings } from '@/db/queries/settings';
import { articles, articleTags, tags } from '@/db/schema';
import { siteUrl } from '@/lib/site-url';
import { defaultSiteSettings, type SiteSettings } from '@/lib/validation/settings';
import { makeArticle, makeCategory, makeUser, unique, useAsAppDatabase } from '../support/app-database';
import { createTestDatabase, describeDb, testDriver } from '../support/database';

// The pages read through the data cache, which only exists inside Next.
vi.mock('next/cache', () => ({ unstable_cache: <T,>(fn: T) => fn, revalidateTag: () => {}, revalidatePath: () => {} }));

type Og = { siteName?: string; url?: string; type?: string; images?: { url: string }[] };
type JsonLdOut = Record<string, unknown> & { '@type': string };

/** The structured data a JSON-LD component renders: the `data` of each <JsonLd> it returns. */
function jsonLdOf(element: ReactElement): JsonLdOut[] {
  const children = (element.props as { children: unknown }).children;
  return [children]
    .flat()
    .filter((c): c is ReactElement<{ data: JsonLdOut }> => !!c && typeof c === 'object')
    .map((c) => c.props.data);
}

// Settings an admin saved: every value on the pages must come from here, not from the defaults.
const settings: SiteSettings = {
  ...defaultSiteSettings,
  portalName: 'Cổng thông tin thử nghiệm Lào Cai',
  contact: { ...defaultSiteSettings.contact, email: 'Thư điện tử: toasoan@thu.laocai.vn', phone: 'ĐT: 0214 3 999 999' },
};

describeDb(`page metadata on ${testDriver}`, () => {
  let handle: DatabaseHandle;
  let undo: () => void;
  let slug: string;
  let tagSlug: string;
  let categoryName: string;
  const sapo =
    'Sáng 30/11, Ủy ban nhân dân thành phố Lào Cai tổ chức hội nghị tổng kết công tác chuyển đổi số năm 2026, đánh giá kết quả triển khai các nền tảng số dùng chung và đề ra nhiệm vụ trọng tâm cho năm tới.';

  beforeAll(async () => {
    handle = await createTestDatabase();
    undo = useAsAppDatabase(handle);
    await writeSiteSettings(settings, handle.db);
    const author = await makeUser(handle.db, 'journalist', { name: 'Lâm Tú' });
    const category = await makeCategory(handle.db);
    categoryName = category.name;
    const row = await makeArticle(handle.db, { authorId: author.id, status: 'published', categoryId: category.id });
    slug = row.slug;
    await handle.db.update(articles).set({ sapo, coverImage: '/images/demo/cover-4.jpg' }).where(eq(articles.id, row.id));
    tagSlug = unique('the');
    const [tag] = await handle.db.insert(tags).values({ name: 'Chuyển đổi số', slug: tagSlug }).returning();
    await handle.db.insert(articleTags).values({ articleId: row.id, tagId: tag!.id });
  });
  afterAll(async () => {
    undo?.();
    await handle?.close();
  });

  it('gives the home page its canonical, Open Graph from the settings, and WebSite + Organization data', async () => {
    const page = await import('@/app/(site)/trang-chu/[key]/page');
    const meta: Metadata = await page.generateMetadata({ params: Promise.resolve({ key: 'index' }) });
    expect(meta.alternates?.canonical).toBe('/');
    expect(meta.openGraph as Og).toMatchObject({ siteName: settings.portalName, url: '/', type: 'website' });
    const { HomeJsonLd } = await import('@/components/site/HomeJsonLd');
    const data = jsonLdOf(await HomeJsonLd());
    expect(data.map((d) => d['@type'])).toEqual(['WebSite', 'Organization']);
    expect(data[1]).toMatchObject({ name: settings.portalName, email: 'toasoan@thu.laocai.vn', telephone: '+84 214 3 999 999' });
  });

  it('gives an article a cut description, Open Graph and Dublin Core from the stored settings', async () => {
    const page = await import('@/app/(site)/bai-viet/[slug]/page');
    const meta: Metadata = await page.generateMetadata({ params: Promise.resolve({ slug }) });
    expect(meta.alternates?.canonical).toBe(`/bai-viet/${slug}`);
    expect(Array.from(meta.description!).length).toBeLessThanOrEqual(160);
    expect(sapo.startsWith(meta.description!.slice(0, -1))).toBe(true);
    expect(meta.openGraph as Og).toMatchObject({ siteName: settings.portalName, type: 'article', images: [{ url: '/images/demo/cover-4-c16x9.jpg' }] });
    expect(meta.other).toMatchObject({ 'DC.creator': 'Lâm Tú', 'DC.publisher': settings.portalName, 'DC.identifier': siteUrl(`/bai-viet/${slug}`), 'DC.language': 'vi' });
    expect(await page.generateMetadata({ params: Promise.resolve({ slug: 'khong-co-bai-nay' }) })).toEqual({ title: 'Không tìm thấy bài viết' });
  });

  it('renders NewsArticle with the publisher of the settings and the breadcrumb of the category', async () => {
    const article = (await getPublishedArticleBySlug(slug, new Date(), handle.db))!;
    const { ArticleJsonLd } = await import('@/components/site/ArticleJsonLd');
    const [news, breadcrumb] = jsonLdOf(await ArticleJsonLd({ article }));
    expect(news).toMatchObject({ '@type': 'NewsArticle', publisher: { name: settings.portalName, logo: { url: siteUrl('/icons/icon-512.png') } } });
    expect(news!.image).toHaveLength(3);
    expect(breadcrumb).toMatchObject({ '@type': 'BreadcrumbList' });
    expect((breadcrumb!.itemListElement as { name: string }[]).map((i) => i.name)).toEqual(['Trang chủ', categoryName]);
  });

  it('gives a tag page a description and Open Graph', async () => {
    const page = await import('@/app/(site)/the/[slug]/page');
    const meta: Metadata = await page.generateMetadata({ params: Promise.resolve({ slug: tagSlug }) });
    expect(meta.description).toBe(`Tin tức, bài viết về chủ đề Chuyển đổi số trên ${settings.portalName}.`);
    expect(meta.openGraph as Og).toMatchObject({ siteName: settings.portalName, url: `/the/${tagSlug}` });
    expect((meta.twitter as { card?: string }).card).toBe('summary_large_image');
  });
});
