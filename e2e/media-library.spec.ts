import { expect, test, type Locator } from '@playwright/test';
import sharp from 'sharp';
import { signedIn } from './support/sign-in';

// Demo accounts from db/seed-data/site.ts.
const journalist = { email: 'lamtu@laocai.vn', password: 'PhongVien@2026' };
const moderator = { email: 'bientap@laocai.vn', password: 'BienTap@2026' };

/** A `<progress>` that has reached its end. */
async function expectComplete(progress: Locator) {
  await expect.poll(() => progress.evaluate((p: HTMLProgressElement) => p.max > 0 && p.value === p.max)).toBe(true);
}

test.describe('the media library', () => {
  const suffix = Date.now().toString(36);
  const first = `cho-phien-bac-ha-${suffix}.png`;
  const second = `ruong-bac-thang-${suffix}.jpg`;
  const caption = `Chợ phiên Bắc Hà ${suffix}`;

  test('a journalist uploads two photos at once and edits one; a moderator deletes it once it is unused', async ({ browser }) => {
    test.setTimeout(180_000);
    const writer = await signedIn(browser, journalist);
    await writer.goto('/admin/thu-vien-anh');
    await expect(writer.getByRole('heading', { level: 1 })).toHaveText('Thư viện ảnh');

    // The file button is ours, in Vietnamese: a label over a visually hidden input, never the browser's "Choose file".
    const dropZone = writer.getByTestId('media-drop-zone');
    await expect(dropZone.getByText('Kéo thả ảnh vào đây hoặc')).toBeVisible();
    const button = dropZone.locator('label', { hasText: 'Chọn ảnh' });
    await expect(button).toBeVisible();
    await expect(button).toHaveText('Chọn ảnh');
    const fileInput = writer.getByLabel('Chọn ảnh', { exact: true });
    await expect(fileInput).toHaveAttribute('type', 'file');
    await expect(fileInput).toHaveAttribute('multiple', '');
    const inputBox = await fileInput.boundingBox();
    expect(inputBox === null || (inputBox.width <= 1 && inputBox.height <= 1)).toBe(true);

    // Two files at once; each is its own request with its own progress.
    const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#1d6f42' } }).png().toBuffer();
    const jpeg = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#b83280' } }).jpeg().toBuffer();
    await fileInput.setInputFiles([
      { name: first, mimeType: 'image/png', buffer: png },
      { name: second, mimeType: 'image/jpeg', buffer: jpeg },
    ]);
    const rows = writer.getByTestId('upload-item');
    await expect(rows).toHaveCount(2);
    for (const name of [first, second]) {
      const row = rows.filter({ hasText: name });
      await expect(row.getByTestId('upload-status')).toHaveText('Đã tải lên', { timeout: 30_000 });
      await expectComplete(row.getByRole('progressbar', { name: `Tiến độ tải lên ${name}` }));
    }

    // Words typed for one file right in the list, saved after its upload.
    const secondRow = rows.filter({ hasText: second });
    await secondRow.getByLabel('Chú thích', { exact: true }).fill(`Ruộng bậc thang ${suffix}`);
    await secondRow.getByRole('button', { name: /^Lưu thông tin/ }).click();
    await expect(secondRow.getByRole('status').filter({ hasText: 'Đã lưu thông tin ảnh.' })).toBeVisible();

    // The first opens its own page: caption, credit, focal point.
    await rows.filter({ hasText: first }).getByRole('link', { name: /^Sửa chi tiết/ }).click();
    await expect(writer).toHaveURL(/\/admin\/thu-vien-anh\/\d+$/);
    const editUrl = new URL(writer.url()).pathname;
    await expect(writer.getByRole('heading', { level: 1 })).toHaveText('Sửa thông tin ảnh');
    await writer.getByLabel('Chú thích', { exact: true }).fill(caption);
    await writer.getByLabel('Mô tả ảnh cho người khiếm thị').fill('Người dân mua bán ở chợ phiên');
    await writer.getByLabel('Nguồn ảnh / Tác giả ảnh').fill('Lâm Tú');

    // A click on the image sets the point; the arrow keys move it; the two fields set it exactly.
    const picker = writer.getByTestId('focal-point-picker');
    // Its size is the image's: wait until the image is there.
    await expect.poll(() => picker.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const box = (await picker.boundingBox())!;
    await picker.click({ position: { x: box.width * 0.8, y: box.height * 0.3 } });
    const across = writer.getByLabel('Điểm lấy nét, ngang (%)');
    const down = writer.getByLabel('Điểm lấy nét, dọc (%)');
    await expect.poll(async () => Number(await across.inputValue())).toBeGreaterThan(75);
    await expect.poll(async () => Number(await down.inputValue())).toBeLessThan(35);
    const clicked = Number(await across.inputValue());
    await picker.focus();
    await writer.keyboard.press('ArrowLeft');
    await expect.poll(async () => Number(await across.inputValue())).toBeCloseTo(clicked - 1, 1);
    await across.fill('75');
    await down.fill('30');
    await expect(writer.getByText('Điểm lấy nét mới chưa được lưu.', { exact: false })).toBeVisible();
    await writer.getByRole('button', { name: 'Lưu thông tin ảnh' }).click();
    await expect(writer.getByRole('status').filter({ hasText: 'Đã lưu thông tin ảnh.' })).toBeVisible();

    // The crops were made around the new point, under names that carry it.
    const wide = writer.getByRole('link', { name: 'Mở ảnh cắt 16:9' });
    await expect(wide).toHaveAttribute('href', /-c16x9-f750-300\.png$/);
    const crop = await writer.request.get((await wide.getAttribute('href'))!);
    expect(crop.status()).toBe(200);
    expect(crop.headers()['content-type']).toBe('image/png');
    await expect(writer.getByTestId('crop-previews').getByRole('figure')).toHaveCount(3);

    // Unused, but a journalist may not delete.
    await expect(writer.getByTestId('media-usage-empty')).toHaveText('Chưa dùng trong bài viết nào.');
    await expect(writer.getByRole('button', { name: 'Xóa ảnh' })).toBeDisabled();
    await expect(writer.getByText('Chỉ biên tập viên mới xóa được ảnh khỏi thư viện.')).toBeVisible();

    // The moderator sees the saved words and deletes it.
    const editor = await signedIn(browser, moderator);
    await editor.goto(editUrl);
    await expect(editor.getByLabel('Chú thích', { exact: true })).toHaveValue(caption);
    await expect(editor.getByLabel('Nguồn ảnh / Tác giả ảnh')).toHaveValue('Lâm Tú');
    await expect(editor.getByLabel('Điểm lấy nét, ngang (%)')).toHaveValue('75');
    await expect(editor.getByTestId('media-usage-empty')).toHaveText('Chưa dùng trong bài viết nào.');
    const original = await editor.getByRole('link', { name: 'Mở ảnh gốc' }).getAttribute('href');
    const deleteButton = editor.getByRole('button', { name: 'Xóa ảnh' });
    await expect(deleteButton).toBeEnabled();
    editor.once('dialog', (dialog) => void dialog.accept());
    await deleteButton.click();
    await expect(editor).toHaveURL(/\/admin\/thu-vien-anh$/);
    await editor.getByLabel('Tìm theo chú thích').fill(caption);
    await editor.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect(editor.getByText('Chưa có ảnh phù hợp.')).toBeVisible();
    expect((await editor.request.get(original!)).status()).toBe(404);
    expect((await editor.request.get(editUrl)).status()).toBe(404);
  });
});
