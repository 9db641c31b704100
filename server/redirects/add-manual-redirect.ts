import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { findRedirectBySource, retargetRedirects, upsertRedirect } from '@/db/queries/redirects';
import { isLivePublicPath } from '@/db/queries/public-paths-live';
import { AppError } from '@/lib/http/errors';
import { collapsedTarget, isExternalTarget, normalizeRedirectSource, normalizeRedirectTarget } from '@/lib/redirects';
import { siteUrl } from '@/lib/site-url';
import type { Redirect } from '@/db/schema';

/**
 * "Thêm chuyển hướng" by an admin, typically an old portal URL moved here. The target is
 * stored as its final destination (a target that itself redirects is followed), rows that
 * led to the source follow on, and a loop is refused. A source that is a live article or
 * category is refused: the page would win and the row would do nothing.
 */
export async function addManualRedirect(input: { from: string; to: string; actorId: number }, db?: Executor): Promise<Redirect> {
  const source = normalizeRedirectSource(input.from);
  if (!source.ok) throw new AppError('validation_failed', source.message);
  const target = normalizeRedirectTarget(input.to, siteUrl('/'));
  if (!target.ok) throw new AppError('validation_failed', target.message);
  if (source.path === target.path) throw new AppError('validation_failed', 'Đường dẫn cũ và mới trùng nhau.');

  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    if (await isLivePublicPath(tx, source.path)) {
      throw new AppError('conflict', 'Đường dẫn cũ đang là một trang còn hoạt động; hãy đổi đường dẫn của trang đó trước.');
    }
    const onward = isExternalTarget(target.path) ? null : await findRedirectBySource(tx, target.path);
    const finalTarget = collapsedTarget(source.path, target.path, () => onward?.toPath);
    if (finalTarget === null) throw new AppError('validation_failed', 'Chuyển hướng này tạo thành vòng lặp.');
    await retargetRedirects(tx, source.path, finalTarget);
    const saved = await upsertRedirect(tx, { fromPath: source.path, toPath: finalTarget, source: 'manual', createdBy: input.actorId });
    await recordAudit(
      { actorId: input.actorId, action: 'redirect.created', targetType: 'redirect', targetId: saved.id, details: { from: saved.fromPath, to: saved.toPath } },
      tx,
    );
    return saved;
  });
}
