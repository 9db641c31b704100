import { expect, test, type Page } from '@playwright/test';
import { signedIn } from './support/sign-in';

// Demo accounts from db/seed-data/site.ts.
const journalist = { email: 'lamtu@laocai.vn', password: 'PhongVien@2026' };
const moderator = { email: 'bientap@laocai.vn', password: 'BienTap@2026' };

const status = (page: Page) => page.getByTestId('article-status');

async function newArticle(page: Page, title: string, category: string | null): Promise<number> {
  await page.goto('/admin/bai-viet');
  await page.getByRole('button', { name: 'Viết bài mới' }).click();
  await expect(page).toHaveURL(/\/admin\/bai-viet\/moi$/);
  await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Nội dung' }).click();
  await page.keyboard.type('Nội dung của bài thử.');
  if (category) await page.getByLabel('Chuyên mục').selectOption({ label: category });
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByTestId('save-status')).toHaveText(/^Đã lưu lúc/);
  return Number(page.url().split('/').pop());
}

test.describe('lists, trash and bulk work', () => {
  const suffix = Date.now().toString(36);

  test('a journalist withdraws a submission and deletes the draft; an editor restores it from the trash', async ({ browser }) => {
    const writer = await signedIn(browser, journalist);
    const title = `Bài sẽ vào thùng rác ${suffix}`;
    await newArticle(writer, title, 'Du lịch');
    await writer.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(status(writer)).toHaveText('Chờ duyệt');
    await writer.getByRole('button', { name: 'Rút lại' }).click();
    await expect(status(writer)).toHaveText('Nháp');

    writer.once('dialog', (dialog) => void dialog.accept());
    await writer.getByRole('button', { name: 'Xóa bài' }).click();
    await expect(writer).toHaveURL(/\/admin\/bai-viet$/);
    await expect(writer.getByRole('link', { name: title })).toHaveCount(0);

    const editor = await signedIn(browser, moderator);
    await editor.goto('/admin/bai-viet');
    await editor.getByRole('link', { name: 'Thùng rác' }).click();
    const row = editor.getByTestId('trash-list').getByRole('listitem').filter({ hasText: title });
    await expect(row).toContainText('còn 30 ngày');
    await row.getByRole('button', { name: 'Khôi phục' }).click();
    // Restored: the row leaves the trash as the page refreshes.
    await expect(row).toHaveCount(0);
    await editor.goto(`/admin/bai-viet?q=${encodeURIComponent(suffix)}`);
    await expect(editor.getByRole('link', { name: title })).toBeVisible();
  });

  test('an editor publishes two articles at once: each one is reported, the incomplete one refused', async ({ browser }) => {
    const editor = await signedIn(browser, moderator);
    const ready = `Bài đủ điều kiện ${suffix}`;
    const incomplete = `Bài thiếu chuyên mục ${suffix}`;
    await newArticle(editor, ready, 'Du lịch');
    await newArticle(editor, incomplete, null);

    await editor.goto(`/admin/bai-viet?status=draft&q=${encodeURIComponent(suffix)}`);
    await editor.getByRole('checkbox', { name: `Chọn bài ${ready}` }).check();
    await editor.getByRole('checkbox', { name: `Chọn bài ${incomplete}` }).check();
    await editor.getByLabel('Với các bài đã chọn').selectOption({ label: 'Xuất bản' });
    editor.once('dialog', (dialog) => void dialog.accept());
    await editor.getByRole('button', { name: 'Áp dụng' }).click();

    const report = editor.getByTestId('bulk-report');
    await expect(report).toContainText('1 bài thành công, 1 bài không thực hiện được.');
    await expect(report.getByRole('listitem').filter({ hasText: ready })).toContainText('✓');
    await expect(report.getByRole('listitem').filter({ hasText: incomplete })).toContainText('Hãy chọn chuyên mục');
    await editor.goto(`/admin/bai-viet?status=published&q=${encodeURIComponent(suffix)}`);
    await expect(editor.getByRole('link', { name: ready })).toBeVisible();
    await expect(editor.getByRole('link', { name: incomplete })).toHaveCount(0);
  });

  test('the list sorts by a column header, and "Chọn tất cả" ticks every row', async ({ browser }) => {
    const editor = await signedIn(browser, moderator);
    await editor.goto('/admin/bai-viet');
    await editor.getByRole('link', { name: 'Sắp xếp theo lượt xem' }).click();
    await expect(editor).toHaveURL(/sort=luot-xem/);
    await expect(editor.getByRole('columnheader', { name: /lượt xem/i })).toHaveAttribute('aria-sort', 'descending');
    const views = await editor
      .getByTestId('article-row')
      .evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll('td')[6]?.textContent?.replace(/\./g, '') ?? '0')));
    expect(views.length).toBeGreaterThan(1);
    expect([...views].sort((a, b) => b - a)).toEqual(views);

    await editor.getByRole('checkbox', { name: 'Chọn tất cả bài trên trang' }).check();
    const boxes = editor.getByRole('checkbox', { name: /^Chọn bài / });
    const count = await boxes.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i += 1) await expect(boxes.nth(i)).toBeChecked();
  });
});
