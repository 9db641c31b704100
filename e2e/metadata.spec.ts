import { expect, test, type APIRequestContext } from '@playwright/test';

// What crawlers and link previews read: the server HTML of each public page,
// fetched without a browser, so nothing a script adds later can count.

const SEED_TITLE = 'Thành phố Lào Cai: Những kết quả tích cực sau 2 năm thực hiện Chỉ thị 05';
const PORTAL = 'Cổng thông tin điện tử Thành phố Lào Cai';
// The seed article's slug: its full title, cut to the slug length limit.
const ARTICLE = '/bai-viet/thanh-pho-lao-cai-nhung-ket-qua-tich-cuc-sau-2-nam-thuc-hien-chi-thi-05-ve-hoc-tap-va-lam-theo-tu-tu';

type Head = {
  html: string;
  /** `<meta name|property="key" content>`: every value for the key. */
  meta: (key: string) => string[];
  link: (rel: string) => string[];
  jsonLd: Record<string, unknown>[];
};

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([a-zA-Z:.-]+)="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
}

async function head(request: APIRequestContext, path: string): Promise<Head> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  const metas = [...html.matchAll(/<meta\b[^>]*>/g)].map((m) => attributes(m[0]));
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => attributes(m[0]));
  const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
  return {
    html,
    meta: (key) => metas.filter((m) => m.name === key || m.property === key).map((m) => m.content ?? ''),
    link: (rel) => links.filter((l) => l.rel === rel).map((l) => l.href ?? ''),
    jsonLd,
  };
}

const pathOf = (url: string | undefined) => (url ? new URL(url).pathname : undefined);

