import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';

// Invented URLs must not fill the disk: a 404 for an unknown slug, or for a
// page number past the last page, is answered fresh and never stored
// (server/cache/isr-handler.mjs, components/site/pages/listing-routes.tsx).
// The spec measures the build folder the server writes its route cache
// (`server/`) and data cache (`cache/`) into, so it must run on the same
// machine as the server: NEXT_DIST_DIR names the folder when it is not `.next`.

const distDir = path.resolve(process.env.NEXT_DIST_DIR || '.next');
const INVENTED = 1_000;
const MAX_GROWTH_BYTES = 1024 * 1024;

type Usage = { files: number; bytes: number };

function usage(dir: string): Usage {
  const total = { files: 0, bytes: 0 };
  if (!fs.existsSync(dir)) return total;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    try {
      total.bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
      total.files += 1;
    } catch {
      // Removed between the listing and the stat (a cache entry being rewritten).
    }
  }
  return total;
}

const cacheUsage = () => {
  const server = usage(path.join(distDir, 'server'));
  const cache = usage(path.join(distDir, 'cache'));
  return { files: server.files + cache.files, bytes: server.bytes + cache.bytes };
};

async function linksFromHome(request: APIRequestContext, section: string): Promise<string[]> {
  const html = await (await request.get('/')).text();
  return [...new Set([...html.matchAll(new RegExp(`href="(/${section}/[a-z0-9-]+)"`, 'g'))].map((m) => m[1]!))];
}

/** Requests every path, a few at a time; returns the count of each status. */
async function requestAll(request: APIRequestContext, paths: string[], concurrency = 4) {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const response = await request.get(paths[next++]!, { maxRedirects: 0 });
        await response.body();
        statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
      }
    }),
  );
  return Object.fromEntries(statuses);
}

test.describe('the route and data cache', () => {
  test('stores nothing for 1,000 invented URLs, and still caches real pages', async ({ request }) => {
    test.setTimeout(360_000);
    // Checked here, not when the file loads: the web server builds the folder after that.
    expect(fs.existsSync(path.join(distDir, 'BUILD_ID')), `the server's build folder (NEXT_DIST_DIR): ${distDir}`).toBe(true);
    const [article] = await linksFromHome(request, 'bai-viet');
    const categories = await linksFromHome(request, 'chuyen-muc');
    expect(article, 'an article linked from the home page').toBeTruthy();
    expect(categories.length).toBeGreaterThan(0);
    const articleHtml = await (await request.get(article!)).text();
    const tag = articleHtml.match(/href="(\/the\/[a-z0-9-]+)"/)?.[1];
    const author = articleHtml.match(/href="(\/tac-gia\/[a-z0-9-]+)"/)?.[1];
    expect(tag && author, 'a tag and an author linked from the article').toBeTruthy();
    const listings = [...categories, tag!, author!];

    // Unique per run, so a reused server cannot answer from an earlier run.
    const run = Date.now().toString(36);
    const invented = (i: number) => {
      switch (i % 5) {
        case 0:
          return `/bai-viet/secprobe-${run}-${i}-zz`;
        case 1:
          return `/chuyen-muc/secprobe-${run}-${i}-zz`;
        case 2:
          return `/the/secprobe-${run}-${i}-zz`;
        case 3:
          return `/tac-gia/secprobe-${run}-${i}-zz`;
        default:
          // Well-formed page numbers past the last page of real listings.
          return `${listings[i % listings.length]}/trang/${900 + i}`;
      }
    };

    // Each kind answers the Vietnamese 404 page; this also renders, once,
    // everything every 404 shares (layout data), before measuring.
    for (let i = INVENTED; i < INVENTED + 10; i++) {
      const response = await request.get(invented(i));
      expect(response.status(), invented(i)).toBe(404);
      expect(await response.text(), invented(i)).toContain('Không tìm thấy trang');
    }

    const before = cacheUsage();
    const paths = Array.from({ length: INVENTED }, (_, i) => invented(i));
    const statuses = await requestAll(request, paths);
    expect(statuses).toEqual({ 404: INVENTED });
    // A cache write can finish just after its response: let them land.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = cacheUsage();
    const growth = { files: after.files - before.files, bytes: after.bytes - before.bytes };
    test.info().annotations.push({ type: 'cache growth', description: `${growth.files} files, ${growth.bytes} bytes for ${INVENTED} invented URLs` });
    console.log(`cache growth for ${INVENTED} invented URLs: ${growth.files} files, ${growth.bytes} bytes (${distDir})`);
    expect(growth.bytes).toBeLessThan(MAX_GROWTH_BYTES);

    // The same unknown URL again is still a 404 (rendered again, not stored).
    const repeat = await request.get(invented(0));
    expect(repeat.status()).toBe(404);
    expect(await repeat.text()).toContain('Không tìm thấy trang');

    // A real second page still answers (its number is checked against the first page's count).
    const secondPage = (await (await request.get(author!)).text()).match(/href="(\/tac-gia\/[a-z0-9-]+\/trang\/2)"/)?.[1];
    if (secondPage) expect((await request.get(secondPage)).status(), secondPage).toBe(200);

    // A real article is still served from the route cache, with a shared-cache lifetime.
    const first = await request.get(article!);
    expect(first.status()).toBe(200);
    expect(first.headers()['cache-control']).toMatch(/s-maxage=\d+/);
    await expect
      .poll(async () => (await request.get(article!)).headers()['x-nextjs-cache'], { timeout: 15_000, intervals: [0, 500, 1_000] })
      .toBe('HIT');
    // And so is a real listing page.
    await request.get(categories[0]!);
    await expect
      .poll(async () => (await request.get(categories[0]!)).headers()['x-nextjs-cache'], { timeout: 15_000, intervals: [0, 500, 1_000] })
      .toBe('HIT');
  });
});
