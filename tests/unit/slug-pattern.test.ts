import { describe, expect, it } from 'vitest';
import { rewritesTo404 } from '../support/next-rewrites';
import { articlePath } from '@/lib/public-paths';
import { parsePageParam, parseSlugParam } from '@/lib/route-params';
import { SLUG_PATTERN } from '@/lib/slug';
import { MAX_SLUG_LENGTH } from '@/lib/slug-pattern.mjs';
import { articleSlugFromPath } from '@/lib/visits/beacon-body';


const GOOD_SLUGS = ['a', '7', 'le-hoi-den-thuong', 'nam-2026', 'a-1-b', 'x'.repeat(MAX_SLUG_LENGTH)];
const BAD_SLUGS = ['a--b', '-a', 'a-', '-', 'a_b', 'a.b', 'a~b', 'a!b', 'x'.repeat(MAX_SLUG_LENGTH + 1)];
const GOOD_PAGES = ['1', '2', '10', '999999'];
const BAD_PAGES = ['0', '01', '1000000', '-1', '1a', 'abc', '1.5'];

describe('one slug shape for routes, next.config.mjs rewrites and the beacon', () => {
  it('lets the route parser and the slug pattern agree', () => {
    for (const slug of GOOD_SLUGS) {
      expect(parseSlugParam(slug)).toBe(slug);
      expect(slug).toMatch(SLUG_PATTERN);
    }
    for (const slug of BAD_SLUGS) expect(parseSlugParam(slug)).toBeNull();
  });

  it('sends to the static 404 exactly the slugs the route parser refuses', async () => {
    const is404 = await rewritesTo404();
    for (const section of ['bai-viet', 'chuyen-muc', 'the', 'tac-gia']) {
      for (const slug of [...GOOD_SLUGS, ...BAD_SLUGS]) {
        const refused = parseSlugParam(slug) === null;
        expect(is404(`/${section}/${slug}`), `/${section}/${slug}`).toBe(refused);
        expect(is404(`/${section}/${slug}/rss.xml`), `/${section}/${slug}/rss.xml`).toBe(refused);
      }
    }
  });

  it('sends to the static 404 exactly the page numbers the route parser refuses', async () => {
    const is404 = await rewritesTo404();
    for (const section of ['chuyen-muc', 'the', 'tac-gia']) {
      for (const page of GOOD_PAGES) {
        expect(parsePageParam(page)).toBe(Number(page));
        expect(is404(`/${section}/tin-tuc/trang/${page}`), page).toBe(false);
      }
      for (const page of BAD_PAGES) {
        expect(parsePageParam(page)).toBeNull();
        expect(is404(`/${section}/tin-tuc/trang/${page}`), page).toBe(true);
      }
    }
  });

  it('leaves upper case to the page: Next matches rewrites case-insensitively, the parser refuses it', async () => {
    const is404 = await rewritesTo404();
    expect(is404('/bai-viet/Le-Hoi')).toBe(false);
    expect(parseSlugParam('Le-Hoi')).toBeNull();
  });

  it('reads back from an article path exactly the slugs the article route accepts', () => {
    for (const slug of [...GOOD_SLUGS, ...BAD_SLUGS]) {
      expect(articleSlugFromPath(articlePath(slug)), slug).toBe(parseSlugParam(slug));
      expect(articleSlugFromPath(`${articlePath(slug)}/`), slug).toBe(parseSlugParam(slug));
    }
    // Tighter than the beacon's former `[a-z0-9][a-z0-9-]{0,200}`: no slug can look like these.
    expect(articleSlugFromPath('/bai-viet/a--b')).toBeNull();
    expect(articleSlugFromPath('/bai-viet/a-')).toBeNull();
  });
});
