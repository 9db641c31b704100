import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLEAR_RENDERED_PAGES } from '@/lib/rendered-pages-hook.mjs';
import BoundedFileStore from '@/server/cache/isr-handler.mjs';
import { EVERY_PAGE_TAG, expireEveryCachedPage } from '../../scripts/site-url-marker.mjs';
import { isStorable } from '@/server/cache/store-policy.mjs';
import { data, page, pageCtx, pageKey, setPageCtx } from '../support/route-cache-entries';

// The handler wraps Next's own file cache (an internal module); these tests
// run it against the installed Next on a temporary build folder, so an
// upgrade that moves or changes that module fails here, not in production.
const require = createRequire(import.meta.url);
const { nodeFs } = require('next/dist/server/lib/node-fs-methods.js');

const fetchCtx = (tags: string[]) => ({ kind: 'FETCH', fetchCache: true, tags, softTags: [], fetchIdx: 1, fetchUrl: 'unstable_cache  article' });

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('isStorable', () => {
  it('keeps pages and routes that answered 2xx or 3xx, and non-null data', () => {
    expect(isStorable(page(200, 'a'))).toBe(true);
    expect(isStorable({ kind: 'APP_ROUTE', body: Buffer.from('x'), headers: {}, status: 200 })).toBe(true);
    expect(isStorable({ kind: 'APP_PAGE', html: '', headers: {}, status: undefined })).toBe(true);
    expect(isStorable(data({ article: { id: 1 } }))).toBe(true);
    expect(isStorable(data([]))).toBe(true);
    expect(isStorable(data(0))).toBe(true);
    expect(isStorable({ kind: 'REDIRECT', props: {} })).toBe(true);
  });

  it('refuses nothing, error statuses and null data results', () => {
    expect(isStorable(null)).toBe(false);
    expect(isStorable(undefined)).toBe(false);
    expect(isStorable(page(404, 'a'))).toBe(false);
    expect(isStorable({ kind: 'APP_ROUTE', body: Buffer.from('x'), headers: {}, status: 404 })).toBe(false);
    expect(isStorable({ kind: 'PAGES', html: '', pageData: {}, status: 500 })).toBe(false);
    expect(isStorable(data(null))).toBe(false);
  });

  it('keeps a fetch() response whose JSON body is null (stored base64, never the bare string)', () => {
    const fetched = { kind: 'FETCH', data: { headers: {}, body: Buffer.from('null').toString('base64'), status: 200, url: 'https://x' }, revalidate: 60 };
    expect(isStorable(fetched)).toBe(true);
  });
});

