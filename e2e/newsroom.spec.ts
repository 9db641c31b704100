import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { signedIn } from './support/sign-in';

// Demo accounts from db/seed-data/site.ts.
const journalist = { email: 'lamtu@laocai.vn', password: 'PhongVien@2026' };
const moderator = { email: 'bientap@laocai.vn', password: 'BienTap@2026' };


/** "Viết bài mới": an empty editor; no article exists until its first save. */
async function openNewArticle(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Viết bài mới' }).click();
  await expect(page).toHaveURL(/\/admin\/bai-viet\/moi$/);
  await expect(page.getByRole('textbox', { name: 'Nội dung' })).toBeVisible();
}

/** A new article made real by a first save (a title), at its own address; returns its id. */
async function newArticle(page: Page): Promise<number> {
  await openNewArticle(page);
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Bài nháp');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page).toHaveURL(/\/admin\/bai-viet\/\d+$/);
  return Number(page.url().split('/').pop());
}

const body = (page: Page) => page.getByRole('textbox', { name: 'Nội dung' });
const saveStatus = (page: Page) => page.getByTestId('save-status');
const articleStatus = (page: Page) => page.getByTestId('article-status');

test.describe('the newsroom', () => {
  const suffix = Date.now().toString(36);
  const title = `Lễ hội hoa tam giác mạch Y Tý ${suffix}`;
  const note = 'Cần thêm nguồn ảnh và tên tác giả ảnh.';

  test('a journalist writes, a moderator returns, the journalist fixes, the moderator publishes, readers find it', async ({ browser }) => {
    test.setTimeout(240_000);
    const writer = await signedIn(browser, journalist);
    const id = await newArticle(writer);

    await writer.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await writer.getByLabel('Sapo').fill('Mùa hoa tam giác mạch nở rộ trên vùng cao Bát Xát, thu hút đông đảo du khách.');
    await body(writer).click();
    await writer.getByRole('button', { name: 'Tiêu đề 2' }).click();
    await writer.keyboard.type('Toàn cảnh lễ hội');
    await writer.keyboard.press('Enter');
    await writer.keyboard.type('Đoàn khách đến Y Tý từ sáng sớm. ');
    await writer.keyboard.press('Enter');
    await writer.getByRole('button', { name: '• Danh sách' }).click();
    await writer.keyboard.type('Ngày thứ nhất: khai mạc');
    await writer.keyboard.press('Enter');
    await writer.keyboard.type('Ngày thứ hai: chợ phiên');
    await writer.keyboard.press('Enter');
    await writer.keyboard.press('Enter');
    await writer.keyboard.type('Xem thêm tại ');
    await writer.getByRole('button', { name: 'Liên kết' }).click();
    await writer.getByLabel('Địa chỉ liên kết').fill('https://laocai.gov.vn');
    await writer.getByRole('button', { name: 'Áp dụng' }).click();

    // An uploaded image with a caption.
    await writer.getByRole('button', { name: 'Chèn ảnh' }).click();
    const dialog = writer.getByRole('dialog', { name: 'Chèn ảnh' });
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#b83280' } }).png().toBuffer();
    await dialog.getByLabel(/Tệp ảnh/).setInputFiles({ name: 'tam-giac-mach.png', mimeType: 'image/png', buffer: png });
    await dialog.getByLabel('Chú thích', { exact: true }).fill('Hoa tam giác mạch ở Y Tý');
    await dialog.getByRole('button', { name: 'Tải lên' }).click();
    await expect(body(writer).locator('img[src^="/media/"]')).toBeVisible();

    await writer.getByLabel('Chuyên mục').selectOption({ label: 'Du lịch' });
    await writer.getByLabel(/^Thẻ/).fill('Y Tý, Tam giác mạch');
    await writer.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(saveStatus(writer)).toHaveText(/^Đã lưu lúc \d{2}:\d{2}$/);
    await expect(writer.getByTestId('word-count')).toContainText('từ');

    await writer.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(articleStatus(writer)).toHaveText('Chờ duyệt');
    await expect(writer.getByLabel('Tiêu đề', { exact: true })).toBeDisabled();

    // The moderator finds it in the queue and returns it with a note.
    const editor = await signedIn(browser, moderator);
    await expect(editor.getByTestId('pending-count')).toContainText(/Chờ duyệt: [1-9]/);
    await editor.getByRole('navigation', { name: 'Quản trị tòa soạn' }).getByRole('link', { name: 'Chờ duyệt' }).click();
    await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Chờ duyệt');
    await editor.getByRole('link', { name: title }).click();
    await expect(editor).toHaveURL(new RegExp(`/admin/bai-viet/${id}$`));
    await editor.getByLabel('Lý do trả lại').fill(note);
    await editor.getByRole('button', { name: 'Trả lại' }).click();
    await expect(articleStatus(editor)).toHaveText('Bị trả lại');

    // The journalist sees the note on the dashboard, fixes and resubmits.
    await writer.goto('/admin');
    await expect(writer.getByText(note).first()).toBeVisible();
    await writer.getByRole('link', { name: title }).first().click();
    await expect(writer.getByRole('note').filter({ hasText: note })).toBeVisible();
    // Reuse the uploaded image from the library as the cover.
    await writer.getByRole('button', { name: 'Chọn ảnh đại diện' }).click();
    const library = writer.getByRole('dialog', { name: 'Chọn ảnh đại diện' });
    await library.getByLabel('Tìm trong thư viện theo chú thích').fill('tam giac mach y ty');
    await library.getByRole('button', { name: /Hoa tam giác mạch ở Y Tý/ }).first().click();
    await expect(writer.getByAltText('Ảnh đại diện')).toBeVisible();
    await writer.getByLabel('Chú thích ảnh đại diện').fill('Ảnh: Lâm Tú');
    await writer.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(articleStatus(writer)).toHaveText('Nháp');
    await writer.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(articleStatus(writer)).toHaveText('Chờ duyệt');

    // The moderator publishes.
    await editor.reload();
    await expect(articleStatus(editor)).toHaveText('Chờ duyệt');
    await editor.getByRole('button', { name: 'Xuất bản' }).click();
    await expect(articleStatus(editor)).toHaveText('Đã xuất bản');

    // A reader finds it on the home page, in its category, in search and in the feed.
    const reader = await (await browser.newContext()).newPage();
    await reader.goto('/');
    await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
    await reader.goto('/chuyen-muc/du-lich');
    await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
    await reader.goto(`/tim-kiem?q=${encodeURIComponent(`tam giac mach ${suffix}`)}`);
    await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
    const rss = await reader.request.get('/rss.xml');
    expect(await rss.text()).toContain(title);

    await reader.getByRole('link', { name: title }).first().click();
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
    const article = reader.locator('.article-body');
    await expect(article.getByRole('heading', { level: 2, name: 'Toàn cảnh lễ hội' })).toBeVisible();
    await expect(article.getByRole('listitem')).toHaveCount(2);
    await expect(article.getByRole('link', { name: 'https://laocai.gov.vn' })).toHaveAttribute('rel', 'noopener noreferrer');
    const cover = reader.locator('article figure img').first();
    await expect(cover).toBeVisible();
    expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(reader.locator('article figure figcaption').first()).toHaveText('Ảnh: Lâm Tú');
    await article.locator('figure img').scrollIntoViewIfNeeded();
    await expect(article.locator('figure img[src^="/media/"]')).toBeVisible();
    await expect(article.locator('figcaption')).toHaveText('Hoa tam giác mạch ở Y Tý');
    const image = await reader.request.get((await article.locator('figure img').getAttribute('src'))!);
    expect(image.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('two editors on the same article: the second save gets the conflict, with both versions', async ({ browser }) => {
    test.setTimeout(120_000);
    const first = await signedIn(browser, moderator);
    const id = await newArticle(first);
    await first.getByLabel('Tiêu đề', { exact: true }).fill(`Bài hai người cùng sửa ${suffix}`);
    await first.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(saveStatus(first)).toHaveText(/^Đã lưu lúc/);

    const second = await signedIn(browser, moderator);
    await second.goto(`/admin/bai-viet/${id}`);
    await expect(second.getByLabel('Tiêu đề', { exact: true })).toHaveValue(`Bài hai người cùng sửa ${suffix}`);

    await first.getByLabel('Sapo').fill('Bản của cửa sổ thứ nhất.');
    await first.keyboard.press('Control+s');
    await expect(saveStatus(first)).toHaveText(/^Đã lưu lúc/);

    await second.getByLabel('Sapo').fill('Bản của cửa sổ thứ hai.');
    await second.getByRole('button', { name: 'Lưu nháp' }).click();
    const conflict = second.getByRole('alertdialog', { name: /Xung đột phiên bản/ });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('article', { name: 'Bản trên máy chủ' })).toContainText('Bản của cửa sổ thứ nhất.');
    await expect(conflict.getByRole('article', { name: 'Bản của bạn' })).toContainText('Bản của cửa sổ thứ hai.');
    await expect(conflict.getByRole('button', { name: 'Sao chép bản của tôi' })).toBeVisible();
    // Nothing was overwritten.
    await first.reload();
    await expect(first.getByLabel('Sapo')).toHaveValue('Bản của cửa sổ thứ nhất.');
  });

  test("a journalist opening someone else's article gets a 404", async ({ browser }) => {
    const owner = await signedIn(browser, moderator);
    const id = await newArticle(owner);
    const writer = await signedIn(browser, journalist);
    const response = await writer.goto(`/admin/bai-viet/${id}`);
    expect(response?.status()).toBe(404);
    await expect(writer.getByRole('textbox', { name: 'Nội dung' })).toHaveCount(0);
  });

  test('Vietnamese IME composition is neither lost nor doubled by autosave', async ({ browser }) => {
    test.setTimeout(90_000);
    const writer = await signedIn(browser, journalist);
    await openNewArticle(writer);
    await writer.getByLabel('Tiêu đề', { exact: true }).fill(`Gõ Telex ${suffix}`);
    await body(writer).click();
    await writer.keyboard.type('Xin chào ');
    const cdp = await writer.context().newCDPSession(writer);
    // Telex "tieengs" → "tiếng": the input method composes, then commits.
    for (const step of ['t', 'ti', 'tie', 'tiê', 'tiên', 'tiếng']) {
      await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
      await writer.waitForTimeout(150);
    }
    // Idle long enough for an autosave while still composing: it must wait.
    await writer.waitForTimeout(3500);
    await cdp.send('Input.insertText', { text: 'tiếng' });
    await writer.keyboard.type(' Việt');
    await expect(saveStatus(writer)).toHaveText(/^Đã lưu lúc/, { timeout: 15_000 });
    await expect(body(writer)).toHaveText('Xin chào tiếng Việt');
    await writer.reload();
    await expect(body(writer)).toHaveText('Xin chào tiếng Việt');
  });

  test('pasting from Word or Google Docs keeps the structure and drops the styling', async ({ browser }) => {
    const writer = await signedIn(browser, journalist);
    await openNewArticle(writer);
    await body(writer).click();
    const googleDocs =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234abcd">' +
      '<h2 dir="ltr" style="line-height:1.38;margin-top:18pt"><span style="font-size:16pt;font-family:Arial;color:#000000;font-weight:400">Kết quả nổi bật</span></h2>' +
      '<p dir="ltr" style="line-height:1.38"><span style="font-size:11pt;font-family:Arial;color:#ff0000">Năm nay có </span><span style="font-size:11pt;font-weight:700">ba điểm mới</span><span style="font-size:11pt"> đáng chú ý.</span></p>' +
      '<ul style="margin-top:0"><li dir="ltr" style="list-style-type:disc"><p dir="ltr"><span style="font-size:11pt">Điểm một</span></p></li><li dir="ltr"><p dir="ltr"><span style="font-size:11pt">Điểm hai</span></p></li></ul>' +
      '</b>';
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>' +
      '<p class="MsoNormal" style="margin-bottom:8pt"><span style="font-family:Calibri">Đoạn văn từ Word<o:p></o:p></span></p>' +
      '<p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Mục Word một</p>' +
      '<p class="MsoListParagraphCxSpLast" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Mục Word hai</p>' +
      '</body></html>';
    const paste = (html: string) =>
      body(writer).evaluate((el, data) => {
        const transfer = new DataTransfer();
        transfer.setData('text/html', data);
        transfer.setData('text/plain', 'x');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      }, html);
    const editor = body(writer);

    await paste(googleDocs);
    await expect(editor.locator('h2')).toHaveText('Kết quả nổi bật');
    await expect(editor.locator('strong')).toHaveText('ba điểm mới');
    await expect(editor.locator('p', { hasText: 'Năm nay có' })).toHaveText('Năm nay có ba điểm mới đáng chú ý.');
    await expect(editor.locator('ul li')).toHaveText(['Điểm một', 'Điểm hai']);
    expect(await editor.locator('[style], [id], [dir]').count()).toBe(0);

    await writer.keyboard.press('Control+a');
    await writer.keyboard.press('Delete');
    await paste(word);
    await expect(editor.getByText('Đoạn văn từ Word')).toBeVisible();
    await expect(editor.locator('ul li')).toHaveText(['Mục Word một', 'Mục Word hai']);
    expect(await editor.locator('[style], [class*="Mso"]').count()).toBe(0);
    await expect(editor).not.toContainText('·');
  });

  test('"Xem trước" shows the unpublished article to its author only', async ({ browser }) => {
    const writer = await signedIn(browser, journalist);
    const id = await newArticle(writer);
    await writer.getByLabel('Tiêu đề', { exact: true }).fill(`Bản xem trước ${suffix}`);
    await writer.getByLabel('Sapo').fill('Chưa xuất bản.');
    await writer.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(saveStatus(writer)).toHaveText(/^Đã lưu lúc/);
    const [preview] = await Promise.all([writer.context().waitForEvent('page'), writer.getByRole('link', { name: 'Xem trước' }).click()]);
    await expect(preview).toHaveURL(new RegExp(`/xem-truoc/${id}$`));
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(`Bản xem trước ${suffix}`);
    await expect(preview.getByRole('note')).toContainText('Bản xem trước');

    const stranger = await (await browser.newContext()).newPage();
    expect((await stranger.goto(`/xem-truoc/${id}`))?.status()).toBe(404);
    expect((await stranger.request.get(`/api/admin/preview?id=${id}`, { maxRedirects: 0 })).status()).toBe(401);
  });

  test('a failed autosave is shown, kept in the browser and retried until the server has it', async ({ browser }) => {
    test.setTimeout(90_000);
    const writer = await signedIn(browser, journalist);
    const id = await newArticle(writer);
    let refused = 0;
    await writer.route(`**/api/admin/bai-viet/${id}`, (route) => {
      if (route.request().method() === 'PUT' && refused < 2) {
        refused += 1;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await writer.getByLabel('Tiêu đề', { exact: true }).fill(`Mạng chập chờn ${suffix}`);
    await body(writer).click();
    await writer.keyboard.type('Chữ gõ lúc mất mạng vẫn còn.');
    await expect(saveStatus(writer)).toContainText('Lưu thất bại', { timeout: 10_000 });
    const backup = await writer.evaluate((key) => window.localStorage.getItem(key), `toa-soan:bai-viet:${id}`);
    expect(backup).toContain('Chữ gõ lúc mất mạng vẫn còn.');
    await expect(saveStatus(writer)).toHaveText(/^Đã lưu lúc/, { timeout: 30_000 });
    expect(refused).toBe(2);
    expect(await writer.evaluate((key) => window.localStorage.getItem(key), `toa-soan:bai-viet:${id}`)).toBeNull();
    await writer.reload();
    await expect(body(writer)).toHaveText('Chữ gõ lúc mất mạng vẫn còn.');
  });

  test('leaving the page right after typing loses nothing', async ({ browser }) => {
    const writer = await signedIn(browser, journalist);
    const id = await newArticle(writer);
    await body(writer).click();
    await writer.keyboard.type('Gõ xong là đi ngay.');
    // Well before the idle autosave: the page-hide save (keepalive) and the local copy take over.
    await writer.goto('/admin');
    await writer.goto(`/admin/bai-viet/${id}`);
    await expect(body(writer)).toHaveText('Gõ xong là đi ngay.');
  });

  test('revisions: a word diff between two versions and restoring an earlier one', async ({ browser }) => {
    const writer = await signedIn(browser, journalist);
    await openNewArticle(writer);
    await writer.getByLabel('Tiêu đề', { exact: true }).fill(`Phiên bản ${suffix}`);
    await body(writer).click();
    await writer.keyboard.type('Sáng nay trời mưa.');
    await writer.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(saveStatus(writer)).toHaveText(/^Đã lưu lúc/);
    await body(writer).click();
    await writer.keyboard.press('Control+a');
    await writer.keyboard.type('Chiều nay trời nắng.');
    await writer.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(saveStatus(writer)).toHaveText(/^Đã lưu lúc/);
    await writer.reload();
    const panel = writer.getByRole('region', { name: 'Lịch sử phiên bản' });
    // Newest first; autosaves may sit between the two manual saves.
    const saves = panel.getByRole('row').filter({ hasText: 'Lưu nháp' });
    await expect(saves).toHaveCount(2);
    await saves.nth(1).getByRole('radio', { name: /So sánh từ/ }).check();
    await saves.nth(0).getByRole('radio', { name: /So sánh đến/ }).check();
    await panel.getByRole('button', { name: 'So sánh hai phiên bản' }).click();
    const diff = panel.getByLabel('Khác biệt');
    await expect(diff.locator('del', { hasText: 'Sáng' })).toBeVisible();
    await expect(diff.locator('ins', { hasText: 'Chiều' })).toBeVisible();
    writer.once('dialog', (d) => void d.accept());
    await saves.nth(1).getByRole('button', { name: 'Khôi phục' }).click();
    await expect(body(writer)).toHaveText('Sáng nay trời mưa.');
    await expect(writer.getByRole('region', { name: 'Lịch sử phiên bản' }).getByRole('row').nth(1)).toContainText('Khôi phục');
  });
});
