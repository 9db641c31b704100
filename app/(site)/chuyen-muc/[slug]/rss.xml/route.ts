import { errorResponse, toErrorResponse } from '@/lib/http/errors';
import { renderRss } from '@/lib/feeds/rss';
import { xmlResponse } from '@/lib/feeds/xml';
import { categoryPath, categoryRssPath } from '@/lib/public-paths';
import { cachedCategoryFeed, cachedSiteSettings } from '@/server/public-data';
import { parseSlugParam } from '@/lib/route-params';
import { siteUrl } from '@/lib/site-url';
import { isExternalTarget } from '@/lib/redirects';
import { resolveRedirect } from '@/server/redirects/resolve-redirect';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const slug = parseSlugParam((await params).slug);
    const data = slug ? await cachedCategoryFeed(slug) : null;
    if (!slug || !data) {
      const moved = slug ? await resolveRedirect(categoryRssPath(slug)) : null;
      return moved ? Response.redirect(absoluteLocation(moved), 308) : errorResponse('not_found', 'Không có chuyên mục này.');
    }
    const settings = await cachedSiteSettings();
    return xmlResponse(
      renderRss(
        {
          title: `${data.category.name} – ${settings.portalName}`,
          description: data.category.description ?? data.category.name,
          path: categoryPath(slug),
          feedPath: categoryRssPath(slug),
        },
        data.items,
        data.coverFiles,
      ),
      'application/rss+xml; charset=utf-8',
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** Response.redirect needs an absolute URL; a stored target is a path of this site or one. */
function absoluteLocation(target: string): string {
  return isExternalTarget(target) ? target : siteUrl(target);
}
