import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { articles, categories } from '../schema';

/**
 * Whether a path is an article or a category page that exists (any status for an article:
 * a draft's slug is taken and will be live). Other paths are not checked: a redirect
 * from them is harmless, the live route wins.
 */
export async function isLivePublicPath(db: Executor, path: string): Promise<boolean> {
  const match = /^\/(bai-viet|chuyen-muc)\/([^/]+)$/.exec(path);
  if (!match) return false;
  const [, section, slug] = match;
  if (section === 'bai-viet') {
    const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug!)).limit(1);
    return Boolean(row);
  }
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug!)).limit(1);
  return Boolean(row);
}
