/**
 * The production topology, for real: `npm run start:cluster -- --instances 2` (two instances of
 * the built app behind Debian's nginx with the shipped config) on the Postgres server, a private
 * Redis for the shared route cache and an S3-protocol server for the media. What one instance
 * does, the other and the proxy must show; losing Redis or an instance must not fail readers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import autocannon from 'autocannon';
import postgres from 'postgres';
import sharp from 'sharp';
import { CHROME_UA, sendBeacon } from '../tests/support/beacon';
import { proxyGet, startCluster, type RunningCluster } from '../tests/support/cluster';
import { signedIn } from './support/sign-in';

const moderator = { email: 'bientap@laocai.vn', password: 'BienTap@2026' };
const chrome = CHROME_UA;
/** How long a publish may take to show through nginx (deploy/nginx/toa-soan.conf states it). */
const PROXY_DELAY_MS = 10_000;
/** `revalidateTag` on one instance is seen by the others within a second; the rest is the render. */
const INSTANCE_DELAY_MS = 3_000;

test.describe.configure({ mode: 'serial' });

let cluster: RunningCluster;
let sql: postgres.Sql;
let dataDir: string;
const suffix = Date.now().toString(36);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-cluster-data-'));
  cluster = await startCluster({
    instances: 2,
    s3: true,
    // The rollup every second, so the tests see figures move without waiting 20 s.
    env: { VISIT_ROLLUP_INTERVAL_MS: '1000', DATA_DIR: dataDir },
  });
  sql = postgres(cluster.databaseUrl, { max: 2, onnotice: () => {} });
});

test.afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await cluster?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const [a, b] = [() => cluster.instances[0]!, () => cluster.instances[1]!];

async function pendingArticle(title: string): Promise<{ id: number; slug: string }> {
  const [author] = await sql<{ id: number }[]>`SELECT id FROM users WHERE email = 'lamtu@laocai.vn'`;
  const [category] = await sql<{ id: number }[]>`SELECT id FROM categories ORDER BY id LIMIT 1`;
  const slug = `cum-${suffix}-${Math.random().toString(36).slice(2, 8)}`;
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung đăng qua cụm hai instance.' }] }] };
  const [row] = await sql<{ id: number }[]>`
    INSERT INTO articles (title, slug, sapo, body_json, body_html, body_text, author_id, status, category_id)
    VALUES (${title}, ${slug}, 'Sapo', ${sql.json(doc)}, '<p>Nội dung đăng qua cụm hai instance.</p>', 'Nội dung đăng qua cụm hai instance.',
            ${author!.id}, 'pending', ${category!.id})
    RETURNING id`;
  return { id: row!.id, slug };
}

function signedInOn(browser: Browser, baseURL: string): Promise<Page> {
  return signedIn(browser, moderator, baseURL);
}

/** Milliseconds from `since` until `check` holds (polled every 100 ms), or a failure after `limitMs`. */
async function msUntil(what: string, since: number, limitMs: number, check: () => Promise<boolean>): Promise<number> {
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - since;
    if (Date.now() - since > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const fetchFrom = (base: string, pathname: string) => fetch(`${base}${pathname}`, { headers: { 'user-agent': chrome } });
/** A page read straight from one instance, past nginx. */
async function direct(base: string, pathname: string): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetchFrom(base, pathname);
  return { status: response.status, headers: response.headers, body: await response.text() };
}
const shows = async (response: Promise<{ status: number; body: string }>, title: string) => {
  const r = await response;
  return r.status === 200 && r.body.includes(title);
};

function note(name: string, value: string) {
  test.info().annotations.push({ type: name, description: value });
  console.log(`[cluster] ${name}: ${value}`);
}

test('both instances and the proxy serve the same build; a second read through the proxy is a HIT', async () => {
  for (const instance of cluster.instances) expect((await direct(instance.url, '/')).status).toBe(200);
  const first = await proxyGet(cluster.proxyPort, '/gioi-thieu');
  expect(first.status).toBe(200);
  const second = await proxyGet(cluster.proxyPort, '/gioi-thieu');
  expect(second.headers['x-cache']).toBe('HIT');
  expect(second.body).toBe(first.body);
  // One build: a script of the sign-in page (readers' pages carry none) answers on both instances.
  const asset = (await direct(a().url, '/dang-nhap')).body.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  expect(asset).toBeTruthy();
  for (const instance of cluster.instances) expect((await direct(instance.url, asset!)).status).toBe(200);
});

test('20 visits split over both instances count 20', async () => {
  const today = async () =>
    Number((await sql<{ n: string }[]>`SELECT coalesce(sum(visits), 0) AS n FROM visit_daily WHERE day = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`)[0]!.n);
  const before = await today();
  const statuses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      sendBeacon((i % 2 ? b() : a()).url, {
        siteUrl: cluster.siteUrl,
        // nginx's address is trusted (TRUSTED_PROXIES=127.0.0.1): each of these is another reader.
        readerAddress: `198.51.100.${i + 1}`,
        path: '/',
        eventId: crypto.randomUUID(),
      }).then((r) => r.status),
    ),
  );
  expect(statuses).toEqual(Array(20).fill(202));
  await expect.poll(today, { timeout: 15_000 }).toBe(before + 20);
  // Two instances rolling up every second must not count anything twice.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  expect(await today()).toBe(before + 20);
});

