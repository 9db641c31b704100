import { actionResponse } from '@/lib/actions/result';
import { AppError } from '@/lib/http/errors';
import { saveArticleSchema } from '@/lib/validation/editorial';
import { refreshPublicPages } from '@/server/cache/refresh-public-pages';
import { saveArticle } from '@/server/editorial/save-article';
import { adminRoute, parseIdParam, readJson } from '@/server/http/admin-route';

type Ctx = { params: Promise<{ id: string }> };

/**
 * Save endpoint for autosave and for the save sent while the page is being
 * left (fetch keepalive), where a server action cannot run. Same rules and
 * the same answer as "Lưu nháp" (`{ok, data}` / `{ok: false, code, message}`):
 * body as editor JSON or raw HTML, both sanitized on the server.
 */
export async function PUT(request: Request, { params }: Ctx) {
  return adminRoute(request, async (user) => {
    const articleId = parseIdParam((await params).id);
    const input = saveArticleSchema.parse(await readJson(request));
    if (input.articleId !== articleId) throw new AppError('bad_request', 'Mã bài viết không khớp với đường dẫn.');
    const result = await saveArticle(user, input);
    refreshPublicPages(result.impact);
    return actionResponse({ ok: true, data: result.article });
  });
}
