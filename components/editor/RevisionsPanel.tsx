'use client';

import { useState } from 'react';
import { restoreRevisionAction } from '@/app/(admin)/admin/bai-viet/actions';
import type { DiffPart } from '@/lib/content/diff';
import { formatDateTimeVi } from '@/lib/time';

export type RevisionItem = { id: number; number: number; action: string; version: number; title: string; note: string | null; createdAt: string; editorName: string | null };

const actionLabels: Record<string, string> = {
  save: 'Lưu nháp',
  update: 'Cập nhật bài',
  autosave: 'Tự động lưu',
  submit: 'Gửi duyệt',
  withdraw: 'Rút lại',
  publish: 'Xuất bản',
  schedule: 'Hẹn giờ',
  unschedule: 'Hủy hẹn giờ',
  reject: 'Trả lại',
  unpublish: 'Gỡ bài',
  restore: 'Khôi phục',
  move: 'Chuyển chuyên mục',
  trash: 'Chuyển vào thùng rác',
  untrash: 'Khôi phục từ thùng rác',
};

type Props = { articleId: number; revisions: RevisionItem[]; canRestore: boolean; getVersion: () => number; beforeRestore: () => Promise<boolean> };

/** Who changed what and when; a word diff between any two; restore as a new revision. */
export function RevisionsPanel({ articleId, revisions, canRestore, getVersion, beforeRestore }: Props) {
  const [from, setFrom] = useState<number | null>(revisions[1]?.id ?? null);
  const [to, setTo] = useState<number | null>(revisions[0]?.id ?? null);
  const [diff, setDiff] = useState<{ from: number; to: number; parts: DiffPart[] } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function compare() {
    if (!from || !to) return;
    setMessage(null);
    const res = await fetch(`/api/admin/bai-viet/${articleId}/revisions?a=${from}&b=${to}`);
    const json = await res.json();
    if (res.ok) setDiff(json);
    else setMessage(json.message ?? 'Không so sánh được.');
  }

  async function restore(revisionId: number, number: number) {
    if (!window.confirm(`Khôi phục nội dung của phiên bản ${number}? Nội dung hiện tại vẫn được giữ trong lịch sử.`)) return;
    if (!(await beforeRestore())) return;
    const result = await restoreRevisionAction({ articleId, version: getVersion(), revisionId });
    if (result.ok) window.location.reload();
    else setMessage(result.message);
  }

  return (
    <section aria-labelledby="lich-su-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="lich-su-title" className="text-lg font-semibold">
        Lịch sử phiên bản
      </h2>
      {revisions.length === 0 ? <p className="mt-2 text-sm text-slate-500">Chưa có phiên bản nào.</p> : null}
      <table className="mt-2 w-full text-sm">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="py-1">Từ</th>
            <th>Đến</th>
            <th>Phiên bản</th>
            <th>Thao tác</th>
            <th>Người sửa</th>
            <th>Thời gian</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className="py-1">
                <input type="radio" name="rev-from" aria-label={`So sánh từ phiên bản ${r.number}`} checked={from === r.id} onChange={() => setFrom(r.id)} />
              </td>
              <td>
                <input type="radio" name="rev-to" aria-label={`So sánh đến phiên bản ${r.number}`} checked={to === r.id} onChange={() => setTo(r.id)} />
              </td>
              <td>{r.number}</td>
              <td>
                {actionLabels[r.action] ?? r.action}
                {r.note ? <span className="block text-xs text-slate-500">{r.note}</span> : null}
              </td>
              <td>{r.editorName ?? '—'}</td>
              <td>{formatDateTimeVi(r.createdAt)}</td>
              <td>
                {canRestore ? (
                  <button type="button" className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100" onClick={() => void restore(r.id, r.number)}>
                    Khôi phục
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revisions.length > 1 ? (
        <button type="button" className="mt-2 rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100" onClick={() => void compare()}>
          So sánh hai phiên bản
        </button>
      ) : null}
      {message ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {message}
        </p>
      ) : null}
      {diff ? (
        <div aria-label="Khác biệt" className="mt-3 max-h-96 overflow-auto whitespace-pre-wrap rounded border border-slate-200 p-3 text-sm leading-relaxed">
          <p className="mb-2 text-xs text-slate-500">
            Phiên bản {diff.from} → {diff.to}: <del className="bg-red-100">đã xóa</del> <ins className="bg-green-100 no-underline">đã thêm</ins>
          </p>
          {diff.parts.map((p, i) =>
            p.added ? (
              <ins key={i} className="bg-green-100 no-underline">
                {p.value}
              </ins>
            ) : p.removed ? (
              <del key={i} className="bg-red-100">
                {p.value}
              </del>
            ) : (
              <span key={i}>{p.value}</span>
            ),
          )}
        </div>
      ) : null}
    </section>
  );
}
