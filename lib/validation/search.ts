import { z } from 'zod';
import { MAX_SEARCH_QUERY_LENGTH, normalizeSearchQuery } from '../search-query';

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** `?q=…&page=…` from the search page or the search API. */
export const searchParamsSchema = z.object({
  q: z.preprocess(firstValue, z.string().max(2000, 'Từ khóa quá dài.').optional().default(''))
    .transform(normalizeSearchQuery),
  page: z.preprocess(
    firstValue,
    z.coerce.number({ error: 'Số trang không hợp lệ.' }).int('Số trang không hợp lệ.').min(1, 'Số trang không hợp lệ.').max(1000, 'Số trang không hợp lệ.').optional().default(1),
  ),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;
export { MAX_SEARCH_QUERY_LENGTH };
