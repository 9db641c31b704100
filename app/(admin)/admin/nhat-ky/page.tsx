import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditTable } from '@/components/admin/AuditTable';
import { listAuditEntries } from '@/db/queries/audit';
import { requirePageUser } from '@/server/auth/page-guard';

export const metadata: Metadata = { title: 'Nhật ký' };

const PAGE_SIZE = 50;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('admin');
  const raw = (await searchParams).trang;
  const requested = Number(typeof raw === 'string' ? raw : '1');
  const page = Number.isSafeInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const { rows, total } = await listAuditEntries({ page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Nhật ký</h1>
      <p className="text-sm text-slate-600">
        {total} mục · trang {page}/{pages}
      </p>
      <AuditTable rows={rows} />
      <nav aria-label="Phân trang nhật ký" className="flex gap-3 text-sm">
        {page > 1 ? (
          <Link href={`/admin/nhat-ky?trang=${page - 1}`} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
            ← Mới hơn
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={`/admin/nhat-ky?trang=${page + 1}`} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
            Cũ hơn →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
