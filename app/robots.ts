import type { MetadataRoute } from 'next';
import { siteUrl } from '@/lib/site-url';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/tim-kiem', '/dang-nhap'] }],
    sitemap: [siteUrl('/sitemap.xml'), siteUrl('/sitemap-news.xml')],
  };
}
