import type { ArticleListItem } from '@/db/queries/articles';
import type { MediaFileFacts } from '@/db/queries/media';
import { articlePath } from '../public-paths';
import { siteUrl } from '../site-url';
import { xmlEscape } from './xml';

type Channel = { title: string; description: string; path: string; feedPath: string };

/**
 * RSS 2.0 with Atom self link. An item's cover becomes its `<enclosure>` when
 * `coverFiles` has the stored file behind it: RSS wants the real type and
 * byte length, so a cover that is not an upload (a bundled or outside image)
 * gets no enclosure rather than a made-up one.
 */
export function renderRss(channel: Channel, items: ArticleListItem[], coverFiles: readonly MediaFileFacts[]): string {
  const files = new Map(coverFiles.map((f) => [f.url, f]));
  const entries = items
    .map((a) => {
      const link = siteUrl(articlePath(a.slug));
      const cover = a.coverImage ? files.get(a.coverImage) : undefined;
      return [
        '<item>',
        `<title>${xmlEscape(a.title)}</title>`,
        `<link>${xmlEscape(link)}</link>`,
        `<guid isPermaLink="true">${xmlEscape(link)}</guid>`,
        `<description>${xmlEscape(a.sapo)}</description>`,
        a.publishedAt ? `<pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>` : '',
        a.categoryName ? `<category>${xmlEscape(a.categoryName)}</category>` : '',
        `<dc:creator>${xmlEscape(a.authorName)}</dc:creator>`,
        cover ? `<enclosure url="${xmlEscape(siteUrl(cover.url))}" type="${xmlEscape(cover.mimeType)}" length="${cover.sizeBytes}"/>` : '',
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
