import { expect, test } from '@playwright/test';
import { signedIn } from './support/sign-in';

// Demo accounts from db/seed-data/site.ts.
const journalist = { email: 'lamtu@laocai.vn', password: 'PhongVien@2026' };
const moderator = { email: 'bientap@laocai.vn', password: 'BienTap@2026' };

test.describe('notifications and the editorial thread', () => {
  const suffix = Date.now().toString(36);

  test('the editor’s bell counts a submission without a reload; a return note opens the thread, and the author answers', async ({ browser }) => {
    test.setTimeout(120_000);
    const editor = await signedIn(browser, moderator);
    await editor.goto('/admin');
    const count = async () => Number((await editor.getByTestId('notification-count').textContent({ timeout: 1000 }).catch(() => '0')) || '0');
    await expect(editor.getByTestId('notification-bell')).toBeVisible();
    await editor.waitForTimeout(1500);
    const before = await count();

    const writer = await signedIn(browser, journalist);
    const title = `Bài chờ thông báo ${suffix}`;
    await writer.goto('/admin/bai-viet');
    await writer.getByRole('button', { name: 'Viết bài mới' }).click();
    await expect(writer).toHaveURL(/\/admin\/bai-viet\/moi$/);
    await writer.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await writer.getByRole('textbox', { name: 'Nội dung' }).click();
    await writer.keyboard.type('Nội dung bài chờ thông báo.');
    await writer.getByLabel('Chuyên mục').selectOption({ label: 'Du lịch' });
    await writer.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(writer.getByTestId('save-status')).toHaveText(/^Đã lưu lúc/);
    await writer.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(writer.getByTestId('article-status')).toHaveText('Chờ duyệt');
    const articleUrl = writer.url();

    // The open admin page asks again every 20 s: the count moves without a reload.
    await expect.poll(count, { timeout: 30_000, intervals: [1000] }).toBe(before + 1);
    await editor.getByTestId('notification-bell').click();
    const panel = editor.getByRole('region', { name: 'Thông báo' });
    await panel.getByRole('link', { name: new RegExp(`gửi duyệt bài «${title}»`) }).click();
    await expect(editor).toHaveURL(articleUrl);

    await editor.getByLabel('Lý do trả lại').fill('Cần thêm ảnh hiện trường.');
    await editor.getByRole('button', { name: 'Trả lại' }).click();
    await expect(editor.getByTestId('article-status')).toHaveText('Bị trả lại');

    await writer.reload();
    const thread = writer.getByRole('region', { name: /Trao đổi/ });
    await expect(thread.getByTestId('comment-list')).toContainText('Lý do trả lại');
    await expect(thread.getByTestId('comment-list')).toContainText('Cần thêm ảnh hiện trường.');
    await thread.getByLabel('Viết trao đổi').fill('Em đã bổ sung ảnh.');
    await thread.getByRole('button', { name: 'Gửi trao đổi' }).click();
    await expect(thread.getByTestId('comment-list')).toContainText('Em đã bổ sung ảnh.');

    // The writer was told of the return; the editor, now following the article, of the reply.
    await writer.getByTestId('notification-bell').click();
    await expect(writer.getByRole('region', { name: 'Thông báo' })).toContainText(`trả lại bài «${title}»`);
    await editor.reload();
    await editor.getByTestId('notification-bell').click();
    await expect(editor.getByRole('region', { name: 'Thông báo' })).toContainText(`bình luận về bài «${title}»`);
  });
});
