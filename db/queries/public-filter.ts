import { and, eq, isNull, lte } from 'drizzle-orm';
import { articles } from '../schema';

/**
 * The one definition of "visible to the public": published and its time has
 * come. Every public query includes it, so a scheduled or unpublished article
 * cannot leak through a page that forgot to check. A trashed article is never public
 * (only unpublished ones can be trashed; this holds even if a row says otherwise).
 */
export function isPubliclyVisible(now: Date = new Date()) {
  return and(eq(articles.status, 'published'), lte(articles.publishedAt, now), isNull(articles.deletedAt));
}
