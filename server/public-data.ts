import 'server-only';
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db';
import * as articleQueries from '@/db/queries/articles';
import type { ArticleListItem, Page } from '@/db/queries/articles';
import { getCoverMediaByUrl, getMediaFilesByUrls } from '@/db/queries/media';
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

/**
 * An article page's data. An uploaded cover brings its library row's credit
 * ("Ảnh: …" under the cover) and focal point (the crops its metadata links);
 * editing the image refreshes this entry (server/media/update-media.ts).
 */
export const cachedArticle = (slug: string) =>
  unstable_cache(
    async () => {
      const found = await articleQueries.getPublishedArticleBySlug(slug);
      if (!found) return null;
      const [related, cover] = await Promise.all([
        articleQueries.getRelatedArticles(found),
        found.coverImage ? getCoverMediaByUrl(found.coverImage) : Promise.resolve(null),
      ]);
      const article = { ...found, coverCredit: cover?.credit ?? '', coverFocal: cover?.focal ?? null };
      return { article, related };
    },
    ['article', slug],
    { tags: [cacheTags.article(slug), cacheTags.articles], revalidate },
  )();

/**
 * A listing page (category, tag, author) by slug and page number: the entity
 * under its own key (`category`, `tag`, `author`) and one page of its
 * articles, or null when the slug names nothing.
 */
function cachedListing<K extends 'category' | 'tag' | 'author', E extends { id: number }>(
  kind: K,
  find: (slug: string) => Promise<E | null>,
  list: (id: number, page: number) => Promise<Page<ArticleListItem>>,
  tagsOf: (slug: string) => string[],
) {
  return (slug: string, page: number) =>
    unstable_cache(
      async () => {
        const entity = await find(slug);
        if (!entity) return null;
        return { [kind]: entity, list: await list(entity.id, page) } as { [key in K]: E } & { list: Page<ArticleListItem> };
      },
      [kind, slug, String(page)],
      { tags: tagsOf(slug), revalidate },
    )();
}

export const cachedCategoryPage = cachedListing(
  'category',
  (slug) => taxonomy.getCategoryBySlug(slug),
  (id, page) => articleQueries.getCategoryArticles(id, page),
  (slug) => [cacheTags.category(slug), cacheTags.articles, cacheTags.taxonomy],
);

export const cachedTagPage = cachedListing(
  'tag',
  (slug) => taxonomy.getTagBySlug(slug),
  (id, page) => articleQueries.getTagArticles(id, page),
  (slug) => [cacheTags.tag(slug), cacheTags.articles],
);

export const cachedAuthorPage = cachedListing(
  'author',
  (slug) => taxonomy.getAuthorBySlug(slug),
  (id, page) => articleQueries.getAuthorArticles(id, page),
  (slug) => [cacheTags.author(slug), cacheTags.articles],
);

/** Items in a feed: readers poll it, and 50 covers a busy day. */
const FEED_SIZE = 50;

/** A feed's items and the stored files of their uploaded covers (for `<enclosure>`), read together so the two always match. */
async function feedOf(items: ArticleListItem[]) {
  const covers = items.map((a) => a.coverImage).filter((url): url is string => url !== null);
  return { items, coverFiles: await getMediaFilesByUrls(covers) };
}

/** The site feed: the newest articles. One cache entry, not one per set of covers. */
export const cachedSiteFeed = unstable_cache(async () => feedOf(await articleQueries.getLatestArticles(FEED_SIZE)), ['site-feed'], {
  tags: [cacheTags.articles],
  revalidate,
});

/** A category's feed: its first listing page, or null when the slug names no category. */
export const cachedCategoryFeed = (slug: string) =>
  unstable_cache(
    async () => {
      const category = await taxonomy.getCategoryBySlug(slug);
      if (!category) return null;
      return { category, ...(await feedOf((await articleQueries.getCategoryArticles(category.id, 1)).items)) };
    },
    ['category-feed', slug],
    { tags: [cacheTags.category(slug), cacheTags.articles, cacheTags.taxonomy], revalidate },
  )();

/**
 * The footer widget's figures: one snapshot row, re-read at most every few
 * seconds (the rollup rewrites it every ~20 s), for /api/visits/summary, which
 * the client polls after a cached page loads.
 */
export const cachedVisitSnapshot = unstable_cache(
  async () => getVisitSnapshot(await getDb()),
  ['visit-snapshot'],
  { tags: [cacheTags.stats], revalidate: 5 },
);

/**
 * The same figures as the initial value embedded in public pages. A page's
 * route cache lives as long as the shortest cache read while rendering it, so
 * this one keeps the pages' own revalidate: read through the 5-second cache
 * above, every page would be re-rendered every 5 s under load. The client
 * replaces them with fresh ones as soon as the page has loaded.
 */
export const cachedVisitSnapshotForPages = unstable_cache(
  async () => getVisitSnapshot(await getDb()),
  ['visit-snapshot-page'],
  { tags: [cacheTags.stats], revalidate },
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
