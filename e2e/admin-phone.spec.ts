import { expect, test, type Browser, type Page } from '@playwright/test';
import { signedIn } from './support/sign-in';

// Demo accounts from db/seed-data/site.ts.
const journalist = { email: 'lamtu@laocai.vn', password: 'PhongVien@2026' };
const moderator = { email: 'bientap@laocai.vn', password: 'BienTap@2026' };
const admin = { email: 'quantri@laocai.vn', password: 'QuanTri@2026' };
const PHONE = { width: 390, height: 844 };

async function onPhone(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const page = await signedIn(browser, account);
  await page.setViewportSize(PHONE);
  return page;
}

/** The page is no wider than the screen: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${where}: ${scroll}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
}

test.describe('the admin on a phone (390×844) @mobile', () => {
  const suffix = Date.now().toString(36);

  test('a journalist writes and submits, a moderator publishes, and no admin page scrolls sideways', async ({ browser }) => {
    test.setTimeout(120_000);
    const writer = await onPhone(browser, journalist);
    await writer.goto('/admin');
    await expectNoSidewaysScroll(writer, 'Tổng quan');
    await writer.goto('/admin/bai-viet');
    await expectNoSidewaysScroll(writer, 'Bài viết');
    // Rows are cards: no table header row on a phone.
    await expect(writer.getByRole('columnheader', { name: /Tiêu đề/ })).toHaveCount(0);

    await writer.getByRole('button', { name: 'Viết bài mới' }).click();
    await expect(writer).toHaveURL(/\/admin\/bai-viet\/moi$/);
    const title = `Bài viết trên điện thoại ${suffix}`;
    await writer.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await writer.getByRole('textbox', { name: 'Nội dung' }).click();
    await writer.keyboard.type('Viết từ điện thoại, giữa hiện trường.');
    await writer.getByLabel('Chuyên mục').selectOption({ label: 'Du lịch' });
    await expectNoSidewaysScroll(writer, 'trình soạn thảo');

    // One row of formatting buttons, the rest behind "Thêm…".
    const toolbar = writer.getByRole('toolbar', { name: 'Định dạng' });
    await expect(toolbar.getByRole('button', { name: 'Trích dẫn' })).toBeHidden();
    await toolbar.getByRole('button', { name: 'Thêm…' }).click();
    await expect(toolbar.getByRole('button', { name: 'Trích dẫn' })).toBeVisible();
    await toolbar.getByRole('button', { name: 'Thu gọn' }).click();

    // The bar at the bottom stays on screen while the page is scrolled.
    const bar = writer.getByRole('region', { name: 'Thao tác nhanh' });
    await writer.mouse.wheel(0, 3000);
    await expect(bar).toBeInViewport();
    await bar.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(writer.getByTestId('save-status')).toHaveText(/^Đã lưu lúc/);
    await bar.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(writer.getByTestId('article-status')).toHaveText('Chờ duyệt');
    const articlePath = new URL(writer.url()).pathname;

    const editor = await onPhone(browser, moderator);
    for (const [path, name] of [
      ['/admin/cho-duyet', 'Chờ duyệt'],
      ['/admin/thong-ke', 'Thống kê'],
      ['/admin/thu-vien-anh', 'Thư viện ảnh'],
    ] as const) {
      await editor.goto(path);
      await expectNoSidewaysScroll(editor, name);
    }
    await editor.goto(articlePath);
    await expect(editor.getByTestId('article-status')).toHaveText('Chờ duyệt');
    await editor.getByRole('region', { name: 'Thao tác nhanh' }).getByRole('button', { name: 'Xuất bản' }).click();
    await expect(editor.getByTestId('article-status')).toHaveText('Đã xuất bản');
    await expectNoSidewaysScroll(editor, 'bài đã xuất bản');

    const owner = await onPhone(browser, admin);
    for (const [path, name] of [
      ['/admin/nhat-ky', 'Nhật ký'],
      ['/admin/nguoi-dung', 'Người dùng'],
      ['/admin/chuyen-muc', 'Chuyên mục'],
      ['/admin/chuyen-huong', 'Chuyển hướng'],
      ['/admin/cai-dat', 'Cài đặt'],
      ['/admin/bai-viet/thung-rac', 'Thùng rác'],
    ] as const) {
      await owner.goto(path);
      await expectNoSidewaysScroll(owner, name);
    }
  });
});
