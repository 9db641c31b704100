import { renderRss } from '@/lib/feeds/rss';
import { xmlResponse } from '@/lib/feeds/xml';
import { toErrorResponse } from '@/lib/http/errors';
import { homePath, siteRssPath } from '@/lib/public-paths';
import { cachedSiteFeed, cachedSiteSettings } from '@/server/public-data';

// Rendered per request from the tagged data cache: never prerendered at build time.
export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const [settings, feed] = await Promise.all([cachedSiteSettings(), cachedSiteFeed()]);
    return xmlResponse(
      renderRss({ title: settings.portalName, description: settings.tagline, path: homePath(), feedPath: siteRssPath() }, feed.items, feed.coverFiles),
      'application/rss+xml; charset=utf-8',
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
