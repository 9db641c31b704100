import 'server-only';
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db';
import * as articleQueries from '@/db/queries/articles';
import { getMostReadArticles } from '@/db/queries/stats';
import { getVisitSnapshot } from '@/db/queries/visits';
import { getSiteSettings } from '@/db/queries/settings';
import * as taxonomy from '@/db/queries/taxonomy';
import { cacheTags, PUBLIC_REVALIDATE_SECONDS } from '@/lib/cache-tags';

// Cached reads for public pages. Each is tagged so publishing can refresh it,
// and expires within a minute so scheduled articles go live without anyone.
const revalidate = PUBLIC_REVALIDATE_SECONDS;

export const cachedCategories = unstable_cache(() => taxonomy.getCategories(), ['categories'], {
  tags: [cacheTags.taxonomy],
  revalidate,
});

export const cachedSiteSettings = unstable_cache(() => getSiteSettings(), ['site-settings'], {
  tags: [cacheTags.settings],
  revalidate,
});

export const cachedHome = unstable_cache(
  async () => {
    const [lead, latest, categories] = await Promise.all([
      articleQueries.getLeadArticle(),
      articleQueries.getLatestArticles(13),
      taxonomy.getCategories(),
    ]);
    const blocks = await Promise.all(
      categories
        .filter((c) => c.parentId === null)
        .map(async (category) => ({ category, items: await articleQueries.getCategoryLatest(category.id, 5) })),
    );
    return { lead, latest: latest.filter((a) => a.id !== lead?.id).slice(0, 12), blocks };
  },
  ['home'],
  { tags: [cacheTags.articles, cacheTags.taxonomy], revalidate },
);

export const cachedArticle = (slug: string) =>
  unstable_cache(
    async () => {
      const article = await articleQueries.getPublishedArticleBySlug(slug);
      if (!article) return null;
      const related = await articleQueries.getRelatedArticles(article);
      return { article, related };
    },
    ['article', slug],
    { tags: [cacheTags.article(slug), cacheTags.articles], revalidate },
  )();

export const cachedCategoryPage = (slug: string, page: number) =>
  unstable_cache(
    async () => {
      const category = await taxonomy.getCategoryBySlug(slug);
      if (!category) return null;
      return { category, list: await articleQueries.getCategoryArticles(category.id, page) };
    },
    ['category', slug, String(page)],
    { tags: [cacheTags.category(slug), cacheTags.articles, cacheTags.taxonomy], revalidate },
  )();

export const cachedTagPage = (slug: string, page: number) =>
  unstable_cache(
    async () => {
      const tag = await taxonomy.getTagBySlug(slug);
      if (!tag) return null;
      return { tag, list: await articleQueries.getTagArticles(tag.id, page) };
    },
    ['tag', slug, String(page)],
    { tags: [cacheTags.tag(slug), cacheTags.articles], revalidate },
  )();

export const cachedAuthorPage = (slug: string, page: number) =>
  unstable_cache(
    async () => {
      const author = await taxonomy.getAuthorBySlug(slug);
      if (!author) return null;
      return { author, list: await articleQueries.getAuthorArticles(author.id, page) };
    },
    ['author', slug, String(page)],
    { tags: [cacheTags.author(slug), cacheTags.articles], revalidate },
  )();

export const cachedLatest = (limit: number) =>
  unstable_cache(() => articleQueries.getLatestArticles(limit), ['latest', String(limit)], {
    tags: [cacheTags.articles],
    revalidate,
  })();

/**
 * The footer widget's figures: one snapshot row, re-read at most every few
 * seconds (the rollup rewrites it every ~20 s). Public pages embed it as the
 * initial value; the client refreshes it from /api/visits/summary.
 */
export const cachedVisitSnapshot = unstable_cache(
  async () => getVisitSnapshot(await getDb()),
  ['visit-snapshot'],
  { tags: [cacheTags.stats], revalidate: 5 },
);

/** "Đọc nhiều": most viewed over the last 7 days, from the daily aggregates. */
export const cachedMostRead = unstable_cache(() => getMostReadArticles(5, 7), ['most-read'], {
  tags: [cacheTags.stats, cacheTags.articles],
  revalidate,
});

export const cachedSitemapChunkCount = unstable_cache(() => articleQueries.getSitemapChunkCount(), ['sitemap-chunks'], {
  tags: [cacheTags.articles],
  revalidate,
});
