import { unstable_cache } from 'next/cache';
import { getSitemapEntries } from '@/db/queries/articles';
import { cacheTags, PUBLIC_REVALIDATE_SECONDS } from '@/lib/cache-tags';
import { xmlEscape, xmlResponse } from '@/lib/feeds/xml';
import { toErrorResponse } from '@/lib/http/errors';
import { cachedCategories } from '@/lib/public-data';
import { siteUrl } from '@/lib/site-url';
import { toLocalIso } from '@/lib/time';

export const dynamic = 'force-dynamic';

const cachedEntries = unstable_cache(() => getSitemapEntries(), ['sitemap'], {
  tags: [cacheTags.articles],
  revalidate: PUBLIC_REVALIDATE_SECONDS,
});

export async function GET() {
  try {
    const [entries, categories] = await Promise.all([cachedEntries(), cachedCategories()]);
    const url = (loc: string, lastmod?: string) =>
      `<url><loc>${xmlEscape(siteUrl(loc))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      url('/'),
      ...categories.map((c) => url(`/chuyen-muc/${c.slug}`)),
      ...entries.map((e) => url(`/bai-viet/${e.slug}`, toLocalIso(e.updatedAt))),
      '</urlset>',
    ].join('\n');
    return xmlResponse(body);
  } catch (error) {
    return toErrorResponse(error);
  }
}
