import 'server-only';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/index';
import { recordAudit } from '@/db/queries/audit';
import { deleteRedirectById } from '@/db/queries/redirects';
import { AppError } from '@/lib/http/errors';
import type { Redirect } from '@/db/schema';

/** "Xóa" on a redirect: the old path answers 404 again. */
export async function deleteRedirect(input: { redirectId: number; actorId: number }, db?: Executor): Promise<Redirect> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    const removed = await deleteRedirectById(tx, input.redirectId);
    if (!removed) throw new AppError('not_found', 'Không tìm thấy chuyển hướng.');
    await recordAudit(
      { actorId: input.actorId, action: 'redirect.deleted', targetType: 'redirect', targetId: removed.id, details: { from: removed.fromPath, to: removed.toPath } },
      tx,
    );
    return removed;
  });
}
