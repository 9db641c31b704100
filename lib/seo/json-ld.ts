import type { PublicArticle } from '@/db/queries/articles';
import { cropPaths, type FocalPoint } from '../media/crops';
import { articlePath, authorPath, categoryPath, homePath, searchPath } from '../public-paths';
import { siteUrl } from '../site-url';
import { toLocalIso } from '../time';
import type { SiteSettings } from '../validation/settings';
import { contactDetails } from './contact';
import { PORTAL_LOGO } from './icons';
import { DEFAULT_SHARE_IMAGE } from './open-graph';
import { HEADLINE_MAX, truncateAtWord } from './truncate';

// schema.org structured data for the public pages, as plain objects; the
// components in components/site put them in <script type="application/ld+json">.

export type JsonLd = { '@context'?: string; '@type': string } & Record<string, unknown>;

const CONTEXT = 'https://schema.org';

/**
 * JSON for a script element. Text from articles and settings cannot close
 * the element or start a comment: `<`, `>` and `&` are written as JSON
 * escapes (the same string to a JSON parser), as are U+2028 and U+2029.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const organizationId = () => `${siteUrl(homePath())}#organization`;

function logo() {
  return { '@type': 'ImageObject', url: siteUrl(PORTAL_LOGO.path), width: PORTAL_LOGO.width, height: PORTAL_LOGO.height };
}

/** The site and its search box: `{search_term_string}` is the placeholder search engines fill in. */
export function websiteJsonLd(settings: SiteSettings): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${siteUrl(homePath())}#website`,
    name: settings.portalName,
    description: settings.tagline || undefined,
    url: siteUrl(homePath()),
    inLanguage: 'vi-VN',
    publisher: { '@id': organizationId() },
    potentialAction: {
      '@type': 'SearchAction',
      // Not searchPath({ q }): URLSearchParams would percent-encode the braces.
      target: { '@type': 'EntryPoint', urlTemplate: `${siteUrl(searchPath())}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** The portal as an organisation, with the contact lines of the settings it can read a value from. */
export function organizationJsonLd(settings: SiteSettings): JsonLd {
  const { email, telephone, address, agency } = contactDetails(settings.contact);
  return {
    '@context': CONTEXT,
    '@type': 'Organization',
    '@id': organizationId(),
    name: settings.portalName,
    url: siteUrl(homePath()),
    logo: logo(),
    email,
    telephone,
    address: address ? { '@type': 'PostalAddress', streetAddress: address, addressCountry: 'VN' } : undefined,
    contactPoint:
      email || telephone ? [{ '@type': 'ContactPoint', contactType: 'Ban biên tập', email, telephone, areaServed: 'VN', availableLanguage: ['vi'] }] : undefined,
    parentOrganization: agency ? { '@type': 'GovernmentOrganization', name: agency } : undefined,
  };
}

export type Crumb = { name: string; path: string };

/** The trail the article page shows above its headline: home, then the article's category when it has one. */
export function articleBreadcrumb(article: Pick<PublicArticle, 'categoryName' | 'categorySlug'>): Crumb[] {
  const crumbs: Crumb[] = [{ name: 'Trang chủ', path: homePath() }];
  if (article.categorySlug && article.categoryName) crumbs.push({ name: article.categoryName, path: categoryPath(article.categorySlug) });
  return crumbs;
}

/** A BreadcrumbList of the trail; none for a trail of one (search engines want two or more). */
export function breadcrumbJsonLd(crumbs: Crumb[]): JsonLd | null {
  if (crumbs.length < 2) return null;
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: siteUrl(c.path) })),
  };
}

export type ArticleForJsonLd = Pick<
  PublicArticle,
  'title' | 'slug' | 'sapo' | 'coverImage' | 'publishedAt' | 'updatedAt' | 'categoryName' | 'authorName' | 'authorSlug' | 'tags'
> & {
  /** The uploaded cover's focal point (server/public-data.ts): its crops are named after it. */
  coverFocal?: FocalPoint | null;
};

/** NewsArticle: a headline cut at a word, the cover's three crops (16:9, 4:3, 1:1), the portal as publisher with its logo. */
export function newsArticleJsonLd(article: ArticleForJsonLd, settings: SiteSettings): JsonLd {
  const url = siteUrl(articlePath(article.slug));
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: truncateAtWord(article.title, HEADLINE_MAX),
    description: article.sapo || undefined,
    image: cropPaths(article.coverImage ?? DEFAULT_SHARE_IMAGE.url, article.coverFocal).map((path) => siteUrl(path)),
    datePublished: article.publishedAt ? toLocalIso(article.publishedAt) : undefined,
    dateModified: toLocalIso(article.updatedAt),
    inLanguage: 'vi-VN',
    articleSection: article.categoryName ?? undefined,
    keywords: article.tags.map((t) => t.name).join(', ') || undefined,
    author: [{ '@type': 'Person', name: article.authorName, url: siteUrl(authorPath(article.authorSlug)) }],
    publisher: { '@type': 'Organization', '@id': organizationId(), name: settings.portalName, url: siteUrl(homePath()), logo: logo() },
  };
}
