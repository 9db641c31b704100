import { expect, test } from '@playwright/test';
import { signedIn } from './support/sign-in';

// Demo accounts from db/seed-data/site.ts.
const admin = { email: 'quantri@laocai.vn', password: 'QuanTri@2026' };
const moderator = { email: 'bientap@laocai.vn', password: 'BienTap@2026' };

test.describe('old links keep working', () => {
  const suffix = Date.now().toString(36);

  test('an admin adds a redirect for an old portal URL: it answers 308, then 404 once deleted', async ({ browser, request }) => {
    const page = await signedIn(browser, admin);
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Quản trị tòa soạn' }).getByRole('link', { name: 'Chuyển hướng' }).click();
    await expect(page.getByRole('heading', { name: 'Chuyển hướng', level: 1 })).toBeVisible();

    const oldPath = `/tin-tuc/su-kien-${suffix}.html`;
    await page.getByLabel('Đường dẫn cũ').fill(`https://laocai.gov.vn${oldPath}?ItemID=42`);
    await page.getByLabel('Đường dẫn mới').fill('/gioi-thieu');
    await page.getByRole('button', { name: 'Thêm chuyển hướng' }).click();
    await expect(page.getByText('Đã thêm chuyển hướng.')).toBeVisible();
    const row = page.getByTestId('redirect-list').getByRole('listitem').filter({ hasText: oldPath });
    await expect(row).toContainText('/gioi-thieu');

    const moved = await request.get(oldPath, { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(new URL(moved.headers()['location']!, 'http://x').pathname).toBe('/gioi-thieu');

    // A loop is refused in Vietnamese, and nothing is added.
    await page.getByLabel('Đường dẫn cũ').fill('/gioi-thieu');
    await page.getByLabel('Đường dẫn mới').fill(oldPath);
    await page.getByRole('button', { name: 'Thêm chuyển hướng' }).click();
    await expect(page.getByText(/vòng lặp|đang là một trang còn hoạt động/)).toBeVisible();

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Xóa' }).click();
    await expect(page.getByText('Đã xóa chuyển hướng.')).toBeVisible();
    await expect.poll(async () => (await request.get(oldPath, { maxRedirects: 0 })).status()).toBe(404);
    const gone = await request.get(oldPath, { maxRedirects: 0 });
    expect(await gone.text()).toContain('Không tìm thấy trang');
  });

  test('a published article given a new slug: the old URL answers 308 to the new one, which the feed lists alone', async ({ browser, request }) => {
    const page = await signedIn(browser, moderator);
    await page.goto('/admin/bai-viet');
    await page.getByRole('button', { name: 'Viết bài mới' }).click();
    await expect(page).toHaveURL(/\/admin\/bai-viet\/moi$/);
    const title = `Bài đổi đường dẫn ${suffix}`;
    await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await page.getByLabel('Sapo').fill('Sapo của bài đổi đường dẫn.');
    await page.getByRole('textbox', { name: 'Nội dung' }).click();
    await page.keyboard.type('Nội dung bài đổi đường dẫn.');
    await page.getByLabel('Chuyên mục').selectOption({ label: 'Du lịch' });
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(page.getByTestId('save-status')).toHaveText(/^Đã lưu lúc/);
    await page.getByRole('button', { name: 'Xuất bản' }).click();
    await expect(page.getByRole('button', { name: 'Cập nhật bài' })).toBeVisible();
    const oldPath = `/bai-viet/bai-doi-duong-dan-${suffix}`;
    await expect.poll(async () => (await request.get(oldPath)).status()).toBe(200);

    const newSlug = `duong-dan-moi-${suffix}`;
    await page.getByRole('textbox', { name: /^Đường dẫn/ }).fill(newSlug);
    await expect(page.getByText('địa chỉ cũ tự chuyển hướng')).toBeVisible();
    await page.getByRole('button', { name: 'Cập nhật bài' }).click();
    await expect(page.getByTestId('save-status')).toHaveText(/^Đã lưu lúc/);

    await expect.poll(async () => (await request.get(oldPath, { maxRedirects: 0 })).status()).toBe(308);
    const moved = await request.get(oldPath, { maxRedirects: 0 });
    expect(new URL(moved.headers()['location']!, 'http://x').pathname).toBe(`/bai-viet/${newSlug}`);
    const landed = await request.get(oldPath);
    expect(landed.status()).toBe(200);
    expect(landed.url()).toContain(`/bai-viet/${newSlug}`);

    await expect.poll(async () => (await (await request.get('/rss.xml')).text()).includes(`/bai-viet/${newSlug}`)).toBe(true);
    expect(await (await request.get('/rss.xml')).text()).not.toContain(`${oldPath}<`);
  });

  test('a category given a new slug: its old listing and pages answer 308', async ({ browser, request }) => {
    const page = await signedIn(browser, admin);
    await page.goto('/admin/chuyen-muc');
    await page.getByLabel('Tên chuyên mục').first().fill(`Chuyên mục thử ${suffix}`);
    await page.getByRole('button', { name: 'Tạo chuyên mục' }).click();
    await expect(page.getByText('Đã tạo chuyên mục.')).toBeVisible();
    const oldSlug = `chuyen-muc-thu-${suffix}`;
    expect((await request.get(`/chuyen-muc/${oldSlug}`)).status()).toBe(200);

    const slugField = page.getByLabel(`Đường dẫn của Chuyên mục thử ${suffix}`);
    await slugField.fill(`Chuyên mục đổi ${suffix}`);
    await slugField.locator('xpath=ancestor::form').getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText('Đã lưu chuyên mục.')).toBeVisible();
    await expect(page.getByText(`/chuyen-muc/chuyen-muc-doi-${suffix}`)).toBeVisible();

    await expect.poll(async () => (await request.get(`/chuyen-muc/${oldSlug}`, { maxRedirects: 0 })).status()).toBe(308);
    const moved = await request.get(`/chuyen-muc/${oldSlug}/rss.xml`, { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(new URL(moved.headers()['location']!).pathname).toBe(`/chuyen-muc/chuyen-muc-doi-${suffix}/rss.xml`);
  });
});
