import { expect, test, type Page } from '@playwright/test';
import { signedIn } from './support/sign-in';

// Demo accounts from db/seed-data/site.ts.
const journalist = { email: 'lamtu@laocai.vn', password: 'PhongVien@2026', name: 'Lâm Tú' };
const moderator = { email: 'bientap@laocai.vn', password: 'BienTap@2026', name: 'Nguyễn Thu Hà' };
const admin = { email: 'quantri@laocai.vn', password: 'QuanTri@2026', name: 'Quản trị hệ thống' };


const body = (page: Page) => page.getByRole('textbox', { name: 'Nội dung' });
const saveStatus = (page: Page) => page.getByTestId('save-status');
const history = (page: Page) => page.getByRole('region', { name: 'Lịch sử phiên bản' });

/** The history table's rows as "number action" (the header row left out). */
async function historyRows(page: Page): Promise<string[]> {
  const rows = history(page).getByRole('row');
  const texts = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].slice(2, 4).map((td) => td.textContent?.trim()).join(' ')));
  return texts;
}

async function newSavedArticle(page: Page, title: string): Promise<number> {
  await page.getByRole('button', { name: 'Viết bài mới' }).click();
  await expect(page).toHaveURL(/\/admin\/bai-viet\/moi$/);
  await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await page.getByLabel('Sapo').fill('Sapo của bài thử.');
  await body(page).click();
  await page.keyboard.type('Đoạn mở đầu của bài.');
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Du lịch' });
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(saveStatus(page)).toHaveText(/^Đã lưu lúc/);
  return Number(page.url().split('/').pop());
}

