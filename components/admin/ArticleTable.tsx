import Link from 'next/link';
import type { AdminArticleRow } from '@/db/queries/editorial-list';
import { displayStatus, workflowState } from '@/lib/editorial';
import { formatDateTimeVi } from '@/lib/time';
import { SelectAllCheckbox } from './SelectAllCheckbox';

const statusColors: Record<string, string> = {
  'Nháp': 'bg-slate-200 text-slate-800',
  'Chờ duyệt': 'bg-amber-100 text-amber-900',
  'Đã xuất bản': 'bg-green-100 text-green-900',
  'Hẹn giờ': 'bg-sky-100 text-sky-900',
  'Bị trả lại': 'bg-orange-100 text-orange-900',
  'Đã gỡ': 'bg-red-100 text-red-900',
};

/** The form the row checkboxes belong to (components/admin/BulkArticleActions.tsx). */
export const BULK_FORM_ID = 'bulk-articles';

export type SortableColumn = 'cap-nhat' | 'xuat-ban' | 'tieu-de' | 'luot-xem';
type SortLinks = { current: SortableColumn; ascending: boolean; hrefFor: (column: SortableColumn) => string };

type Props = {
  items: AdminArticleRow[];
  showNote?: boolean;
  now?: Date;
  /** Row checkboxes for the bulk actions (editors on "Bài viết"). */
  selectable?: boolean;
  /** Column headers become links that sort the list. */
  sort?: SortLinks;
};

const viewCount = new Intl.NumberFormat('vi-VN');

// Below md, each row is a card (title, status, author, time) instead of a table row too wide for a phone.
const cell = 'px-3 py-2 max-md:block max-md:px-0 max-md:py-0.5';
const headerCell = 'px-3 py-2';

export function ArticleTable({ items, showNote = false, now = new Date(), selectable = false, sort }: Props) {
  if (items.length === 0) return <p className="text-sm text-slate-500">Không có bài viết nào.</p>;
  const header = (column: SortableColumn, label: string) => {
    if (!sort) return label;
    const active = sort.current === column;
    return (
      <Link href={sort.hrefFor(column)} className="inline-flex items-center gap-1 hover:underline" aria-label={`Sắp xếp theo ${label.toLowerCase()}`}>
        {label}
        {active ? <span aria-hidden="true">{sort.ascending ? '▲' : '▼'}</span> : null}
      </Link>
    );
  };
  const ariaSort = (column: SortableColumn) => (sort?.current === column ? (sort.ascending ? 'ascending' : 'descending') : undefined);
  return (
    <div className="rounded-lg border border-slate-200 bg-white md:overflow-x-auto">
      <table className="w-full text-sm max-md:block" data-testid="article-table">
        <thead className="bg-slate-50 text-left text-slate-600 max-md:hidden">
          <tr>
            {selectable ? (
              <th className={`${headerCell} w-8`}>
                <SelectAllCheckbox formId={BULK_FORM_ID} />
              </th>
            ) : null}
            <th className={headerCell} aria-sort={ariaSort('tieu-de')}>
              {header('tieu-de', 'Tiêu đề')}
            </th>
            <th className={headerCell}>Trạng thái</th>
            <th className={headerCell}>Chuyên mục</th>
            <th className={headerCell}>Tác giả</th>
            <th className={headerCell} aria-sort={ariaSort('xuat-ban')}>
              {header('xuat-ban', 'Xuất bản')}
            </th>
            <th className={`${headerCell} text-right`} aria-sort={ariaSort('luot-xem')}>
              {header('luot-xem', 'Lượt xem')}
            </th>
            <th className={headerCell} aria-sort={ariaSort('cap-nhat')}>
              {header('cap-nhat', 'Cập nhật')}
            </th>
          </tr>
        </thead>
        <tbody className="max-md:block max-md:divide-y max-md:divide-slate-200">
          {items.map((a) => {
            const label = displayStatus(a.status, a.publishedAt, now);
            const title = a.title || '(Chưa có tiêu đề)';
            return (
              <tr key={a.id} className="border-t border-slate-100 align-top max-md:relative max-md:block max-md:border-0 max-md:p-3" data-testid="article-row">
                {selectable ? (
                  <td className={`${cell} max-md:absolute max-md:right-3 max-md:top-3`}>
                    <input type="checkbox" name="ids" value={a.id} form={BULK_FORM_ID} aria-label={`Chọn bài ${title}`} className="h-5 w-5" />
                  </td>
                ) : null}
                <td className={`${cell} max-md:pr-8`}>
                  <Link href={`/admin/bai-viet/${a.id}`} className="font-medium text-sky-900 hover:underline">
                    {title}
                  </Link>
                  {showNote && a.reviewNote ? <p className="mt-1 text-xs text-orange-800">Biên tập viên ghi chú: {a.reviewNote}</p> : null}
                </td>
                <td className={cell}>
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusColors[label] ?? ''}`}>{label}</span>
                  {workflowState(a.status, a.publishedAt, now) === 'scheduled' && a.publishedAt ? (
                    <span className="mt-1 block whitespace-nowrap text-xs text-sky-900">Hẹn giờ: {formatDateTimeVi(a.publishedAt)}</span>
                  ) : null}
                </td>
                <td className={`${cell} max-md:text-xs max-md:text-slate-600`}>{a.categoryName ?? '—'}</td>
                <td className={`${cell} max-md:text-xs max-md:text-slate-600`}>
                  <span className="md:hidden">Tác giả: </span>
                  {a.authorName}
                </td>
                <td className={`${cell} whitespace-nowrap max-md:hidden`}>{a.publishedAt && label !== 'Hẹn giờ' ? formatDateTimeVi(a.publishedAt) : '—'}</td>
                <td className={`${cell} text-right tabular-nums max-md:hidden`}>{viewCount.format(a.viewCount)}</td>
                <td className={`${cell} whitespace-nowrap max-md:text-xs max-md:text-slate-600`}>
                  <span className="md:hidden">Cập nhật: </span>
                  {formatDateTimeVi(a.updatedAt)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
