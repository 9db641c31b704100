import Link from 'next/link';
import type { AuditRow } from '@/db/queries/audit';
import { describeAuditLine } from '@/lib/audit/line';
import type { AuditTarget } from '@/lib/audit/targets';
import { toLocalIso } from '@/lib/time';

type Props = { rows: AuditRow[]; showActor?: boolean; emptyText?: string };

/** Audit lines as a table: who did what to which article, account or category, in words (lib/audit/*), never as HTML. */
export function AuditTable({ rows, showActor = true, emptyText = 'Chưa có hoạt động nào.' }: Props) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="audit-table">
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
          {rows.map((row) => {
            const line = describeAuditLine(row);
            return (
              <tr key={row.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-2">
                  <time dateTime={toLocalIso(row.createdAt)}>{line.time}</time>
                </td>
                {showActor ? <td className="px-3 py-2">{line.actor}</td> : null}
                <td className="px-3 py-2">{line.action}</td>
                <td className="px-3 py-2">
                  <TargetCell target={line.target} />
                </td>
                <td className="px-3 py-2 text-slate-600">{line.details}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function TargetCell({ target }: { target: AuditTarget }) {
  if (!target.href) return <>{target.label}</>;
  // A media file is not a page of the app: a plain link, not a prefetched route.
  if (!target.href.startsWith('/admin/')) {
    return (
      <a href={target.href} className="text-sky-900 hover:underline" target="_blank" rel="noopener noreferrer">
        {target.label}
      </a>
    );
  }
  return (
    <Link href={target.href} prefetch={false} className="text-sky-900 hover:underline">
      {target.label}
    </Link>
  );
}
