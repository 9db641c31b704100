import { describe, expect, it } from 'vitest';
import { parseSitemapFile } from '@/lib/feeds/sitemap';
import {
  aboutPath,
  articlePath,
  authorPath,
  categoryPath,
  categoryRssPath,
  homePath,
  newsSitemapPath,
  searchPath,
  siteRssPath,
  sitemapArticlesPath,
  sitemapIndexPath,
  sitemapPagesPath,
  tagPath,
} from '@/lib/public-paths';

describe('public paths', () => {
  it('builds the page paths the routes under app/(site) serve', () => {
    expect(homePath()).toBe('/');
    expect(aboutPath()).toBe('/gioi-thieu');
    expect(articlePath('le-hoi-den-thuong')).toBe('/bai-viet/le-hoi-den-thuong');
    expect(categoryPath('tin-tuc')).toBe('/chuyen-muc/tin-tuc');
    expect(tagPath('du-lich')).toBe('/the/du-lich');
    expect(authorPath('nguyen-van-a')).toBe('/tac-gia/nguyen-van-a');
  });

  it('puts listing page numbers in the path, with none for page 1', () => {
    expect(categoryPath('tin-tuc', 1)).toBe('/chuyen-muc/tin-tuc');
    expect(categoryPath('tin-tuc', 2)).toBe('/chuyen-muc/tin-tuc/trang/2');
    expect(tagPath('du-lich', 3)).toBe('/the/du-lich/trang/3');
    expect(authorPath('nguyen-van-a', 12)).toBe('/tac-gia/nguyen-van-a/trang/12');
  });

  it('builds search paths with an encoded query', () => {
    expect(searchPath()).toBe('/tim-kiem');
    expect(searchPath({ q: 'lào cai', page: 1 })).toBe('/tim-kiem?q=l%C3%A0o+cai&page=1');
    expect(searchPath({ q: 'a&b', page: 2 })).toBe('/tim-kiem?q=a%26b&page=2');
  });

  it('builds feed and sitemap paths that the sitemap route parses back', () => {
    expect(siteRssPath()).toBe('/rss.xml');
    expect(categoryRssPath('tin-tuc')).toBe('/chuyen-muc/tin-tuc/rss.xml');
    expect(sitemapIndexPath()).toBe('/sitemap.xml');
    expect(newsSitemapPath()).toBe('/sitemap-news.xml');
    expect(sitemapPagesPath()).toBe('/sitemaps/pages.xml');
    expect(sitemapArticlesPath(3)).toBe('/sitemaps/articles-3.xml');
    const fileName = (p: string) => p.slice('/sitemaps/'.length);
    expect(parseSitemapFile(fileName(sitemapPagesPath()))).toEqual({ kind: 'pages' });
    expect(parseSitemapFile(fileName(sitemapArticlesPath(3)))).toEqual({ kind: 'articles', chunk: 3 });
  });
});
