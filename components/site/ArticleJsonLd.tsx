import type { PublicArticle } from '@/db/queries/articles';
import { articleBreadcrumb, breadcrumbJsonLd, newsArticleJsonLd, type ArticleForJsonLd } from '@/lib/seo/json-ld';
import { cachedSiteSettings } from '@/server/public-data';
import { JsonLd } from './JsonLd';

/** schema.org NewsArticle, and the BreadcrumbList of the trail the page shows above the headline. */
export async function ArticleJsonLd({ article }: { article: PublicArticle & Pick<ArticleForJsonLd, 'coverFocal'> }) {
  const settings = await cachedSiteSettings();
  const breadcrumb = breadcrumbJsonLd(articleBreadcrumb(article));
  return (
    <>
      <JsonLd data={newsArticleJsonLd(article, settings)} />
      {breadcrumb ? <JsonLd data={breadcrumb} /> : null}
    </>
  );
}
