import type { AuditRow } from '@/db/queries/audit';
import { auditActionLabel, auditTargetLabel } from '@/lib/audit-labels';
import { formatDateTimeVi } from '@/lib/time';

/** Audit entries as a table; `details` are shown as compact key: value text, never as HTML. */
export function AuditTable({ rows, showActor = true }: { rows: AuditRow[]; showActor?: boolean }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">Chưa có hoạt động nào.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th className="px-3 py-2 font-semibold">Thời gian</th>
            {showActor ? <th className="px-3 py-2 font-semibold">Người thực hiện</th> : null}
            <th className="px-3 py-2 font-semibold">Hành động</th>
            <th className="px-3 py-2 font-semibold">Đối tượng</th>
            <th className="px-3 py-2 font-semibold">Chi tiết</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-2">{formatDateTimeVi(row.createdAt)}</td>
              {showActor ? <td className="px-3 py-2">{row.actorName ?? '—'}</td> : null}
              <td className="px-3 py-2">{auditActionLabel(row.action)}</td>
              <td className="px-3 py-2">{auditTargetLabel(row.targetType, row.targetId)}</td>
              <td className="px-3 py-2 text-slate-600">{formatDetails(row.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function formatDetails(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ')
    .slice(0, 300);
}
