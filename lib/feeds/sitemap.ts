import { siteUrl } from '../site-url';
import { toLocalIso, type Instant } from '../time';
import { xmlEscape } from './xml';

export function renderUrlset(entries: { path: string; lastModified?: Instant }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(
      (e) => `<url><loc>${xmlEscape(siteUrl(e.path))}</loc>${e.lastModified ? `<lastmod>${toLocalIso(e.lastModified)}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
  ].join('\n');
}

export function renderSitemapIndex(paths: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...paths.map((p) => `<sitemap><loc>${xmlEscape(siteUrl(p))}</loc></sitemap>`),
    '</sitemapindex>',
  ].join('\n');
}

/** `pages.xml` or `articles-<n>.xml`; anything else is not a sitemap of ours. */
export function parseSitemapFile(file: string): { kind: 'pages' } | { kind: 'articles'; chunk: number } | null {
  if (file === 'pages.xml') return { kind: 'pages' };
  const match = /^articles-([1-9][0-9]{0,5})\.xml$/.exec(file);
  return match ? { kind: 'articles', chunk: Number(match[1]) } : null;
}
