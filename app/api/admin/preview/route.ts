import { draftMode } from 'next/headers';
import { getArticleForEdit } from '@/server/editorial/get-article-for-edit';
import { adminRoute, parseIdParam } from '@/server/http/admin-route';

/**
 * "Xem trước": turns on Next.js draft mode and opens the article exactly as
 * readers will see it. Only its author and moderators get here (the preview
 * page checks again: the draft-mode cookie alone grants nothing).
 * `?exit=1` turns draft mode off again.
 */
export async function GET(request: Request) {
  return adminRoute(request, async (user) => {
    const params = new URL(request.url).searchParams;
    if (params.get('exit') === '1') {
      (await draftMode()).disable();
      return new Response(null, { status: 307, headers: { Location: '/admin' } });
    }
    const article = await getArticleForEdit(user, parseIdParam(params.get('id') ?? ''));
    (await draftMode()).enable();
    return new Response(null, { status: 307, headers: { Location: `/xem-truoc/${article.id}` } });
  });
}
