import { getRevisionsForDiff } from '@/server/editorial/list-revisions';
import { wordDiff } from '@/lib/content/diff';
import { htmlToText } from '@/lib/content/sanitize';
import { adminRoute, parseIdParam } from '@/server/http/admin-route';
import { AppError } from '@/lib/http/errors';
import { parseIdString } from '@/lib/validation/params';

type Ctx = { params: Promise<{ id: string }> };

/** GET ?a=<revision>&b=<revision>: a word diff of title, sapo and body text. */
export async function GET(request: Request, { params }: Ctx) {
  return adminRoute(request, async (user) => {
    const articleId = parseIdParam((await params).id);
    const url = new URL(request.url);
    // Revision ids: digits within int4 (a larger number used to reach SQL and fail with 22003).
    const a = parseIdString(url.searchParams.get('a'));
    const b = parseIdString(url.searchParams.get('b'));
    if (a === null || b === null) throw new AppError('bad_request', 'Hãy chọn hai phiên bản để so sánh.');
    const [older, newer] = await getRevisionsForDiff(user, articleId, [a, b]);
    const text = (r: typeof older) => `${r.title}\n\n${r.sapo}\n\n${htmlToText(r.bodyHtml)}`;
    return Response.json({ from: older.version, to: newer.version, parts: wordDiff(text(older), text(newer)) });
  });
}
