import { describe, expect, it } from 'vitest';
import { socialMetadata } from '@/lib/seo/open-graph';
import { articleMetadata, homeMetadata, listingMetadata, staticPageMetadata, type ArticleForMetadata } from '@/lib/seo/page-metadata';
import { siteUrl } from '@/lib/site-url';
import { defaultSiteSettings, type SiteSettings } from '@/lib/validation/settings';

const settings: SiteSettings = { ...defaultSiteSettings, portalName: 'Cổng TTĐT Lào Cai (thử)' };

const article: ArticleForMetadata = {
  title: 'Lễ hội đền Thượng năm 2026',
  slug: 'le-hoi-den-thuong-2026',
  sapo: 'Lễ hội đền Thượng là một trong những lễ hội lớn nhất của tỉnh Lào Cai, thu hút hàng vạn người dân và du khách thập phương về dâng hương, tham gia các hoạt động văn hóa, thể thao và trò chơi dân gian đặc sắc.',
  seoTitle: null,
  seoDescription: null,
  coverImage: '/images/demo/cover-2.jpg',
  coverCaption: 'Rước kiệu',
  publishedAt: new Date('2026-02-10T01:00:00Z'),
  updatedAt: new Date('2026-02-10T02:00:00Z'),
  categoryName: 'Văn hóa',
  authorName: 'Lâm Tú',
  authorSlug: 'lam-tu',
  tags: [{ name: 'Lễ hội', slug: 'le-hoi' }],
};

type Og = { siteName?: string; type?: string; url?: string; title?: string; locale?: string; images?: { url: string }[]; publishedTime?: string };
type Tw = { card?: string; images?: { url: string }[] };

describe('page metadata', () => {
  it('uses the large Twitter card only when there is an image', () => {
    const base = { siteName: 'S', title: 'T', description: 'D', path: '/' };
    expect((socialMetadata({ ...base, image: { url: '/a.jpg', alt: '' } }).twitter as Tw).card).toBe('summary_large_image');
    expect((socialMetadata({ ...base, image: null }).twitter as Tw).card).toBe('summary');
    expect((socialMetadata({ ...base, image: null }).openGraph as Og).images).toBeUndefined();
  });

  it('gives the home page its canonical, the portal name untemplated, Open Graph and the site feed', () => {
    const meta = homeMetadata(settings);
    expect(meta.title).toEqual({ absolute: 'Cổng TTĐT Lào Cai (thử)' });
    expect(meta.alternates).toEqual({ canonical: '/', types: { 'application/rss+xml': '/rss.xml' } });
    expect(meta.openGraph).toMatchObject({ siteName: settings.portalName, type: 'website', url: '/', locale: 'vi_VN', images: [{ url: '/images/og-default.jpg', width: 1200, height: 630 }] });
    expect(meta.description).toContain(settings.tagline);
    expect((meta.twitter as Tw).card).toBe('summary_large_image');
  });

  it('gives a tag page a description of its own and the page number in its title', () => {
    const meta = listingMetadata({ kind: 'tag', name: 'Du lịch', title: 'Chủ đề: Du lịch', ownDescription: null, page: 2, path: '/the/du-lich/trang/2' }, settings);
    expect(meta.description).toBe('Tin tức, bài viết về chủ đề Du lịch trên Cổng TTĐT Lào Cai (thử).');
    expect(meta.title).toBe('Chủ đề: Du lịch – Trang 2');
    expect(meta.alternates?.canonical).toBe('/the/du-lich/trang/2');
    expect(meta.openGraph).toMatchObject({ siteName: settings.portalName, title: 'Chủ đề: Du lịch – Trang 2', url: '/the/du-lich/trang/2', type: 'website' });
  });

  it("prefers a category's own description, cut to 160 characters, and links the category feed", () => {
    const long = 'Thông tin về kinh tế, đầu tư, thương mại, du lịch và dịch vụ của thành phố Lào Cai, cửa khẩu quốc tế, khu kinh tế và các dự án trọng điểm đang được triển khai trên địa bàn.';
    const meta = listingMetadata({ kind: 'category', name: 'Kinh tế', title: 'Kinh tế', ownDescription: long, page: 1, path: '/chuyen-muc/kinh-te', feedPath: '/chuyen-muc/kinh-te/rss.xml' }, settings);
    expect(Array.from(meta.description!).length).toBeLessThanOrEqual(160);
    expect(meta.description!.endsWith('…')).toBe(true);
    expect(long.startsWith(meta.description!.slice(0, -1))).toBe(true);
    expect(meta.alternates?.types).toEqual({ 'application/rss+xml': '/chuyen-muc/kinh-te/rss.xml' });
  });

  it('cuts an article description at a word within 160 characters and shares the 16:9 crop', () => {
    const meta = articleMetadata(article, settings);
    const description = meta.description!;
    expect(Array.from(description).length).toBeLessThanOrEqual(160);
    expect(description.endsWith('…')).toBe(true);
    expect(article.sapo[description.length - 1]).toBe(' ');
    const og = meta.openGraph as Og;
    expect(og).toMatchObject({ siteName: settings.portalName, type: 'article', url: '/bai-viet/le-hoi-den-thuong-2026', publishedTime: '2026-02-10T08:00:00+07:00' });
    expect(og.images?.[0]?.url).toBe('/images/demo/cover-2-c16x9.jpg');
    expect((meta.twitter as Tw).images?.[0]?.url).toBe('/images/demo/cover-2-c16x9.jpg');
  });

  it('writes the Dublin Core tags of an article', () => {
    const meta = articleMetadata({ ...article, seoTitle: 'Đền Thượng 2026', seoDescription: 'Mô tả SEO.' }, settings);
    expect(meta.other).toEqual({
      'DC.title': 'Đền Thượng 2026',
      'DC.creator': 'Lâm Tú',
      'DC.date': '2026-02-10T08:00:00+07:00',
      'DC.description': 'Mô tả SEO.',
      'DC.publisher': 'Cổng TTĐT Lào Cai (thử)',
      'DC.identifier': siteUrl('/bai-viet/le-hoi-den-thuong-2026'),
      'DC.language': 'vi',
    });
  });

  it('leaves out an empty description rather than writing an empty tag', () => {
    const meta = articleMetadata({ ...article, sapo: '', coverImage: null }, settings);
    expect(meta.description).toBeUndefined();
    expect(meta.other).not.toHaveProperty('DC.description');
    expect((meta.openGraph as Og).images?.[0]?.url).toBe('/images/og-default.jpg');
  });

  it('names the portal as the defaults do on a page prerendered at build time', () => {
    const meta = staticPageMetadata({ title: 'Giới thiệu', description: 'Giới thiệu cổng.', path: '/gioi-thieu' });
    expect(meta.openGraph).toMatchObject({ siteName: defaultSiteSettings.portalName, url: '/gioi-thieu', title: 'Giới thiệu' });
    expect(meta.alternates?.canonical).toBe('/gioi-thieu');
    expect((meta.twitter as Tw).card).toBe('summary_large_image');
  });
});