test.describe('the editor on a busy day', () => {
  const suffix = Date.now().toString(36);

  test('opening an article writes nothing: two people with it open for 10 s see no change and no conflict', async ({ browser }) => {
    test.setTimeout(90_000);
    const writer = await signedIn(browser, journalist);
    const id = await newSavedArticle(writer, `Bài chỉ mở ra xem ${suffix}`);
    await writer.reload();
    const before = await historyRows(writer);
    expect(before.length).toBeGreaterThan(0);

    const editor = await signedIn(browser, moderator);
    const writes: string[] = [];
    for (const page of [writer, editor]) {
      page.on('request', (r) => {
        if (r.method() !== 'GET' && /\/api\/admin\/bai-viet\/\d+$/.test(new URL(r.url()).pathname)) writes.push(`${r.method()} ${r.url()}`);
        if (r.method() === 'POST' && r.headers()['next-action']) writes.push(`action ${r.url()}`);
      });
    }
    await editor.goto(`/admin/bai-viet/${id}`);
    await expect(body(editor)).toContainText('Đoạn mở đầu của bài.');
    await writer.waitForTimeout(10_000);

    for (const page of [writer, editor]) {
      await expect(saveStatus(page)).toHaveText('Chưa có thay đổi');
      await expect(page.getByRole('alertdialog', { name: /Xung đột phiên bản/ })).toHaveCount(0);
    }
    expect(writes).toEqual([]);
    // Each sees the other by their own role.
    await expect(writer.getByText(`Biên tập viên ${moderator.name} đang mở bài này`)).toBeVisible();
    await expect(editor.getByText(`Phóng viên ${journalist.name} đang mở bài này`)).toBeVisible();

    await writer.reload();
    expect(await historyRows(writer)).toEqual(before);
    await editor.context().close();
    await writer.context().close();
  });

  test('"Viết bài mới" writes nothing until the first real change; that save makes the article at its own address', async ({ browser }) => {
    const writer = await signedIn(browser, journalist);
    await writer.goto('/admin/bai-viet');
    const untitled = () => writer.getByRole('link', { name: '(Chưa có tiêu đề)' }).count();
    const rowsBefore = await writer.getByTestId('article-row').count();
    const untitledBefore = await untitled();

    await writer.getByRole('button', { name: 'Viết bài mới' }).click();
    await expect(writer).toHaveURL(/\/admin\/bai-viet\/moi$/);
    await expect(body(writer)).toBeVisible();
    await writer.waitForTimeout(4000);
    await expect(saveStatus(writer)).toHaveText('Chưa có thay đổi');
    await writer.goto('/admin/bai-viet');
    expect(await writer.getByTestId('article-row').count()).toBe(rowsBefore);
    expect(await untitled()).toBe(untitledBefore);

    await writer.getByRole('button', { name: 'Viết bài mới' }).click();
    await body(writer).click();
    await writer.keyboard.type('Một dòng thật.');
    // The autosave after the idle delay is the first real save: the article exists from here on.
    await expect(saveStatus(writer)).toHaveText(/^Đã lưu lúc/, { timeout: 15_000 });
    await expect(writer).toHaveURL(/\/admin\/bai-viet\/\d+$/);
    const id = Number(writer.url().split('/').pop());
    await writer.reload();
    await expect(body(writer)).toHaveText('Một dòng thật.');
    await expect(history(writer).getByRole('row')).not.toHaveCount(0);
    await writer.goto('/admin/bai-viet');
    await expect(writer.locator(`a[href="/admin/bai-viet/${id}"]`)).toHaveCount(1);
  });

  test('text typed right after a link is not part of it', async ({ browser }) => {
    const writer = await signedIn(browser, journalist);
    await writer.getByRole('button', { name: 'Viết bài mới' }).click();
    await body(writer).click();
    await writer.keyboard.type('Xem cổng');
    // Select the word just typed and make it a link.
    for (let i = 0; i < 'cổng'.length; i++) await writer.keyboard.press('Shift+ArrowLeft');
    await writer.getByRole('button', { name: 'Liên kết' }).click();
    await writer.getByLabel('Địa chỉ liên kết').fill('https://laocai.gov.vn');
    await writer.getByRole('button', { name: 'Áp dụng' }).click();
    // The editor has the focus back, the linked word still selected: go to its end and type on.
    // Punctuation right after the word: the case where the old link swallowed what followed.
    await writer.keyboard.press('End');
    await writer.keyboard.type(', thành phố.');
    await expect(body(writer)).toContainText('Xem cổng, thành phố.');
    await expect(body(writer).locator('a')).toHaveText('cổng');

    // A link inserted where nothing is selected (its address becomes its text), then typing on.
    await writer.keyboard.press('Enter');
    await writer.keyboard.type('Chi tiết tại ');
    await writer.getByRole('button', { name: 'Liên kết' }).click();
    await writer.getByLabel('Địa chỉ liên kết').fill('https://laocai.gov.vn/tin-tuc');
    await writer.getByRole('button', { name: 'Áp dụng' }).click();
    await writer.keyboard.type('. Hôm nay');
    await expect(body(writer)).toContainText('Chi tiết tại https://laocai.gov.vn/tin-tuc. Hôm nay');
    await expect(body(writer).locator('a')).toHaveText(['cổng', 'https://laocai.gov.vn/tin-tuc']);
    await writer.context().close();
  });

  test('Ctrl+S does what the main button says: on a published article it is "Cập nhật bài", and the history numbers never repeat', async ({ browser }) => {
    test.setTimeout(120_000);
    const editor = await signedIn(browser, moderator);
    const title = `Bài cập nhật bằng Ctrl+S ${suffix}`;
    await newSavedArticle(editor, title);
    await editor.getByRole('button', { name: 'Xuất bản' }).click();
    await expect(editor.getByTestId('article-status')).toHaveText('Đã xuất bản');
    const main = editor.getByRole('button', { name: 'Cập nhật bài' });
    await expect(main).toBeVisible();
    await expect(main).toHaveAttribute('aria-keyshortcuts', /Control\+S/);
    await expect(main).toContainText('Ctrl+S');

    await body(editor).click();
    await editor.keyboard.press('End');
    await editor.keyboard.type(' Số liệu mới nhất.');
    await editor.keyboard.press('Control+s');
    await expect(saveStatus(editor)).toHaveText(/^Đã lưu lúc/);
    // It went live, as the button says.
    const reader = await (await browser.newContext()).newPage();
    await expect
      .poll(
        async () => {
          await reader.goto('/');
          const href = await reader.getByRole('link', { name: title }).first().getAttribute('href');
          if (!href) return '';
          await reader.goto(href);
          return (await reader.locator('article').first().textContent()) ?? '';
        },
        { timeout: 30_000, intervals: [1_000] },
      )
      .toContain('Số liệu mới nhất.');

    // An autosave after it keeps the live version's number; the history still counts each row once.
    await body(editor).click();
    await editor.keyboard.type(' Đang gõ dở');
    await expect(saveStatus(editor)).toHaveText(/^Đã lưu tạm lúc/, { timeout: 15_000 });
    await editor.reload();
    const rows = await historyRows(editor);
    expect(rows[0]).toMatch(/Tự động lưu$/);
    expect(rows[1]).toMatch(/Cập nhật bài$/);
    const numbers = rows.map((r) => Number(r.split(' ')[0]));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await reader.context().close();
    await editor.context().close();
  });

  test('scheduling in dd/mm/yyyy HH:mm (Vietnam time), shown in the editor and the list; changed, cancelled, then published now', async ({ browser }) => {
    test.setTimeout(120_000);
    const editor = await signedIn(browser, moderator);
    const title = `Bài hẹn giờ ${suffix}`;
    const id = await newSavedArticle(editor, title);
    const field = editor.getByLabel('Giờ đăng (giờ Việt Nam)');
    const year = new Date().getFullYear() + 1;

    // What the browser's own date input cannot hold is refused in Vietnamese, and nothing is scheduled.
    await field.fill('12/31/2027 8:00 PM');
    await expect(editor.getByText('Chưa đúng dạng ngày/tháng/năm giờ:phút, ví dụ 03/12/2026 08:00.')).toBeVisible();
    await editor.getByRole('button', { name: 'Hẹn giờ', exact: true }).click();
    await expect(editor.getByText('Giờ đăng chưa đúng dạng ngày/tháng/năm giờ:phút, ví dụ 03/12/2026 08:00.')).toBeVisible();
    await expect(editor.getByTestId('article-status')).toHaveText('Nháp');

    // The month grid starts on Monday and fills the day, keeping the typed time.
    await field.fill(`03/12/${year} 08:00`);
    await editor.getByRole('button', { name: 'Lịch' }).click();
    const calendar = editor.getByRole('group', { name: `Chọn ngày, tháng 12/${year}` });
    await expect(calendar).toBeVisible();
    await calendar.getByRole('button', { name: new RegExp(`, 04/12/${year}$`) }).click();
    await expect(field).toHaveValue(`04/12/${year} 08:00`);
    await editor.getByRole('button', { name: 'Hẹn giờ', exact: true }).click();
    await expect(editor.getByTestId('article-status')).toHaveText('Hẹn giờ');
    const expected = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', weekday: 'long' }).format(new Date(`${year}-12-04T01:00:00Z`));
    await expect(editor.getByTestId('schedule-notice')).toHaveText(`Hẹn giờ: ${expected}, 04/12/${year} 08:00`);

    // The article list says when.
    await editor.goto('/admin/bai-viet');
    const row = editor.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText(`Hẹn giờ: ${expected}, 04/12/${year} 08:00`);

    // Change the time.
    await editor.goto(`/admin/bai-viet/${id}`);
    await expect(field).toHaveValue(`04/12/${year} 08:00`);
    await field.fill(`05/12/${year} 09:30`);
    await editor.getByRole('button', { name: 'Đổi giờ đăng' }).click();
    await expect(editor.getByTestId('schedule-notice')).toContainText(`05/12/${year} 09:30`);

    // Cancel: back to the review queue.
    await editor.getByRole('button', { name: 'Hủy hẹn giờ' }).click();
    await expect(editor.getByTestId('article-status')).toHaveText('Chờ duyệt');
    await expect(editor.getByTestId('schedule-notice')).toHaveCount(0);

    // Schedule again and publish now.
    await field.fill(`05/12/${year} 09:30`);
    await editor.getByRole('button', { name: 'Hẹn giờ', exact: true }).click();
    await expect(editor.getByTestId('article-status')).toHaveText('Hẹn giờ');
    await editor.getByRole('button', { name: 'Xuất bản ngay' }).click();
    await expect(editor.getByTestId('article-status')).toHaveText('Đã xuất bản');
    const reader = await (await browser.newContext()).newPage();
    await expect
      .poll(
        async () => {
          await reader.goto('/');
          return reader.getByRole('link', { name: title }).count();
        },
        { timeout: 30_000, intervals: [1_000] },
      )
      .toBeGreaterThan(0);
    await reader.context().close();
    await editor.context().close();
  });

  test('the statistics baseline is accepted as "1.784.275" and the footer shows it that way', async ({ browser }) => {
    const page = await signedIn(browser, admin);
    await page.goto('/admin/cai-dat');
    const field = page.getByLabel(/Số lượt truy cập của cổng cũ/);
    const original = await field.inputValue();
    try {
      await field.fill('1,5');
      await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
      await expect(page.getByText('Số lượt truy cập của cổng cũ phải là một số nguyên, ví dụ 1.784.275.')).toBeVisible();

      await field.fill('1.784.275');
      await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
      await expect(page.getByText('Đã lưu cài đặt.')).toBeVisible();
      await page.reload();
      await expect(field).toHaveValue('1.784.275');

      // The footer's figure, refreshed by the page's script, grouped as vi-VN writes it.
      const reader = await (await browser.newContext()).newPage();
      await expect
        .poll(
          async () => {
            const summary = reader.waitForResponse((r) => r.url().includes('/api/visits/summary'));
            await reader.goto('/');
            await reader.getByTestId('visit-stats').scrollIntoViewIfNeeded();
            await summary;
            await reader.waitForTimeout(300);
            return (await reader.locator('[data-stat="total"]').textContent()) ?? '';
          },
          { timeout: 30_000, intervals: [1_000] },
        )
        .toMatch(/^1\.78\d\.\d{3}$/);
      await reader.context().close();
    } finally {
      await field.fill(original);
      await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
      await expect(page.getByText('Đã lưu cài đặt.')).toBeVisible();
      await page.context().close();
    }
  });
});
