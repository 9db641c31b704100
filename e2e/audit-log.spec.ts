import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { signedIn } from './support/sign-in';

// Demo accounts from db/seed-data/site.ts.
const admin = { email: 'quantri@laocai.vn', password: 'QuanTri@2026', name: 'Quản trị hệ thống' };

/** Today in Vietnam as the filter is typed: dd/mm/yyyy. */
const todayVi = () => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

/** An action key, a target id or a details key as the log used to show them ("article.published", "Bài viết #38", "to: moderator"). */
const RAW = /\b(?:auth|user|article|category|settings|media|redirect)\.[a-z_]+\b|(?:Bài viết|Tài khoản|Chuyên mục|Ảnh|Cài đặt) #\d+|\b(?:from|to|role|status|ip|email): /;

test.describe('the audit log', () => {
  const suffix = Date.now().toString(36);
  const categoryName = `Chuyên mục nhật ký ${suffix}`;

  test('an admin reads who did what in words, filters by action and day, and downloads the CSV', async ({ browser }) => {
    const page = await signedIn(browser, admin);

    // Something to find: a category created now.
    await page.goto('/admin/chuyen-muc');
    await page.getByLabel('Tên chuyên mục').first().fill(categoryName);
    await page.getByRole('button', { name: 'Tạo chuyên mục' }).click();
    await expect(page.getByText('Đã tạo chuyên mục.')).toBeVisible();

    await page.getByRole('navigation', { name: 'Quản trị tòa soạn' }).getByRole('link', { name: 'Nhật ký' }).click();
    await expect(page.getByRole('heading', { name: 'Nhật ký', level: 1 })).toBeVisible();
    const table = page.getByTestId('audit-table');
    await expect(table.getByRole('row').filter({ hasText: categoryName }).first()).toContainText('Tạo chuyên mục');
    // This sign-in is logged under the admin's name.
    await expect(table.getByRole('row').filter({ hasText: 'Đăng nhập' }).filter({ hasText: admin.name }).first()).toBeVisible();
    await expect(table).not.toContainText(RAW);

    // A day that does not exist: a Vietnamese message, not an error page.
    await page.getByLabel('Từ ngày').fill('31/02/2026');
    await page.getByRole('button', { name: 'Lọc' }).click();
    const filters = page.getByRole('search', { name: 'Lọc nhật ký' });
    await expect(filters.getByRole('alert')).toContainText('Từ ngày không hợp lệ');
    await expect(page.getByRole('heading', { name: 'Nhật ký', level: 1 })).toBeVisible();

    await page.getByLabel('Hành động').selectOption({ label: 'Tạo chuyên mục' });
    await page.getByLabel('Từ ngày').fill(todayVi());
    await page.getByLabel('Đến ngày').fill(todayVi());
    await page.getByRole('button', { name: 'Lọc' }).click();
    await expect(page).toHaveURL(/hanh-dong=category\.created/);
    await expect(filters.getByRole('alert')).toHaveCount(0);
    await expect(page.getByLabel('Hành động')).toHaveValue('category.created');
    const row = table.getByRole('row').filter({ hasText: categoryName });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('link', { name: categoryName })).toHaveAttribute('href', '/admin/chuyen-muc');
    await expect(row).toContainText(admin.name);
    await expect(row).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await expect(table.getByRole('cell', { name: 'Đăng nhập', exact: true })).toHaveCount(0);
    await expect(table).not.toContainText(RAW);

    // "Tải CSV" carries the filters: only the created categories, Vietnamese intact.
    await expect(page.getByRole('link', { name: 'Tải CSV' })).toHaveAttribute('href', /hanh-dong=category\.created/);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^nhat-ky-\d{8}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Thời gian,Người thực hiện,Hành động,Đối tượng,Chi tiết');
    const line = lines.find((l) => l.includes(categoryName));
    expect(line).toMatch(new RegExp(`^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2},${admin.name},Tạo chuyên mục,${categoryName},`));
    expect(lines.slice(1).filter((l) => l !== '').every((l) => l.includes(',Tạo chuyên mục,'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(RAW);
  });
});
