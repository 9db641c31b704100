import type { Metadata } from 'next';
import { ArticleTable } from '@/components/admin/ArticleTable';
import { listPendingArticles } from '@/db/queries/editorial-list';
import { requirePageUser } from '@/server/auth/page-guard';

export const metadata: Metadata = { title: 'Chờ duyệt' };

/** The review queue, oldest submission first. */
export default async function ReviewQueuePage() {
  await requirePageUser('moderator', 'admin');
  const items = await listPendingArticles({}, 200);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Chờ duyệt</h1>
      <p className="text-sm text-slate-600">{items.length} bài đang chờ, bài gửi sớm nhất ở trên cùng.</p>
      <ArticleTable items={items} />
    </div>
  );
}
