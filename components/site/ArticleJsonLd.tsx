import type { PublicArticle } from '@/db/queries/articles';
import { authorPath, homePath } from '@/lib/public-paths';
import { siteUrl } from '@/lib/site-url';
import { toLocalIso } from '@/lib/time';

/** schema.org NewsArticle; `<` is escaped so article text cannot close the script element. */
export function ArticleJsonLd({ article, url }: { article: PublicArticle; url: string }) {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: url,
    headline: article.title.slice(0, 110),
    description: article.sapo,
    image: [siteUrl(article.coverImage ?? '/images/og-default.jpg')],
    datePublished: article.publishedAt ? toLocalIso(article.publishedAt) : undefined,
    dateModified: toLocalIso(article.updatedAt),
    inLanguage: 'vi-VN',
    articleSection: article.categoryName ?? undefined,
    keywords: article.tags.map((t) => t.name).join(', ') || undefined,
    author: [{ '@type': 'Person', name: article.authorName, url: siteUrl(authorPath(article.authorSlug)) }],
    publisher: { '@type': 'Organization', name: 'Cổng thông tin điện tử Thành phố Lào Cai', url: siteUrl(homePath()) },
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }} />;
}
