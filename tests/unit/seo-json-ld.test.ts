import { describe, expect, it } from 'vitest';
import { contactDetails, emailIn, telephoneIn, withoutLabel } from '@/lib/seo/contact';
import {
  articleBreadcrumb,
  breadcrumbJsonLd,
  newsArticleJsonLd,
  organizationJsonLd,
  serializeJsonLd,
  websiteJsonLd,
  type ArticleForJsonLd,
} from '@/lib/seo/json-ld';
import { siteUrl } from '@/lib/site-url';
import { defaultSiteSettings, type SiteSettings } from '@/lib/validation/settings';

const article: ArticleForJsonLd = {
  title: 'Thành phố Lào Cai: Những kết quả tích cực sau 2 năm thực hiện Chỉ thị 05 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  slug: 'ket-qua-chi-thi-05',
  sapo: 'Sapo của bài.',
  coverImage: '/media/2026/11/0123456789abcdef0123456789abcdef.jpg',
  publishedAt: new Date('2026-11-29T17:30:00Z'),
  updatedAt: new Date('2026-11-30T01:00:00Z'),
  categoryName: 'Xây dựng Đảng',
  authorName: 'Lâm Tú',
  authorSlug: 'lam-tu',
  tags: [{ name: 'Chỉ thị 05', slug: 'chi-thi-05' }],
};

describe('structured data', () => {
  it('serialises so that no text can end the script element, and parses back to the same data', () => {
    const data = { '@type': 'Thing', name: '</script><script>alert(1)</script> & <!-- \u2028' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(data);
  });

  it('describes the site with a search box pointing at /tim-kiem?q=', () => {
    const site = websiteJsonLd(defaultSiteSettings);
    expect(site).toMatchObject({ '@type': 'WebSite', name: defaultSiteSettings.portalName, url: siteUrl('/') });
    const action = site.potentialAction as { target: { urlTemplate: string }; 'query-input': string };
    expect(action.target.urlTemplate).toBe(siteUrl('/tim-kiem?q={search_term_string}'));
    expect(action['query-input']).toBe('required name=search_term_string');
  });

  it('reads the organisation contact from the settings lines, without their labels', () => {
    const org = organizationJsonLd(defaultSiteSettings);
    expect(org).toMatchObject({
      '@type': 'Organization',
      name: 'Cổng thông tin điện tử Thành phố Lào Cai',
      url: siteUrl('/'),
      logo: { '@type': 'ImageObject', url: siteUrl('/icons/icon-512.png'), width: 512, height: 512 },
      email: 'banbientap@laocaicity.gov.vn',
      telephone: '+84 214 3 840 888',
      address: { '@type': 'PostalAddress', streetAddress: 'Đường Hoàng Liên, phường Cốc Lếu, thành phố Lào Cai, tỉnh Lào Cai', addressCountry: 'VN' },
      parentOrganization: { name: 'Ủy ban nhân dân thành phố Lào Cai' },
    });
    expect(org.contactPoint).toEqual([expect.objectContaining({ '@type': 'ContactPoint', email: 'banbientap@laocaicity.gov.vn', telephone: '+84 214 3 840 888' })]);
  });

  it('leaves out contact fields the settings leave empty or hold no value in', () => {
    const settings: SiteSettings = { ...defaultSiteSettings, contact: { ...defaultSiteSettings.contact, email: '', phone: 'Điện thoại: đang cập nhật', address: '' } };
    const org = JSON.parse(serializeJsonLd(organizationJsonLd(settings)));
    expect(org).not.toHaveProperty('email');
    expect(org).not.toHaveProperty('telephone');
    expect(org).not.toHaveProperty('address');
    expect(org).not.toHaveProperty('contactPoint');
  });

  it('strips a label only when it is one', () => {
    expect(withoutLabel('Địa chỉ: số 1 Hoàng Liên')).toBe('số 1 Hoàng Liên');
    expect(withoutLabel('Làm việc 07:30 – 17:00')).toBe('Làm việc 07:30 – 17:00');
    expect(emailIn('Hộp thư: ban.bientap@laocai.gov.vn.')).toBe('ban.bientap@laocai.gov.vn');
    expect(telephoneIn('Tel: +84 214 3840888')).toBe('+84 214 3840888');
    expect(telephoneIn('Đường dây nóng: 0989.123.456 (24/7)')).toBe('+84 989.123.456');
    expect(contactDetails({ ...defaultSiteSettings.contact, agency: '' }).agency).toBeUndefined();
  });

  it('gives a NewsArticle its three crops, a headline cut at a word and the publisher logo', () => {
    const data = newsArticleJsonLd(article, defaultSiteSettings);
    expect(data.image).toEqual(
      ['16x9', '4x3', '1x1'].map((r) => siteUrl(`/media/2026/11/0123456789abcdef0123456789abcdef-c${r}.jpg`)),
    );
    const headline = data.headline as string;
    expect(Array.from(headline).length).toBeLessThanOrEqual(110);
    expect(article.title.startsWith(headline.slice(0, -1))).toBe(true);
    expect(article.title[headline.length - 1]).toBe(' ');
    expect(data.publisher).toMatchObject({ '@type': 'Organization', name: defaultSiteSettings.portalName, logo: { url: siteUrl('/icons/icon-512.png') } });
    expect(data.datePublished).toBe('2026-11-30T00:30:00+07:00');
    expect(data.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': siteUrl('/bai-viet/ket-qua-chi-thi-05') });
  });

  it('crops the bundled cover, or the default share image when there is no cover', () => {
    expect(newsArticleJsonLd({ ...article, coverImage: '/images/demo/cover-3.jpg' }, defaultSiteSettings).image).toEqual([
      siteUrl('/images/demo/cover-3-c16x9.jpg'),
      siteUrl('/images/demo/cover-3-c4x3.jpg'),
      siteUrl('/images/demo/cover-3-c1x1.jpg'),
    ]);
    expect(newsArticleJsonLd({ ...article, coverImage: null }, defaultSiteSettings).image).toEqual([
      siteUrl('/images/og-default-c16x9.jpg'),
      siteUrl('/images/og-default-c4x3.jpg'),
      siteUrl('/images/og-default-c1x1.jpg'),
    ]);
  });

  it('keeps a short headline whole', () => {
    expect(newsArticleJsonLd({ ...article, title: 'Lễ hội đền Thượng' }, defaultSiteSettings).headline).toBe('Lễ hội đền Thượng');
  });

  it('lists the breadcrumb the article page shows: home, then the category', () => {
    const crumbs = articleBreadcrumb({ categoryName: 'Xây dựng Đảng', categorySlug: 'xay-dung-dang' });
    expect(breadcrumbJsonLd(crumbs)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: siteUrl('/') },
        { '@type': 'ListItem', position: 2, name: 'Xây dựng Đảng', item: siteUrl('/chuyen-muc/xay-dung-dang') },
      ],
    });
    // An article without a category shows the home link alone: no list of one.
    expect(breadcrumbJsonLd(articleBreadcrumb({ categoryName: null, categorySlug: null }))).toBeNull();
  });
});
