import Link from 'next/link';
import type { AdminArticleRow } from '@/db/queries/editorial-list';
import { displayStatus, workflowState } from '@/lib/editorial';
import { formatDateTimeVi } from '@/lib/time';

const statusColors: Record<string, string> = {
  'Nháp': 'bg-slate-200 text-slate-800',
  'Chờ duyệt': 'bg-amber-100 text-amber-900',
  'Đã xuất bản': 'bg-green-100 text-green-900',
  'Hẹn giờ': 'bg-sky-100 text-sky-900',
  'Bị trả lại': 'bg-orange-100 text-orange-900',
  'Đã gỡ': 'bg-red-100 text-red-900',
};

export function ArticleTable({ items, showNote = false, now = new Date() }: { items: AdminArticleRow[]; showNote?: boolean; now?: Date }) {
  if (items.length === 0) return <p className="text-sm text-slate-500">Không có bài viết nào.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">Tiêu đề</th>
            <th className="px-3 py-2">Trạng thái</th>
            <th className="px-3 py-2">Chuyên mục</th>
            <th className="px-3 py-2">Tác giả</th>
            <th className="px-3 py-2">Cập nhật</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => {
            const label = displayStatus(a.status, a.publishedAt, now);
            return (
              <tr key={a.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">
                  <Link href={`/admin/bai-viet/${a.id}`} className="font-medium text-sky-900 hover:underline">
                    {a.title || '(Chưa có tiêu đề)'}
                  </Link>
                  {showNote && a.reviewNote ? <p className="mt-1 text-xs text-orange-800">Biên tập viên ghi chú: {a.reviewNote}</p> : null}
                </td>
                <td className="px-3 py-2">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusColors[label] ?? ''}`}>{label}</span>
                  {workflowState(a.status, a.publishedAt, now) === 'scheduled' && a.publishedAt ? (
                    <span className="mt-1 block whitespace-nowrap text-xs text-sky-900">Hẹn giờ: {formatDateTimeVi(a.publishedAt)}</span>
                  ) : null}
                </td>
                <td className="px-3 py-2">{a.categoryName ?? '—'}</td>
                <td className="px-3 py-2">{a.authorName}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTimeVi(a.updatedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
