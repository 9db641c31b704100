import { unstable_cache } from 'next/cache';
import { getArticlesPublishedSince } from '@/db/queries/articles';
import { cacheTags, PUBLIC_REVALIDATE_SECONDS } from '@/lib/cache-tags';
import { xmlEscape, xmlResponse } from '@/lib/feeds/xml';
import { toErrorResponse } from '@/lib/http/errors';
import { articlePath } from '@/lib/public-paths';
import { cachedSiteSettings } from '@/server/public-data';
import { siteUrl } from '@/lib/site-url';
import { toLocalIso } from '@/lib/time';

export const dynamic = 'force-dynamic';

// Google News sitemaps list only the last 48 hours, at most 1,000 articles.
const cachedRecent = unstable_cache(() => getArticlesPublishedSince(new Date(Date.now() - 48 * 3_600_000), 1000), ['sitemap-news'], {
  tags: [cacheTags.articles],
  revalidate: PUBLIC_REVALIDATE_SECONDS,
});

export async function GET() {
  try {
    const [items, settings] = await Promise.all([cachedRecent(), cachedSiteSettings()]);
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
      ...items.map(
        (a) =>
          `<url><loc>${xmlEscape(siteUrl(articlePath(a.slug)))}</loc><news:news><news:publication><news:name>${xmlEscape(settings.portalName)}</news:name><news:language>vi</news:language></news:publication><news:publication_date>${a.publishedAt ? toLocalIso(a.publishedAt) : ''}</news:publication_date><news:title>${xmlEscape(a.title)}</news:title></news:news></url>`,
      ),
      '</urlset>',
    ].join('\n');
    return xmlResponse(body);
  } catch (error) {
    return toErrorResponse(error);
  }
}
