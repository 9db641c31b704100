import type { MetadataRoute } from 'next';
import { newsSitemapPath, searchPath, sitemapIndexPath } from '@/lib/public-paths';
import { siteUrl } from '@/lib/site-url';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/', searchPath(), '/dang-nhap'] }],
    sitemap: [siteUrl(sitemapIndexPath()), siteUrl(newsSitemapPath())],
  };
}
