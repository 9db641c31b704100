import { expect, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const SEED_TITLE = 'Thành phố Lào Cai: Những kết quả tích cực sau 2 năm thực hiện Chỉ thị 05';

test.describe('a reader @mobile', () => {
  test('goes from the home page to a category, an article and a search', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Lào Cai/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('contentinfo')).toContainText('Thống kê truy cập');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Đăng nhập' })).toBeVisible();

    // Category from the menu (on a phone, opened first).
    const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
    if (await menu.locator('summary').isVisible()) await menu.locator('summary').click();
    await menu.getByRole('link', { name: 'Xây dựng Đảng' }).click();
    await expect(page).toHaveURL(/\/chuyen-muc\/xay-dung-dang$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xây dựng Đảng');

    // The seed article from the category list.
    await page.getByRole('link', { name: new RegExp(SEED_TITLE) }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(SEED_TITLE);
    await expect(page.getByRole('link', { name: 'Lâm Tú' })).toBeVisible();
    await expect(page.locator('article time').first()).toHaveText(/^(Thứ \S+|Chủ Nhật), \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await expect(page.getByRole('link', { name: /Facebook/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Zalo/ })).toBeVisible();
    // The NewsArticle comes first; the BreadcrumbList follows it (e2e/metadata.spec.ts checks both).
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}');
    expect(jsonLd['@type']).toBe('NewsArticle');
    expect(jsonLd.author[0].name).toBe('Lâm Tú');
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/images\//);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/bai-viet\//);

    // Search without diacritics from the header box.
    const search = page.getByRole('search').first().getByRole('searchbox');
    await search.fill('lao cai chi thi 05');
    await search.press('Enter');
    await expect(page).toHaveURL(/\/tim-kiem\?q=/);
    await expect(page.getByRole('link', { name: new RegExp(SEED_TITLE) }).first()).toBeVisible();
  });

  test('gets a Vietnamese 404 for an unknown article', async ({ page }) => {
    const response = await page.goto('/bai-viet/bai-viet-khong-ton-tai');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
  });
});

test.describe('feeds', () => {
  for (const path of ['/rss.xml', '/chuyen-muc/kinh-te/rss.xml', '/sitemap.xml', '/sitemap-news.xml']) {
    test(`${path} is well-formed XML`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const body = await response.text();
      expect(XMLValidator.validate(body)).toBe(true);
      const doc = new XMLParser().parse(body);
      if (path.includes('rss')) expect(doc.rss.channel.item.length).toBeGreaterThan(0);
      else if (path === '/sitemap.xml') {
        // A sitemap index: every file it lists is itself a well-formed urlset.
        const files: { loc: string }[] = [doc.sitemapindex.sitemap].flat();
        expect(files.length).toBeGreaterThanOrEqual(2);
        const locs: string[] = [];
        for (const file of files) {
          const child = await request.get(new URL(file.loc).pathname);
          expect(child.status()).toBe(200);
          const xml = await child.text();
          expect(XMLValidator.validate(xml)).toBe(true);
          locs.push(...[new XMLParser().parse(xml).urlset.url].flat().map((u: { loc: string }) => u.loc));
        }
        expect(locs.some((loc) => loc.includes('/bai-viet/thanh-pho-lao-cai-nhung-ket-qua'))).toBe(true);
      } else expect(doc.urlset.url.length).toBeGreaterThan(0);
    });
  }

  test('robots.txt points at both sitemaps', async ({ request }) => {
    const body = await (await request.get('/robots.txt')).text();
    expect(body).toContain('/sitemap.xml');
    expect(body).toContain('/sitemap-news.xml');
  });
});