test('a session from A works on B; a server action rendered by A and posted to B publishes; everyone shows it, then the unpublish', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Bài đăng qua cụm ${suffix}`;
  const article = await pendingArticle(title);
  const articlePath = `/bai-viet/${article.slug}`;

  const page = await signedInOn(browser, a().url);
  // The cookie set by A, read by B.
  const onB = await page.goto(`${b().url}/admin`);
  expect(onB?.status()).toBe(200);
  await expect(page).toHaveURL(`${b().url}/admin`);
  await expect(page.getByTestId('pending-count')).toContainText(/Chờ duyệt: [1-9]/);

  // Warm every cache that could hold the old home page: both instances (Redis) and nginx.
  for (const instance of cluster.instances) await direct(instance.url, '/');
  await proxyGet(cluster.proxyPort, '/');
  expect((await proxyGet(cluster.proxyPort, '/')).headers['x-cache']).toBe('HIT');
  expect((await direct(a().url, articlePath)).status).toBe(404);

  await page.goto(`${a().url}/admin/bai-viet/${article.id}`);
  await expect(page.getByTestId('article-status')).toHaveText('Chờ duyệt');
  // Every server action of this page, rendered by A, goes to B. nginx would send X-Forwarded-Host with the
  // public host to either; here the page's own host stands in for it.
  let posted = 0;
  await page.route(`${a().url}/**`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    posted += 1;
    const response = await route.fetch({
      url: route.request().url().replace(a().url, b().url),
      headers: { ...route.request().headers(), 'x-forwarded-host': new URL(a().url).host },
    });
    await route.fulfill({ response });
  });
  const publishedAt = Date.now();
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Đã xuất bản');
  expect(posted).toBeGreaterThan(0);
  await page.unroute(`${a().url}/**`);

  const [onA, onBArticle, homeA, homeB, proxyArticle, proxyHome] = await Promise.all([
    msUntil('article on A', publishedAt, INSTANCE_DELAY_MS, () => shows(direct(a().url, articlePath), title)),
    msUntil('article on B', publishedAt, INSTANCE_DELAY_MS, () => shows(direct(b().url, articlePath), title)),
    msUntil('home on A', publishedAt, INSTANCE_DELAY_MS, () => shows(direct(a().url, '/'), title)),
    msUntil('home on B', publishedAt, INSTANCE_DELAY_MS, () => shows(direct(b().url, '/'), title)),
    msUntil('article through nginx', publishedAt, PROXY_DELAY_MS, () => shows(proxyGet(cluster.proxyPort, articlePath), title)),
    msUntil('home through nginx', publishedAt, PROXY_DELAY_MS, () => shows(proxyGet(cluster.proxyPort, '/'), title)),
  ]);
  note('publish → visible (ms)', `article A ${onA}, B ${onBArticle}; home A ${homeA}, B ${homeB}; through nginx article ${proxyArticle}, home ${proxyHome}`);

  // Unpublished on A (no rerouting): gone from both instances and, within its delay, from nginx.
  page.once('dialog', (dialog) => void dialog.accept());
  const unpublishedAt = Date.now();
  await page.getByRole('button', { name: 'Gỡ bài' }).click();
  await expect(page.getByTestId('article-status')).not.toHaveText('Đã xuất bản');
  const gone = (status: Promise<{ status: number }>) => status.then((r) => r.status === 404);
  const [goneA, goneB, goneProxy, homeClean] = await Promise.all([
    msUntil('404 on A', unpublishedAt, INSTANCE_DELAY_MS, () => gone(direct(a().url, articlePath))),
    msUntil('404 on B', unpublishedAt, INSTANCE_DELAY_MS, () => gone(direct(b().url, articlePath))),
    msUntil('404 through nginx', unpublishedAt, PROXY_DELAY_MS, () => gone(proxyGet(cluster.proxyPort, articlePath))),
    msUntil('home through nginx without it', unpublishedAt, PROXY_DELAY_MS, async () => !(await shows(proxyGet(cluster.proxyPort, '/'), title))),
  ]);
  note('unpublish → 404 (ms)', `A ${goneA}, B ${goneB}, through nginx ${goneProxy}; home through nginx ${homeClean}`);
  await page.context().close();
});

test('a scheduled article joins the home page and its category through the proxy on time, within the stated delay', async () => {
  test.setTimeout(150_000);
  const title = `Bài hẹn giờ qua cụm ${suffix}`;
  const article = await pendingArticle(title);
  const [category] = await sql<{ slug: string }[]>`SELECT c.slug FROM categories c JOIN articles a ON a.category_id = c.id WHERE a.id = ${article.id}`;
  const categoryPath = `/chuyen-muc/${category!.slug}`;
  // "Hẹn giờ" as the schedule action leaves it: published, with a time a few seconds ahead.
  const dueAt = Date.now() + 5_000;
  await sql`UPDATE articles SET status = 'published', published_at = ${new Date(dueAt)} WHERE id = ${article.id}`;
  // Readers keep the pages warm at every layer before the time comes.
  for (const path of ['/', categoryPath]) {
    await proxyGet(cluster.proxyPort, path);
    expect(await shows(proxyGet(cluster.proxyPort, path), title)).toBe(false);
  }
  // Stated in README "Hẹn giờ": every list within a minute (the pages' revalidate) plus the proxy's 5 s, plus the render.
  const limit = 60_000 + 5_000 + 5_000;
  const [home, listing] = await Promise.all([
    msUntil('home through nginx', dueAt, limit, () => shows(proxyGet(cluster.proxyPort, '/'), title)),
    msUntil('category through nginx', dueAt, limit, () => shows(proxyGet(cluster.proxyPort, categoryPath), title)),
  ]);
  expect(Date.now()).toBeGreaterThanOrEqual(dueAt);
  note('scheduled time → visible through nginx (ms)', `home ${home}, category ${listing}`);
});

test('an image uploaded on A is stored in the bucket and served by B and by the proxy', async ({ browser }) => {
  const page = await signedInOn(browser, a().url);
  const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#1d6f42' } }).png().toBuffer();
  const upload = await page.request.post(`${a().url}/api/admin/media`, {
    headers: { origin: a().url },
    multipart: { file: { name: 'sa-pa.png', mimeType: 'image/png', buffer: png }, caption: 'Ruộng bậc thang', alt: 'Ruộng bậc thang Sa Pa' },
  });
  expect(upload.status()).toBe(201);
  const media = (await upload.json()) as { url: string; storageKey: string };
  const fromA = await fetchFrom(a().url, media.url);
  const fromB = await fetchFrom(b().url, media.url);
  expect(fromB.status).toBe(200);
  expect(fromB.headers.get('content-type')).toMatch(/^image\//);
  const bytesB = Buffer.from(await fromB.arrayBuffer());
  expect(bytesB.equals(Buffer.from(await fromA.arrayBuffer()))).toBe(true);
  const throughProxy = await proxyGet(cluster.proxyPort, media.url);
  expect(throughProxy.status).toBe(200);

  // In the bucket, not on either instance's disk.
  const s3 = new S3Client({
    endpoint: cluster.s3!.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: cluster.s3!.accessKeyId, secretAccessKey: cluster.s3!.secretAccessKey },
  });
  const stored = await s3.send(new GetObjectCommand({ Bucket: cluster.s3!.bucket, Key: media.storageKey }));
  expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(bytesB)).toBe(true);
  s3.destroy();
  expect(fs.existsSync(path.join(dataDir, 'media', media.storageKey))).toBe(false);
  await page.context().close();
});

test('Redis stopped mid-run: pages stay 200, a publish shows on the instance that made it, the cache recovers', async ({ browser }) => {
  test.setTimeout(120_000);
  await cluster.stopRedis();
  for (const pathname of ['/', '/gioi-thieu']) {
    for (const instance of cluster.instances) {
      const started = Date.now();
      expect((await direct(instance.url, pathname)).status).toBe(200);
      // Each Redis call gives up within a second; a render on this machine is well under the rest.
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    expect((await proxyGet(cluster.proxyPort, pathname)).status).toBe(200);
  }

  const title = `Bài đăng khi Redis dừng ${suffix}`;
  const article = await pendingArticle(title);
  const page = await signedInOn(browser, a().url);
  await page.goto(`/admin/bai-viet/${article.id}`);
  const publishedAt = Date.now();
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Đã xuất bản');
  await msUntil('article on A without Redis', publishedAt, INSTANCE_DELAY_MS, () => shows(direct(a().url, `/bai-viet/${article.slug}`), title));
  await msUntil('home on A without Redis', publishedAt, INSTANCE_DELAY_MS, () => shows(direct(a().url, '/'), title));
  await page.context().close();

  // Redis back (empty, as after a restart): the instances use it again by themselves.
  await cluster.startRedis();
  const back = Date.now();
  const recovered = await msUntil('a route cache HIT from Redis again', back, 30_000, async () => {
    const response = await direct(a().url, '/gioi-thieu');
    return response.status === 200 && response.headers.get('x-nextjs-cache') === 'HIT';
  });
  note('Redis back → cache HIT again (ms)', String(recovered));
  expect(await shows(direct(b().url, `/bai-viet/${article.slug}`), title)).toBe(true);
});

test('kill -9 of one instance under a 10 s read load: the proxy keeps answering and the rollup moves to the survivor', async () => {
  test.setTimeout(120_000);
  const [article] = await sql<{ slug: string }[]>`SELECT slug FROM articles WHERE status = 'published' ORDER BY published_at DESC LIMIT 1`;
  const [category] = await sql<{ slug: string }[]>`SELECT slug FROM categories ORDER BY id LIMIT 1`;
  const paths = ['/', `/bai-viet/${article!.slug}`, `/chuyen-muc/${category!.slug}`, '/gioi-thieu'];
  let killedAt = Infinity;
  const requestErrors: string[] = [];
  const run = (label: string, headers: Record<string, string>) => {
    const instance = autocannon({
      url: `http://127.0.0.1:${cluster.proxyPort}`,
      connections: 10,
      duration: 10,
      headers: { host: 'localhost', 'user-agent': chrome, ...headers },
      requests: paths.map((p) => ({ method: 'GET', path: p })),
    });
    instance.on('reqError', (error) => requestErrors.push(`${label} ${Date.now() - killedAt} ms after the kill: ${String(error)}`));
    return instance;
  };
  // Half the load from nginx's cache, half past it (a session cookie bypasses the cache), so the
  // instances keep receiving requests, in flight when one of them dies.
  const cached = run('cached', {});
  const uncached = run('past the cache', { cookie: 'authjs.session-token=khong-phai-phien-that' });
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const victim = b();
  process.kill(victim.pid, 'SIGKILL');
  killedAt = Date.now();
  const [fromCache, pastCache] = await Promise.all([cached, uncached]);
  const failed = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;
  const described = (r: autocannon.Result) =>
    `${r.requests.total} requests, ${failed(r)} failed (errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}${r.statusCodeStats ? `, statuses ${JSON.stringify(r.statusCodeStats)}` : ''})`;
  note('kill -9 under load', `cached: ${described(fromCache)}; past the cache: ${described(pastCache)}`);
  if (failed(fromCache) + failed(pastCache) > 0) {
    note('failed requests', requestErrors.join('\n'));
    note('nginx error log', cluster.nginxErrors());
  }
  expect(pastCache.requests.total).toBeGreaterThan(100);
  // Every request that reached an instance, the dead one included, was answered (nginx retried it on the survivor).
  expect(failed(pastCache)).toBe(0);
  // From the cache: every answer a 200. In about one run in five, 1–4 of these clients' keep-alive connections
  // are reset by nginx 1.22 about a second after the kill, with no answer lost in flight and nothing in its
  // error log but the dead instance's resets: nginx's side, while it refreshes entries in the background. A
  // browser resends a GET on a reset keep-alive connection; the count is reported, and held under one per client.
  expect(fromCache.non2xx + fromCache.timeouts).toBe(0);
  expect(fromCache.errors).toBeLessThan(10);
  expect(cluster.output()).toMatch(/app 2\] đã dừng \(SIGKILL\); 1 instance còn lại vẫn phục vụ/);

  // The survivor, alone now, takes the rollup's lock every round: the widget's snapshot keeps moving
  // and a new visit is counted.
  const snapshotAt = async () => new Date((await sql<{ at: Date }[]>`SELECT computed_at AS at FROM visit_snapshot WHERE id = 1`)[0]!.at).getTime();
  await expect.poll(snapshotAt, { timeout: 10_000 }).toBeGreaterThan(killedAt + 1_000);
  const visitsToday = async () =>
    Number((await sql<{ n: string }[]>`SELECT coalesce(sum(visits), 0) AS n FROM visit_daily WHERE day = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`)[0]!.n);
  const before = await visitsToday();
  const beacon = await sendBeacon(a().url, { siteUrl: cluster.siteUrl, readerAddress: '198.51.100.200', path: '/', eventId: crypto.randomUUID() });
  expect(beacon.status).toBe(202);
  await expect.poll(visitsToday, { timeout: 10_000 }).toBe(before + 1);
});
