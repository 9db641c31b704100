import 'server-only';
import { revalidatePath, revalidateTag } from 'next/cache';
import type { PublicImpact } from '@/lib/public-impact';

/**
 * Refreshes exactly the public pages an editorial change touched: fresh on
 * the very next request (`expire: 0`), and the article path too, so a slug
 * cached as 404 before publication is not served for another minute.
 */
export function refreshPublicPages(impact: PublicImpact | null): void {
  if (!impact) return;
  for (const tag of impact.tags) revalidateTag(tag, { expire: 0 });
  for (const path of impact.paths) revalidatePath(path);
}
