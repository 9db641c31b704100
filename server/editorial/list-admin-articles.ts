import 'server-only';
import { listAdminArticleRows, type AdminArticlePage } from '@/db/queries/editorial-list';
import { listedAuthorFor, type Actor } from '@/lib/editorial';
import type { AdminListFilters } from '@/lib/validation/editorial';
import type { EditorialDeps } from './context';

/** "Bài viết": journalists see only their own articles; editors see everyone's, or one author's when they filter. */
export function listAdminArticles(
  actor: Actor,
  filters: AdminListFilters,
  deps: EditorialDeps = {},
): Promise<AdminArticlePage> {
  return listAdminArticleRows({ ...filters, author: listedAuthorFor(actor, filters.author) }, deps);
}
