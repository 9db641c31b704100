'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { bulkArticlesAction } from '@/app/(admin)/admin/bai-viet/actions';
import { BULK_ACTIONS, type BulkActionName, type BulkOutcome } from '@/lib/bulk-articles';
import { BULK_FORM_ID } from './ArticleTable';

type Props = { categories: { id: number; name: string }[] };

const field = 'rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const confirmations: Partial<Record<BulkActionName, string>> = {
  unpublish: 'Gỡ các bài đã chọn khỏi trang công khai?',
  trash: 'Chuyển các bài đã chọn vào thùng rác? Có thể khôi phục trong 30 ngày.',
  publish: 'Xuất bản ngay các bài đã chọn?',
};

/** The bulk actions bar of "Bài viết": acts on the ticked rows, then lists what happened to each article. */
export function BulkArticleActions({ categories }: Props) {
  const router = useRouter();
  const [action, setAction] = useState<BulkActionName | ''>('');
  const [pending, startTransition] = useTransition();
  const [report, setReport] = useState<{ ok: boolean; summary: string; outcomes: BulkOutcome[] } | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ids = form.getAll('ids').map(Number);
    if (!ids.length) {
      setReport({ ok: false, summary: 'Hãy chọn ít nhất một bài viết.', outcomes: [] });
      return;
    }
    if (!action) {
      setReport({ ok: false, summary: 'Hãy chọn thao tác.', outcomes: [] });
      return;
    }
    const question = confirmations[action];
    if (question && !window.confirm(`${question} (${ids.length} bài)`)) return;
    startTransition(async () => {
      const result = await bulkArticlesAction({
        ids,
        action,
        ...(action === 'move' ? { categoryId: Number(form.get('categoryId')) || undefined } : {}),
        ...(action === 'reject' ? { note: String(form.get('note') ?? '') } : {}),
      });
      if (!result.ok) {
        setReport({ ok: false, summary: result.message, outcomes: [] });
        return;
      }
      setReport({ ok: result.data.outcomes.every((o) => o.ok), summary: result.data.summary, outcomes: result.data.outcomes });
      router.refresh();
    });
  }

  return (
    <form id={BULK_FORM_ID} onSubmit={onSubmit} aria-label="Thao tác hàng loạt" className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <label className="grid gap-1 text-sm">
        Với các bài đã chọn
        <select className={field} value={action} onChange={(e) => setAction(e.target.value as BulkActionName | '')}>
          <option value="">— Chọn thao tác —</option>
          {Object.entries(BULK_ACTIONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {action === 'move' ? (
        <label className="grid gap-1 text-sm">
          Chuyển tới chuyên mục
          <select name="categoryId" className={field} defaultValue="">
            <option value="">— Chọn chuyên mục —</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {action === 'reject' ? (
        <label className="grid gap-1 text-sm">
          Lý do trả lại
          <input name="note" className={field} maxLength={2000} />
        </label>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-60">
        {pending ? 'Đang thực hiện…' : 'Áp dụng'}
      </button>
      {report ? (
        <div role="status" className="basis-full text-sm" data-testid="bulk-report">
          <p className={report.ok ? 'font-medium text-green-800' : 'font-medium text-red-800'}>{report.summary}</p>
          {report.outcomes.length ? (
            <ul className="mt-1 space-y-0.5">
              {report.outcomes.map((o) => (
                <li key={o.id} className={o.ok ? 'text-green-800' : 'text-red-800'}>
                  {o.ok ? '✓' : '✗'} {o.title}: {o.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
