import { unstable_cache } from 'next/cache';
import { getSitemapChunk } from '@/db/queries/articles';
import { cacheTags, PUBLIC_REVALIDATE_SECONDS } from '@/lib/cache-tags';
import { parseSitemapFile, renderUrlset } from '@/lib/feeds/sitemap';
import { xmlResponse } from '@/lib/feeds/xml';
import { errorResponse, toErrorResponse } from '@/lib/http/errors';
import { aboutPath, articlePath, categoryPath, homePath } from '@/lib/public-paths';
import { cachedCategories, cachedSitemapChunkCount } from '@/server/public-data';

export const dynamic = 'force-dynamic';

const cachedChunk = (chunk: number) =>
  unstable_cache(() => getSitemapChunk(chunk), ['sitemap-chunk', String(chunk)], {
    tags: [cacheTags.articles],
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  })();

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    const file = parseSitemapFile((await params).file);
    if (!file) return errorResponse('not_found', 'Không có sitemap này.');
    if (file.kind === 'pages') {
      const categories = await cachedCategories();
      return xmlResponse(renderUrlset([{ path: homePath() }, { path: aboutPath() }, ...categories.map((c) => ({ path: categoryPath(c.slug) }))]));
    }
    if (file.chunk > (await cachedSitemapChunkCount())) return errorResponse('not_found', 'Không có sitemap này.');
    const entries = await cachedChunk(file.chunk);
    return xmlResponse(renderUrlset(entries.map((e) => ({ path: articlePath(e.slug), lastModified: e.updatedAt }))));
  } catch (error) {
    return toErrorResponse(error);
  }
}