async function expectImage(request: APIRequestContext, url: string) {
  const response = await request.get(new URL(url).pathname);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toMatch(/^image\//);
}

async function expectSocial(request: APIRequestContext, page: Head, path: string) {
  expect(pathOf(page.link('canonical')[0])).toBe(path);
  expect(page.meta('og:site_name')).toEqual([PORTAL]);
  expect(page.meta('og:title')[0]).toBeTruthy();
  expect(page.meta('og:description')[0]).toBeTruthy();
  expect(pathOf(page.meta('og:url')[0])).toBe(path);
  expect(page.meta('og:locale')).toEqual(['vi_VN']);
  expect(page.meta('twitter:card')).toEqual(['summary_large_image']);
  expect(page.meta('twitter:title')[0]).toBeTruthy();
  const image = page.meta('og:image')[0];
  expect(image).toMatch(/^https?:\/\//);
  await expectImage(request, image!);
}

test.describe('page metadata', () => {
  test('home: canonical /, Open Graph, WebSite with its search box and Organization', async ({ request }) => {
    const page = await head(request, '/');
    await expectSocial(request, page, '/');
    expect(page.meta('og:type')).toEqual(['website']);
    const types = page.jsonLd.map((d) => d['@type']);
    expect(types).toEqual(expect.arrayContaining(['WebSite', 'Organization']));
    const site = page.jsonLd.find((d) => d['@type'] === 'WebSite') as { potentialAction: { target: { urlTemplate: string } } };
    expect(site.potentialAction.target.urlTemplate).toMatch(/\/tim-kiem\?q=\{search_term_string\}$/);
    const org = page.jsonLd.find((d) => d['@type'] === 'Organization') as { name: string; logo: { url: string }; email?: string; telephone?: string };
    expect(org.name).toBe(PORTAL);
    expect(org.email).toBe('banbientap@laocaicity.gov.vn');
    expect(org.telephone).toMatch(/^\+84 /);
    await expectImage(request, org.logo.url);
  });

  for (const path of ['/chuyen-muc/kinh-te', '/the/lao-cai', '/tac-gia/lam-tu', '/gioi-thieu']) {
    test(`${path}: canonical, Open Graph, Twitter card and a description`, async ({ request }) => {
      const page = await head(request, path);
      await expectSocial(request, page, path);
      const description = page.meta('description')[0] ?? '';
      expect(description.length).toBeGreaterThan(0);
      expect(Array.from(description).length).toBeLessThanOrEqual(160);
    });
  }

  test('article: description within 160, Dublin Core, NewsArticle with three images and the visible breadcrumb', async ({ request }) => {
    const page = await head(request, ARTICLE);
    await expectSocial(request, page, ARTICLE);
    expect(page.meta('og:type')).toEqual(['article']);

    const description = page.meta('description')[0] ?? '';
    expect(description.length).toBeGreaterThan(0);
    expect(Array.from(description).length).toBeLessThanOrEqual(160);

    expect(page.meta('DC.title')[0]).toBeTruthy();
    expect(page.meta('DC.creator')).toEqual(['Lâm Tú']);
    expect(page.meta('DC.date')[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(page.meta('DC.description')).toEqual([description]);
    expect(page.meta('DC.publisher')).toEqual([PORTAL]);
    expect(page.meta('DC.identifier')).toEqual(page.link('canonical'));
    expect(page.meta('DC.language')).toEqual(['vi']);

    const news = page.jsonLd.find((d) => d['@type'] === 'NewsArticle') as {
      headline: string;
      image: string[];
      publisher: { name: string; logo: { url: string } };
    };
    expect(news).toBeTruthy();
    expect(Array.from(news.headline).length).toBeLessThanOrEqual(110);
    // The visible title, of which the headline is the whole or a cut at a word.
    const title = page.html.match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1] ?? '';
    expect(title.startsWith(SEED_TITLE)).toBe(true);
    const headline = news.headline.replace(/…$/, '');
    expect(title.startsWith(headline)).toBe(true);
    expect(headline === title || title[headline.length] === ' ').toBe(true);
    expect(news.publisher.name).toBe(PORTAL);
    await expectImage(request, news.publisher.logo.url);
    expect(news.image).toHaveLength(3);
    for (const url of news.image) await expectImage(request, url);

    // The BreadcrumbList names the links of the trail above the headline, in order.
    const breadcrumb = page.jsonLd.find((d) => d['@type'] === 'BreadcrumbList') as { itemListElement: { position: number; name: string; item: string }[] };
    expect(breadcrumb).toBeTruthy();
    const nav = /<nav aria-label="Đường dẫn"[^>]*>([\s\S]*?)<\/nav>/.exec(page.html)?.[1] ?? '';
    const visible = [...nav.matchAll(/<a\b[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ path: m[1], name: decode(m[2]!) }));
    expect(visible.length).toBeGreaterThanOrEqual(2);
    expect(breadcrumb.itemListElement.map((i) => ({ path: pathOf(i.item), name: i.name }))).toEqual(visible);
    expect(breadcrumb.itemListElement.map((i) => i.position)).toEqual(visible.map((_, i) => i + 1));
  });
});

test.describe('icons and manifest', () => {
  test('/favicon.ico is an image, and pages link the icons and the manifest', async ({ request }) => {
    const favicon = await request.get('/favicon.ico');
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toMatch(/^image\//);
    expect((await favicon.body()).readUInt16LE(2)).toBe(1); // an ICO header, not a PNG renamed

    const page = await head(request, '/');
    expect(page.link('icon').some((href) => href.startsWith('/favicon.ico'))).toBe(true);
    const apple = page.link('apple-touch-icon')[0];
    expect(apple).toBeTruthy();
    await expectImage(request, new URL(apple!, 'http://localhost').toString());
    expect(page.link('manifest').some((href) => href.startsWith('/manifest.webmanifest'))).toBe(true);
  });

  test('/manifest.webmanifest names the portal and lists icons that exist', async ({ request }) => {
    const response = await request.get('/manifest.webmanifest');
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as { name: string; short_name: string; theme_color: string; icons: { src: string; sizes: string }[] };
    expect(manifest.name).toBe(PORTAL);
    expect(manifest.short_name).toBeTruthy();
    expect(manifest.theme_color).toBe('#0f4c81');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) await expectImage(request, new URL(icon.src, 'http://localhost').toString());
  });
});

test('the feeds claim no enclosure they cannot measure', async ({ request }) => {
  for (const path of ['/rss.xml', '/chuyen-muc/kinh-te/rss.xml']) {
    const body = await (await request.get(path)).text();
    expect(body, path).not.toContain('length="0"');
    for (const [, type, length] of body.matchAll(/<enclosure [^>]*type="([^"]*)" length="([^"]*)"/g)) {
      expect(type).toMatch(/^image\//);
      expect(Number(length)).toBeGreaterThan(0);
    }
  }
});