describe('the cache handler on the file system', () => {
  let root: string;
  let serverDistDir: string;
  let fetchDir: string;
  const handler = () =>
    new BoundedFileStore({ fs: nodeFs, serverDistDir, flushToDisk: true, revalidatedTags: [], maxMemoryCacheSize: 0, dev: false, _requestHeaders: {} });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'isr-handler-'));
    serverDistDir = path.join(root, 'server');
    fetchDir = path.join(root, 'cache', 'fetch-cache');
    fs.mkdirSync(serverDistDir, { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stores a 200 page like Next does and reads it back', async () => {
    await handler().set(pageKey('/bai-viet/co-that'), page(200, 'co-that'), setPageCtx);
    const files = filesUnder(path.join(serverDistDir, 'route-cache'));
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['_full.segment.rsc', '_tree.segment.rsc', 'co-that.html', 'co-that.meta', 'co-that.rsc']);
    const entry = await handler().get(pageKey('/bai-viet/co-that'), pageCtx);
    const value = entry?.value as ReturnType<typeof page>;
    expect(value.kind).toBe('APP_PAGE');
    expect(value.status).toBe(200);
    expect(value.html).toContain('co-that 200');
    expect(Buffer.from(value.rscData).toString()).toBe('rsc co-that');
    expect([...value.segmentData.keys()].sort()).toEqual(['/_full', '/_tree']);
  });

  it('writes nothing for a 404 page or a null data result', async () => {
    for (let i = 0; i < 50; i++) {
      await handler().set(pageKey(`/bai-viet/bia-dat-${i}`), page(404, `bia-dat-${i}`), setPageCtx);
      await handler().set(`fetch-key-${i}`, data(null), fetchCtx([`article:bia-dat-${i}`]));
    }
    expect(filesUnder(root)).toEqual([]);
    expect(await handler().get(pageKey('/bai-viet/bia-dat-1'), pageCtx)).toBeNull();
    expect(await handler().get('fetch-key-1', fetchCtx(['article:bia-dat-1']))).toBeNull();
  });

  it('deletes the page a key held when it turns into a 404 (an unpublished article)', async () => {
    const key = pageKey('/bai-viet/go-xuong');
    await handler().set(key, page(200, 'go-xuong'), setPageCtx);
    expect(await handler().get(key, pageCtx)).not.toBeNull();
    await handler().set(key, page(404, 'go-xuong'), setPageCtx);
    expect(await handler().get(key, pageCtx)).toBeNull();
    expect(filesUnder(root)).toEqual([]);
  });

  it('stores data results, and deletes one that turns null', async () => {
    const ctx = fetchCtx(['article:go-xuong', 'articles']);
    await handler().set('fetch-go-xuong', data({ article: { id: 7 } }), ctx);
    expect(filesUnder(fetchDir)).toHaveLength(1);
    const entry = await handler().get('fetch-go-xuong', ctx);
    expect(JSON.parse((entry?.value as { data: { body: string } }).data.body)).toEqual({ article: { id: 7 } });
    await handler().set('fetch-go-xuong', data(null), ctx);
    expect(await handler().get('fetch-go-xuong', ctx)).toBeNull();
    expect(filesUnder(fetchDir)).toEqual([]);
  });

  it('drops the in-memory copy too when Next keeps one', async () => {
    const withMemory = () =>
      new BoundedFileStore({ fs: nodeFs, serverDistDir, flushToDisk: true, revalidatedTags: [], maxMemoryCacheSize: 1024 * 1024, dev: false, _requestHeaders: {} });
    const key = pageKey('/bai-viet/trong-bo-nho');
    await withMemory().set(key, page(200, 'trong-bo-nho'), setPageCtx);
    fs.rmSync(path.join(serverDistDir, 'route-cache'), { recursive: true });
    expect(await withMemory().get(key, pageCtx)).not.toBeNull(); // served from memory
    await withMemory().set(key, page(404, 'trong-bo-nho'), setPageCtx);
    expect(await withMemory().get(key, pageCtx)).toBeNull();
  });

  it('still expires entries by tag (revalidateTag with expire: 0, as on publish)', async () => {
    const key = pageKey('/bai-viet/sua-lai');
    await handler().set(key, page(200, 'sua-lai'), setPageCtx);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handler().revalidateTag(['article:sua-lai'], { expire: 0 });
    expect(await handler().get(key, pageCtx)).toBeNull();
  });

  it('expires every cached page when the server starts under another SITE_URL (scripts/site-url-marker.mjs)', async () => {
    const key = pageKey('/gioi-thieu');
    const underOldAddress = { ...page(200, 'gioi-thieu'), headers: { 'x-next-cache-tags': `${EVERY_PAGE_TAG},_N_T_/gioi-thieu` } };
    await handler().set(key, underOldAddress, setPageCtx);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await handler().get(key, pageCtx)).not.toBeNull();
    await expireEveryCachedPage();
    expect(await handler().get(key, pageCtx)).toBeNull();
  });

  it('drops the pages the production server keeps on every tag revalidation', async () => {
    const globals = globalThis as Record<symbol, unknown>;
    let clears = 0;
    globals[CLEAR_RENDERED_PAGES] = () => clears++;
    try {
      await handler().revalidateTag(['settings'], { expire: 0 });
      await handler().revalidateTag(['_N_T_/bai-viet/a', 'article:a'], { expire: 0 });
      expect(clears).toBe(2);
    } finally {
      delete globals[CLEAR_RENDERED_PAGES];
    }
  });
});
