import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signedIn } from './support/sign-in';

// Demo accounts from db/seed-data/site.ts.
const admin = { email: 'quantri@laocai.vn', password: 'QuanTri@2026' };

// An ordinary Chrome UA: Playwright's own says "HeadlessChrome", which the beacon rightly ignores (e2e/visits.spec.ts).
const CHROME = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.${Date.now() % 100_000}.0 Safari/537.36`;

/** Today in Hà Nội as the custom-range fields take it: dd/mm/yyyy. */
const todayVi = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

async function downloadCsv(page: Page, view: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^thong-ke-${view}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const bytes = fs.readFileSync((await download.path())!);
  // The byte order mark Excel needs to read UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString('utf8');
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test.describe('Thống kê truy cập', () => {
  test('an admin picks a range and a view, follows an author and downloads each view as CSV', async ({ browser }) => {
    // A reader reads one article, so the rankings have something to show whichever specs ran before.
    const reader = await browser.newContext({ userAgent: CHROME });
    const readerPage = await reader.newPage();
    await readerPage.goto('/');
    const href = await readerPage.locator('main a[href^="/bai-viet/"]').first().getAttribute('href');
    const beacon = readerPage.waitForResponse((r) => r.url().endsWith('/api/visits') && r.request().method() === 'POST');
    await readerPage.goto(href!);
    expect((await beacon).status()).toBe(202);
    const title = ((await readerPage.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
    expect(title).not.toBe('');
    await reader.close();

    const page = await signedIn(browser, admin);
    await page.getByRole('navigation', { name: 'Quản trị tòa soạn' }).getByRole('link', { name: 'Thống kê' }).click();
    await expect(page.getByRole('heading', { name: 'Thống kê truy cập', level: 1 })).toBeVisible();
    const views = page.getByRole('navigation', { name: 'Chế độ xem thống kê' });
    const ranges = page.getByRole('navigation', { name: 'Khoảng thời gian' });
    await expect(views.getByRole('link', { name: 'Tổng quan' })).toHaveAttribute('aria-current', 'page');
    await expect(ranges.getByRole('link', { name: '7 ngày' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: /^7 ngày gần nhất \(\d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}\)$/ })).toBeVisible();
    // Figures grouped the Vietnamese way: 1.784.275.
    await expect(page.getByTestId('stats-range-totals').locator('dd').first()).toHaveText(/^\d{1,3}(\.\d{3})*$/);

    await ranges.getByRole('link', { name: '30 ngày' }).click();
    await expect(page).toHaveURL(/[?&]khoang=30n\b/);
    await expect(ranges.getByRole('link', { name: '30 ngày' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: /^30 ngày gần nhất/ })).toBeVisible();
    const overview = await downloadCsv(page, 'tong-quan');
    expect(overview.split('\r\n')[0]).toBe('Kỳ,Từ ngày,Đến ngày,Lượt truy cập,Lượt xem trang,Khách (cộng theo ngày)');
    expect(overview.split('\r\n')).toHaveLength(32); // header, 30 days, the empty string after the last CRLF

    await views.getByRole('link', { name: 'Theo bài viết' }).click();
    await expect(page).toHaveURL(/[?&]xem=bai-viet\b/);
    await expect(page).toHaveURL(/[?&]khoang=30n\b/);
    await expect(page.getByRole('heading', { name: /^Bài viết theo lượt xem · 30 ngày gần nhất/ })).toBeVisible();
    // The rollup runs every second in the e2e server.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('stats-article-table').getByRole('link', { name: title, exact: true })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    const articles = await downloadCsv(page, 'bai-viet');
    expect(articles.split('\r\n')[0]).toBe('Hạng,Mã bài,Tiêu đề,Chuyên mục,Tác giả,Ngày xuất bản,Trong thùng rác,Lượt xem');
    expect(articles).toContain(title.includes(',') || title.includes('"') ? `"${title.replace(/"/g, '""')}"` : title);

    await views.getByRole('link', { name: 'Theo tác giả' }).click();
    await expect(page).toHaveURL(/[?&]xem=tac-gia\b/);
    await expect(page.getByRole('heading', { name: /^Tác giả theo lượt xem · 30 ngày gần nhất/ })).toBeVisible();
    const firstAuthor = page.getByTestId('stats-author-row').first();
    await expect(firstAuthor).toBeVisible();
    const authorName = ((await firstAuthor.getByRole('link').textContent()) ?? '').trim();
    const authors = await downloadCsv(page, 'tac-gia');
    expect(authors.split('\r\n')[0]).toBe('Hạng,Mã tác giả,Tác giả,Số bài được xem,Lượt xem');
    expect(authors).toContain(authorName);

    // An author's name opens the ranking of their articles only.
    await firstAuthor.getByRole('link', { name: authorName }).click();
    await expect(page).toHaveURL(/[?&]xem=bai-viet\b.*[?&]tac-gia=\d+/);
    await expect(page.getByTestId('stats-author-filter')).toContainText(`Chỉ bài của ${authorName}`);
    await expect(page.getByTestId('stats-article-row').first()).toBeVisible();

    // A custom range: today alone.
    await page.getByLabel('Từ ngày').fill(todayVi);
    await page.getByLabel('Đến ngày').fill(todayVi);
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect(page).toHaveURL(/[?&]khoang=tuy-chon\b/);
    await expect(page.getByRole('heading', { name: `Bài viết theo lượt xem · Ngày ${todayVi}` })).toBeVisible();

    // Bad input is a clear message, not an error page.
    const refused = await page.goto('/admin/thong-ke?khoang=tuy-chon&tu=31/02/2026&den=01/03/2026');
    expect(refused?.status()).toBe(200);
    // Scoped to the page's main: Next's route announcer is an alert too.
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Ngày bắt đầu “31/02/2026” không có trên lịch.');
    await expect(page.getByLabel('Từ ngày')).toHaveValue('31/02/2026');

    // On a phone: no view scrolls the page sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const view of ['tong-quan', 'bai-viet', 'tac-gia']) {
      await page.goto(`/admin/thong-ke?xem=${view}&khoang=30n`);
      await expect(page.getByRole('heading', { name: 'Thống kê truy cập', level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
    await page.goto('/admin/thong-ke?khoang=12t');
    await expect(page.getByRole('heading', { name: /^12 tháng gần nhất/ })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });
});
