/**
 * Keystroke-to-paint latency in the article editor on a 10,000-word article.
 *
 *   npm run bench:editor                      # builds, serves on a fresh database, measures
 *   BENCH_URL=http://localhost:3303 npm run bench:editor   # against a running server
 *   E2E_SKIP_BUILD=1 NEXT_DIST_DIR=.next-editor npm run bench:editor   # reuse a build
 *
 * For each keystroke: from the keydown event's timestamp to a task queued
 * from the first animation frame after the input was applied, i.e. after
 * the frame that shows the character has been produced. Target: p95 < 16 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

const WORDS = Number(process.env.BENCH_WORDS ?? 10_000);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 300);
const port = process.env.BENCH_PORT ?? '3313';
let server: ChildProcess | null = null;

async function waitFor(url: string, timeoutMs: number) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`server did not answer at ${url}`);
}

function article(): unknown {
  const vocabulary = 'Lào Cai thành phố biên giới phát triển du lịch kinh tế văn hóa người dân đồng bào vùng cao ruộng bậc thang mùa lúa chín Sa Pa Bát Xát Y Tý chợ phiên'.split(' ');
  const content = [];
  let n = 0;
  for (let p = 0; n < WORDS; p++) {
    // A subheading every 20 paragraphs, like a long feature article.
    const length = p % 20 === 19 ? 6 : 25;
    const words = Array.from({ length: Math.min(length, WORDS - n) }, (_, i) => vocabulary[(n + i * 7) % vocabulary.length]);
    n += words.length;
    content.push(length === 6 ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: words.join(' ') }] } : { type: 'paragraph', content: [{ type: 'text', text: `${words.join(' ')}.` }] });
  }
  return { type: 'doc', content };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** keydown → the task after the first animation frame that follows the input: the frame showing the character. */
function installProbe() {
  const w = window as unknown as { __latencies: number[] };
  w.__latencies = [];
  let start = 0;
  document.addEventListener('keydown', (e) => (start = e.timeStamp), true);
  document.addEventListener(
    'input',
    () => {
      const t0 = start;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => w.__latencies.push(performance.now() - t0);
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}

async function measureTextarea(browser: Browser, text: string): Promise<number[]> {
  const page = await browser.newPage();
  await page.setContent('<textarea style="width:900px;height:600px"></textarea>');
  await page.click('textarea');
  await page.evaluate(installProbe);
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type(text[i % text.length]!);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(500);
  const samples = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
  await page.close();
  return samples.sort((a, b) => a - b);
}

async function main() {
  let base = process.env.BENCH_URL;
  if (!base) {
    base = `http://localhost:${port}`;
    server = spawn('node', ['scripts/e2e-server.mjs'], {
      stdio: 'inherit',
      env: { ...process.env, E2E_PORT: port, E2E_DATA_DIR: process.env.E2E_DATA_DIR ?? 'data/bench-editor' },
    });
    await waitFor(`${base}/robots.txt`, 300_000);
  }
  const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await (await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto('/dang-nhap');
    await page.getByLabel('Email').fill('lamtu@laocai.vn');
    await page.getByLabel('Mật khẩu').fill('PhongVien@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByRole('button', { name: 'Viết bài mới' }).click();
    await page.waitForURL(/\/admin\/bai-viet\/\d+$/);
    const id = Number(page.url().split('/').pop());
    const put = await page.request.put(`/api/admin/bai-viet/${id}`, {
      data: {
        articleId: id,
        version: 1,
        title: 'Bài dài để đo độ trễ gõ phím',
        sapo: 'Mười nghìn từ.',
        body: { json: article() },
        categoryId: null,
        tags: [],
        coverImage: null,
        coverCaption: null,
        seoTitle: null,
        seoDescription: null,
      },
    });
    if (!put.ok()) throw new Error(`saving the long article failed: ${put.status()} ${await put.text()}`);
    await page.reload();
    const editor = page.getByRole('textbox', { name: 'Nội dung' });
    await editor.waitFor();
    const words = await page.getByTestId('word-count').textContent();
    console.log(`editor loaded: ${words}`);
    await editor.click();
    await page.keyboard.press('Control+End');

    await page.evaluate(installProbe);
    // ASCII keys: Playwright sends other characters as insertText with no keydown,
    // which would leave the probe timing from the previous key.
    const text = 'Nguoi dan vung cao Lao Cai don mua lua chin tren ruong bac thang. ';
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.type(text[i % text.length]!);
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(500);
    const samples = (await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)).sort((a, b) => a - b);
    const control = await measureTextarea(browser, text);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    console.log(`keystroke-to-paint on a ${WORDS.toLocaleString('en')}-word article, ${samples.length} keystrokes:`);
    console.log(`  p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   max ${samples[samples.length - 1]!.toFixed(1)} ms   (target p95 < 16 ms: ${p95 < 16 ? 'met' : 'NOT met'})`);
    console.log(`control, a bare <textarea> in the same browser: p50 ${percentile(control, 50).toFixed(1)} ms   p95 ${percentile(control, 95).toFixed(1)} ms (the machine's floor)`);
  } finally {
    await browser.close();
    server?.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  server?.kill('SIGTERM');
  process.exit(1);
});
