// Every path of the public site that the code links to, built in one place so
// a link, a canonical URL, a feed and a sitemap cannot disagree. Paths only:
// wrap one in siteUrl() for an absolute URL. Slugs are not encoded: the slug
// pattern (lib/slug-pattern.mjs) allows only URL-safe characters.

/** Articles live under this prefix; lib/visits/beacon-body.ts parses article paths back with it. */
export const ARTICLE_PATH_PREFIX = '/bai-viet';

export function homePath(): string {
  return '/';
}

export function aboutPath(): string {
  return '/gioi-thieu';
}

export function articlePath(slug: string): string {
  return `${ARTICLE_PATH_PREFIX}/${slug}`;
}

/** Listings carry the page number in the path (`…/trang/2`) so every page stays cacheable; page 1 is the bare listing. */
function listingPath(basePath: string, page: number): string {
  return page > 1 ? `${basePath}/trang/${page}` : basePath;
}

export function categoryPath(slug: string, page = 1): string {
  return listingPath(`/chuyen-muc/${slug}`, page);
}

export function tagPath(slug: string, page = 1): string {
  return listingPath(`/the/${slug}`, page);
}

export function authorPath(slug: string, page = 1): string {
  return listingPath(`/tac-gia/${slug}`, page);
}

/** The search page; with a query, one page of its results (both parameters always present). */
export function searchPath(query?: { q: string; page: number }): string {
  if (!query) return '/tim-kiem';
  return `/tim-kiem?${new URLSearchParams({ q: query.q, page: String(query.page) })}`;
}

export function siteRssPath(): string {
  return '/rss.xml';
}

export function categoryRssPath(slug: string): string {
  return `${categoryPath(slug)}/rss.xml`;
}

export function sitemapIndexPath(): string {
  return '/sitemap.xml';
}

export function newsSitemapPath(): string {
  return '/sitemap-news.xml';
}

/** The home, about and category pages; lib/feeds/sitemap.ts parseSitemapFile reads the file name back. */
export function sitemapPagesPath(): string {
  return '/sitemaps/pages.xml';
}

/** One file of at most 5,000 articles, numbered from 1. */
export function sitemapArticlesPath(chunk: number): string {
  return `/sitemaps/articles-${chunk}.xml`;
}
