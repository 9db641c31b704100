import 'server-only';
import { revalidatePath, revalidateTag } from 'next/cache';
import type { PublicImpact } from '@/lib/public-impact';
import { clearSearchResults } from '@/server/search/search-articles';

/**
 * Refreshes exactly the public pages an editorial change touched: fresh on
 * the very next request (`expire: 0`), and the article path too, so a slug
 * cached as 404 before publication is not served for another minute.
 * Search results are not tagged (any article may appear in any of them):
 * they are all dropped, in this process; other instances age them out.
 */
export function refreshPublicPages(impact: PublicImpact | null): void {
  if (!impact) return;
  clearSearchResults();
  for (const tag of impact.tags) revalidateTag(tag, { expire: 0 });
  for (const path of impact.paths) revalidatePath(path);
}
