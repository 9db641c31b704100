import { renderSitemapIndex } from '@/lib/feeds/sitemap';
import { xmlResponse } from '@/lib/feeds/xml';
import { toErrorResponse } from '@/lib/http/errors';
import { sitemapArticlesPath, sitemapPagesPath } from '@/lib/public-paths';
import { cachedSitemapChunkCount } from '@/server/public-data';

export const dynamic = 'force-dynamic';

/** A sitemap index: the section pages, then the articles in files of 5,000. */
export async function GET() {
  try {
    const chunks = await cachedSitemapChunkCount();
    const files = [sitemapPagesPath(), ...Array.from({ length: chunks }, (_, i) => sitemapArticlesPath(i + 1))];
    return xmlResponse(renderSitemapIndex(files));
  } catch (error) {
    return toErrorResponse(error);
  }
}
