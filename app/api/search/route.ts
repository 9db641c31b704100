import { errorResponse, toErrorResponse, validationMessage } from '@/lib/http/errors';
import { articlePath } from '@/lib/public-paths';
import { searchParamsSchema } from '@/lib/validation/search';
import { searchArticles } from '@/server/search/search-articles';

/** JSON search for widgets and clients: `GET /api/search?q=lao+cai&page=1`. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const parsed = searchParamsSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return errorResponse('bad_request', validationMessage(parsed.error));
  try {
    const result = await searchArticles(parsed.data.q, parsed.data.page);
    return Response.json(
      {
        query: parsed.data.q,
        page: result.page,
        pageCount: result.pageCount,
        total: result.total,
        items: result.items.map((a) => ({ title: a.title, slug: a.slug, url: articlePath(a.slug), sapo: a.sapo, publishedAt: a.publishedAt })),
      },
      { headers: { 'Cache-Control': 'public, max-age=30' } },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
