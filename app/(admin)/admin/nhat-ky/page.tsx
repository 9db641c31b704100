import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditFilterForm } from '@/components/admin/AuditFilterForm';
import { AuditTable } from '@/components/admin/AuditTable';
import { AUDIT_EXPORT_LIMIT, listAuditEntries } from '@/db/queries/audit';
import { listUsers } from '@/db/queries/users';
import { formatViInteger } from '@/lib/numbers';
import { auditLogQueryOf, auditLogSearchParams, parseAuditLogFilters, type AuditLogFilters } from '@/lib/validation/audit-log';
import { requirePageUser } from '@/server/auth/page-guard';

export const metadata: Metadata = { title: 'Nhật ký' };

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const withQuery = (path: string, params: URLSearchParams) => (params.size > 0 ? `${path}?${params}` : path);

export default async function AuditLogPage({ searchParams }: Props) {
  await requirePageUser('admin');
  const raw = await searchParams;
  const parsed = parseAuditLogFilters(raw);
  const people = await listUsers();

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Nhật ký</h1>
      <AuditFilterForm people={people} raw={raw} filters={parsed.ok ? parsed.filters : null} error={parsed.ok ? null : parsed.message} />
      {parsed.ok ? <AuditLogResults filters={parsed.filters} /> : null}
    </div>
  );
}

async function AuditLogResults({ filters }: { filters: AuditLogFilters }) {
  const { rows, total, page } = await listAuditEntries({ ...auditLogQueryOf(filters), page: filters.page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = filters.actor !== undefined || filters.action !== undefined || filters.fromDay !== undefined || filters.toDay !== undefined;
  const pageHref = (n: number) => withQuery('/admin/nhat-ky', auditLogSearchParams({ ...filters, page: n }));
  const csvHref = withQuery('/api/admin/nhat-ky', auditLogSearchParams({ ...filters, page: undefined }));
  const emptyText = total > 0 ? 'Không có mục nào ở trang này.' : filtered ? 'Không có hoạt động nào khớp bộ lọc.' : 'Chưa có hoạt động nào.';

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {formatViInteger(total)} mục{page <= pages ? ` · trang ${formatViInteger(page)}/${formatViInteger(pages)}` : ''}
        </p>
        {/* A plain link: a route handler is not a page to prefetch. */}
        <a
          href={csvHref}
          download
          className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
          title={`Các mục khớp bộ lọc, tối đa ${formatViInteger(AUDIT_EXPORT_LIMIT)} mục mới nhất`}
        >
          Tải CSV
        </a>
      </div>
      <AuditTable rows={rows} emptyText={emptyText} />
      <nav aria-label="Phân trang nhật ký" className="flex gap-3 text-sm">
        {page > 1 ? (
          <Link href={pageHref(Math.min(page - 1, pages))} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
            ← Mới hơn
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={pageHref(page + 1)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
            Cũ hơn →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
