import type { ArticleListItem } from '@/db/queries/articles';
import { articlePath } from '../public-paths';
import { siteUrl } from '../site-url';
import { xmlEscape } from './xml';

type Channel = { title: string; description: string; path: string; feedPath: string };

/** RSS 2.0 with Atom self link. */
export function renderRss(channel: Channel, items: ArticleListItem[]): string {
  const entries = items
    .map((a) => {
      const link = siteUrl(articlePath(a.slug));
      return [
        '<item>',
        `<title>${xmlEscape(a.title)}</title>`,
        `<link>${xmlEscape(link)}</link>`,
        `<guid isPermaLink="true">${xmlEscape(link)}</guid>`,
        `<description>${xmlEscape(a.sapo)}</description>`,
        a.publishedAt ? `<pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>` : '',
        a.categoryName ? `<category>${xmlEscape(a.categoryName)}</category>` : '',
        `<dc:creator>${xmlEscape(a.authorName)}</dc:creator>`,
        a.coverImage ? `<enclosure url="${xmlEscape(siteUrl(a.coverImage))}" type="image/jpeg" length="0"/>` : '',
        '</item>',
      ].join('');
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xmlEscape(channel.title)}</title>
<link>${xmlEscape(siteUrl(channel.path))}</link>
<description>${xmlEscape(channel.description)}</description>
<language>vi-VN</language>
<atom:link href="${xmlEscape(siteUrl(channel.feedPath))}" rel="self" type="application/rss+xml"/>
${entries}
</channel>
</rss>`;
}
