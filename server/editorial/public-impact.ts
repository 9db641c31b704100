import 'server-only';
import type { Executor } from '@/db/client';
import { getArticlePublicNames, type ArticlePublicNames } from '@/db/queries/articles-admin';
import type { Article } from '@/db/schema';
import { touchesPublicPages } from '@/lib/editorial';
import { publicImpactOf, type PublicImpact } from '@/lib/public-impact';

export type { PublicImpact };

type PublicRow = Pick<Article, 'id' | 'slug' | 'categoryId' | 'authorId' | 'status'>;

/**
 * The public names of a published article, or null for any other status (it
 * has no public pages). Read before a change and again after it: a moved
 * article must refresh its old category and tags as well as its new ones.
 */
export async function publicNamesIfPublished(tx: Executor, row: PublicRow): Promise<ArticlePublicNames | null> {
  return touchesPublicPages(row.status) ? getArticlePublicNames(tx, row) : null;
}

/** The pages to refresh after a change, from the names read before and after it; null when neither was public. */
export function impactOfNames(...names: (ArticlePublicNames | null)[]): PublicImpact | null {
  const known = names.filter((n) => n !== null);
  return known.length ? publicImpactOf(...known) : null;
}
