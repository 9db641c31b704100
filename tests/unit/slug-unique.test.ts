import { describe, expect, it } from 'vitest';
import { chooseArticleSlug } from '@/lib/content/article-slug';
import { SLUG_PATTERN } from '@/lib/slug';

describe('article slug uniqueness', () => {
  it('makes the slug from a Vietnamese title', () => {
    expect(chooseArticleSlug(undefined, 'Đường về Tả Phời mùa lúa chín', [])).toBe('duong-ve-ta-phoi-mua-lua-chin');
  });

  it('keeps an edited slug, normalised', () => {
    expect(chooseArticleSlug('  Lễ Hội Đền Thượng ', 'x', [])).toBe('le-hoi-den-thuong');
  });

  it('suffixes a slug another article already has', () => {
    expect(chooseArticleSlug(undefined, 'Tin nóng', ['tin-nong'])).toBe('tin-nong-2');
    expect(chooseArticleSlug(undefined, 'Tin nóng', ['tin-nong', 'tin-nong-2', 'tin-nong-3'])).toBe('tin-nong-4');
  });

  it('never returns the same slug twice for a sequence of identical titles', () => {
    const taken: string[] = [];
    for (let i = 0; i < 50; i++) taken.push(chooseArticleSlug(undefined, 'Họp báo Ủy ban', taken));
    expect(new Set(taken).size).toBe(50);
    for (const slug of taken) expect(slug).toMatch(SLUG_PATTERN);
  });

  it('falls back to a generic slug when the title has no letters', () => {
    expect(chooseArticleSlug(undefined, '!!! ???', [])).toBe('bai-viet');
    expect(chooseArticleSlug('', '', ['bai-viet'])).toBe('bai-viet-2');
  });
});
