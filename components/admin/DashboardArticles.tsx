import Link from 'next/link';
import { listMyWorkInProgress, listPendingArticles } from '@/db/queries/editorial-list';
import type { SessionUser } from '@/server/auth/session';
import { isEditor } from '@/lib/auth/roles';
import { ArticleTable } from './ArticleTable';
import { NewArticleButton } from './NewArticleButton';

/** The dashboard's editorial part: my drafts and returned articles (with the note), and the review queue for moderators. */
export async function DashboardArticles({ user }: { user: SessionUser }) {
  const [mine, pending] = await Promise.all([listMyWorkInProgress(user), isEditor(user.role) ? listPendingArticles({}, 10) : Promise.resolve(null)]);
  const returned = mine.filter((a) => a.status === 'rejected' || a.reviewNote);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <NewArticleButton />
        <Link href="/admin/bai-viet" className="text-sm text-sky-900 hover:underline">
          Tất cả bài viết
        </Link>
      </div>
      {returned.length > 0 ? (
        <div role="note" className="rounded border border-orange-300 bg-orange-50 px-3 py-2 text-sm text-orange-900">
          Bạn có {returned.length} bài bị trả lại cần sửa.
        </div>
      ) : null}
      <section aria-labelledby="bai-cua-toi" className="space-y-3">
        <h2 id="bai-cua-toi" className="text-lg font-semibold">
          Bài của tôi
        </h2>
        <ArticleTable items={mine} showNote />
      </section>
      {pending ? (
        <section aria-labelledby="cho-duyet-dashboard" className="space-y-3">
          <h2 id="cho-duyet-dashboard" className="text-lg font-semibold">
            Chờ duyệt
          </h2>
          <ArticleTable items={pending} />
          <Link href="/admin/cho-duyet" className="text-sm text-sky-900 hover:underline">
            Xem toàn bộ hàng chờ duyệt
          </Link>
        </section>
      ) : null}
    </div>
  );
}
