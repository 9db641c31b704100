import { describe, expect, it } from 'vitest';
import { cacheTags } from '@/lib/cache-tags';
import { articlePath } from '@/lib/public-paths';
import { publicImpactOf } from '@/lib/public-impact';

describe('publicImpactOf', () => {
  it('refreshes the lists, the article, its category, author and tags, and the article path', () => {
    const impact = publicImpactOf({ slug: 'le-hoi', category: 'van-hoa', author: 'lam-tu', tags: ['gau-tao', 'bat-xat'] });
    expect(new Set(impact.tags)).toEqual(
      new Set([cacheTags.articles, cacheTags.article('le-hoi'), cacheTags.category('van-hoa'), cacheTags.author('lam-tu'), cacheTags.tag('gau-tao'), cacheTags.tag('bat-xat')]),
    );
    expect(new Set(impact.paths)).toEqual(new Set(['/', articlePath('le-hoi')]));
  });

  it('refreshes both the old and the new names when an article moves', () => {
    const impact = publicImpactOf(
      { slug: 'cu', category: 'kinh-te', author: null, tags: ['a'] },
      { slug: 'moi', category: 'van-hoa', author: null, tags: ['b'] },
    );
    for (const tag of [cacheTags.category('kinh-te'), cacheTags.category('van-hoa'), cacheTags.tag('a'), cacheTags.tag('b'), cacheTags.article('cu'), cacheTags.article('moi')]) {
      expect(impact.tags).toContain(tag);
    }
    expect(impact.paths).toEqual(expect.arrayContaining([articlePath('cu'), articlePath('moi')]));
    expect(new Set(impact.tags).size).toBe(impact.tags.length);
  });
});
