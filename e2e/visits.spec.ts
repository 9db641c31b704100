import { expect, test, type Page } from '@playwright/test';

// Playwright's own user agent says "HeadlessChrome", which isbot rightly
// treats as a bot: readers here use an ordinary Chrome UA, one per context,
// so each context is a distinct visitor.
const chrome = (build: number) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.${build}.0 Safari/537.36`;

type Figures = { online: number; today: number; week: number; total: number };

async function readWidget(page: Page): Promise<Figures> {
  const widget = page.getByTestId('visit-stats');
  await expect(widget.getByRole('heading')).toHaveText('Thống kê truy cập');
  const read = async (key: keyof Figures) => Number(((await widget.locator(`[data-stat="${key}"]`).textContent()) ?? '').replace(/\D/g, ''));
  return { online: await read('online'), today: await read('today'), week: await read('week'), total: await read('total') };
}

/** Loads a page and waits for the widget's live refresh, so the figures read are the current ones. */
async function openWithFreshWidget(page: Page, url: string): Promise<Figures> {
  const summary = page.waitForResponse((r) => r.url().includes('/api/visits/summary'));
  await page.goto(url);
  // The page refreshes the figures once the footer is in view (public/reader.js).
  await page.getByTestId('visit-stats').scrollIntoViewIfNeeded();
  await summary;
  await page.waitForLoadState('networkidle');
  return readWidget(page);
}

test('the footer widget grows by the visits made in another browser', async ({ browser }) => {
  const first = await browser.newContext({ userAgent: chrome(Date.now() % 100_000) });
  const home = await first.newPage();
  const before = await openWithFreshWidget(home, '/');
  await expect(home.getByTestId('visit-stats')).toContainText(/Đang online: [\d.]+/);
  const articleLinks = [
    ...new Set(await home.locator('main a[href^="/bai-viet/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))),
  ].slice(0, 3);
  expect(articleLinks).toHaveLength(3);

  // A new visitor reads three articles: one visit, three pageviews.
  const reader = await browser.newContext({ userAgent: chrome((Date.now() % 100_000) + 1) });
  const page = await reader.newPage();
  for (const href of articleLinks) {
    const beacon = page.waitForResponse((r) => r.url().endsWith('/api/visits') && r.request().method() === 'POST');
    const response = await page.goto(href);
    expect(response?.status()).toBe(200);
    expect((await beacon).status()).toBe(202);
    await expect(page.getByTestId('view-count')).toHaveText(/^Lượt xem: [\d.]+$/);
  }
  // The article page stays in the route cache: counting happens in the beacon, not in the render.
  const again = await page.goto(articleLinks[0]!);
  expect(['HIT', 'STALE']).toContain(again?.headers()['x-nextjs-cache']);
  await reader.close();

  // The rollup runs every second in the e2e server; the summary is cached for a few seconds.
  await expect
    .poll(
      async () => {
        await home.waitForTimeout(1_500);
        const now = await openWithFreshWidget(home, '/');
        return now.today >= before.today + 1 && now.total >= before.total + 1 && now.week >= before.week + 1 && now.online >= 1;
      },
      { timeout: 45_000, intervals: [500] },
    )
    .toBe(true);
  const after = await readWidget(home);
  expect(after.online).toBeGreaterThanOrEqual(1);
  expect(after.total - before.total).toBeGreaterThanOrEqual(1);
  await first.close();
});

test('a headless browser announcing itself is not counted', async ({ browser }) => {
  const context = await browser.newContext({
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36',
  });
  const page = await context.newPage();
  const beacon = page.waitForResponse((r) => r.url().endsWith('/api/visits') && r.request().method() === 'POST');
  await page.goto('/');
  expect((await beacon).status()).toBe(204);
  await context.close();
});
