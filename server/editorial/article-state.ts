import 'server-only';
import type { Article } from '@/db/schema';
import type { PublicImpact } from '@/lib/public-impact';

/** What an editorial use case answers about the article it changed: enough for the editor to carry on. */
export type ArticleState = Pick<Article, 'id' | 'version' | 'status' | 'slug' | 'publishedAt' | 'updatedAt' | 'reviewNote'> & {
  /** An autosave of a published article: stored as a revision, the public version is unchanged. */
  liveUnchanged?: boolean;
};

export function articleStateOf(row: Article): ArticleState {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    slug: row.slug,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    reviewNote: row.reviewNote,
  };
}

/** A change and the public pages it touched (null when none: the caller refreshes exactly these). */
export type EditorialResult = { article: ArticleState; impact: PublicImpact | null };
