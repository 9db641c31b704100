import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/admin/ActionForm';
import { listTrashedArticles } from '@/db/queries/editorial-list';
import { requirePageUser } from '@/server/auth/page-guard';
import { EDITOR_ROLES } from '@/lib/auth/roles';
import { statusLabels, TRASH_RETENTION_DAYS, trashDaysLeft } from '@/lib/editorial';
import { formatDateTimeVi } from '@/lib/time';
import { restoreFromTrashAction } from '../actions';

export const metadata: Metadata = { title: 'Thùng rác' };

export default async function TrashPage() {
  await requirePageUser(...EDITOR_ROLES);
  const items = await listTrashedArticles();
  const now = new Date();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Thùng rác</h1>
        <Link href="/admin/bai-viet" className="text-sm text-sky-900 hover:underline">
          « Bài viết
        </Link>
      </div>
      <p className="text-sm text-slate-600">Bài đã xóa được giữ {TRASH_RETENTION_DAYS} ngày rồi tự xóa vĩnh viễn; nhật ký vẫn lưu lại việc xóa.</p>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">Thùng rác trống.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="trash-list">
          {items.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="font-medium">{a.title || '(Chưa có tiêu đề)'}</p>
                <p className="text-xs text-slate-600">
                  {statusLabels[a.status]} · {a.authorName} · xóa lúc {formatDateTimeVi(a.deletedAt)}
                  {a.deletedByName ? ` bởi ${a.deletedByName}` : ''} · còn {trashDaysLeft(a.deletedAt, now)} ngày
                </p>
              </div>
              <ActionForm action={restoreFromTrashAction} submitLabel="Khôi phục" buttonClassName="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100">
                <input type="hidden" name="articleId" value={a.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
