import type { Metadata } from 'next';
import type { PublicArticle } from '@/db/queries/articles';
import { cropPaths, type FocalPoint } from '../media/crops';
import { articlePath, authorPath, homePath, siteRssPath } from '../public-paths';
import { siteUrl } from '../site-url';
import { toLocalIso } from '../time';
import { defaultSiteSettings, type SiteSettings } from '../validation/settings';
import { dublinCoreMeta } from './dublin-core';
import { defaultShareImage, socialMetadata } from './open-graph';
import { META_DESCRIPTION_MAX, truncateAtWord } from './truncate';

// The <head> of each public page: canonical, description, Open Graph,
// Twitter card (and Dublin Core on articles). Next replaces a layout's
// `alternates` with the page's, so pages that set a canonical repeat the
// site feed link the root layout declares.

const siteFeed = { 'application/rss+xml': siteRssPath() };

const description = (text: string) => truncateAtWord(text, META_DESCRIPTION_MAX);

export function homeMetadata(settings: SiteSettings): Metadata {
  const siteName = settings.portalName;
  const text = description(settings.tagline ? `${siteName} – ${settings.tagline}` : siteName);
  return {
    // The portal's own name, without the "| Thành phố Lào Cai" every other page gets.
    title: { absolute: siteName },
    description: text,
    alternates: { canonical: homePath(), types: siteFeed },
    ...socialMetadata({ siteName, title: siteName, description: text, path: homePath(), image: defaultShareImage(siteName) }),
  };
}

export type ListingKind = 'category' | 'tag' | 'author';

const listingFallback: Record<ListingKind, (name: string, siteName: string) => string> = {
  category: (name, siteName) => `Tin tức, bài viết chuyên mục ${name} trên ${siteName}.`,
  tag: (name, siteName) => `Tin tức, bài viết về chủ đề ${name} trên ${siteName}.`,
  author: (name, siteName) => `Các bài viết của tác giả ${name} trên ${siteName}.`,
};

export type ListingInput = {
  kind: ListingKind;
  /** The category, tag or author name. */
  name: string;
  /** The page heading ("Chủ đề: …"). */
  title: string;
  /** The category's description or author's bio; tags have none. */
  ownDescription: string | null;
  page: number;
  path: string;
  /** The listing's own feed, when it has one (categories). */
  feedPath?: string;
};

export function listingMetadata(input: ListingInput, settings: SiteSettings): Metadata {
  const siteName = settings.portalName;
  const title = input.page > 1 ? `${input.title} – Trang ${input.page}` : input.title;
  const text = description(input.ownDescription?.trim() || listingFallback[input.kind](input.name, siteName));
  return {
    title,
    description: text,
    alternates: { canonical: input.path, types: input.feedPath ? { 'application/rss+xml': input.feedPath } : siteFeed },
    ...socialMetadata({ siteName, title, description: text, path: input.path, image: defaultShareImage(siteName) }),
  };
}

export type ArticleForMetadata = Pick<
  PublicArticle,
  | 'title'
  | 'slug'
  | 'sapo'
  | 'seoTitle'
  | 'seoDescription'
  | 'coverImage'
  | 'coverCaption'
  | 'publishedAt'
  | 'updatedAt'
  | 'categoryName'
  | 'authorName'
  | 'authorSlug'
  | 'tags'
> & {
  /** The uploaded cover's focal point (server/public-data.ts): its crops are named after it. */
  coverFocal?: FocalPoint | null;
};

export function articleMetadata(article: ArticleForMetadata, settings: SiteSettings): Metadata {
  const siteName = settings.portalName;
  const title = article.seoTitle || article.title;
  const text = description(article.seoDescription || article.sapo);
  const path = articlePath(article.slug);
  // The 16:9 crop: link previews get the same shape whatever the upload's.
  const image = article.coverImage ? { url: cropPaths(article.coverImage, article.coverFocal)[0]!, alt: article.coverCaption || article.title } : defaultShareImage(siteName);
  return {
    title,
    description: text || undefined,
    alternates: { canonical: path, types: siteFeed },
    authors: [{ name: article.authorName, url: authorPath(article.authorSlug) }],
    ...socialMetadata({
      siteName,
      title,
      description: text,
      path,
      image,
      article: {
        publishedTime: article.publishedAt ? toLocalIso(article.publishedAt) : undefined,
        modifiedTime: toLocalIso(article.updatedAt),
        section: article.categoryName ?? undefined,
        tags: article.tags.map((t) => t.name),
      },
    }),
    other: dublinCoreMeta({
      title,
      creator: article.authorName,
      date: article.publishedAt,
      description: text,
      publisher: siteName,
      identifier: siteUrl(path),
    }),
  };
}

/**
 * A page prerendered by `next build` (the about page): it cannot read the
 * stored settings, so it names the portal as the defaults do.
 */
export function staticPageMetadata(input: { title: string; description: string; path: string }): Metadata {
  const siteName = defaultSiteSettings.portalName;
  const text = description(input.description);
  return {
    title: input.title,
    description: text,
    alternates: { canonical: input.path, types: siteFeed },
    ...socialMetadata({ siteName, title: input.title, description: text, path: input.path, image: defaultShareImage(siteName) }),
  };
}
