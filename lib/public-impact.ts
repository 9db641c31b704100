import { cacheTags } from '@/lib/cache-tags';
import { articlePath, homePath } from '@/lib/public-paths';

/** Which public pages a change touches: the caller revalidates exactly these. */
export type PublicImpact = { tags: string[]; paths: string[] };

/** The public names an article is reachable under. */
export type PublicNames = { slug: string; category: string | null; author: string | null; tags: string[] };

/**
 * The article page, lists, feeds and sitemaps (tag `articles`), its
 * category, tags and author, for every set of names given (before and
 * after a change). The article path is refreshed too: a slug cached as a
 * 404 before publication must not be served for another minute.
 */
export function publicImpactOf(...names: PublicNames[]): PublicImpact {
  const tags = new Set<string>([cacheTags.articles]);
  const paths = new Set<string>([homePath()]);
  for (const n of names) {
    tags.add(cacheTags.article(n.slug));
    paths.add(articlePath(n.slug));
    if (n.category) tags.add(cacheTags.category(n.category));
    if (n.author) tags.add(cacheTags.author(n.author));
    for (const t of n.tags) tags.add(cacheTags.tag(t));
  }
  return { tags: [...tags], paths: [...paths] };
}
