import type { Metadata } from 'next';
import { ActionForm } from '@/components/admin/ActionForm';
import { getDb } from '@/db/index';
import { listRedirects } from '@/db/queries/redirects';
import { requirePageUser } from '@/server/auth/page-guard';
import { isExternalTarget } from '@/lib/redirects';
import { formatDateTimeVi } from '@/lib/time';
import { addRedirectAction, deleteRedirectAction } from './actions';

export const metadata: Metadata = { title: 'Chuyển hướng' };

const input = 'rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const LIST_LIMIT = 500;

const sourceLabels: Record<string, string> = { article: 'Đổi đường dẫn bài viết', category: 'Đổi đường dẫn chuyên mục', manual: 'Thêm thủ công' };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function RedirectsPage({ searchParams }: Props) {
  await requirePageUser('admin');
  const raw = (await searchParams).q;
  const contains = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? '';
  const rows = await listRedirects(await getDb(), { contains: contains || undefined, limit: LIST_LIMIT });

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Chuyển hướng</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Đường dẫn cũ trả về mã 308 tới trang mới, để liên kết đã chia sẻ và kết quả tìm kiếm vẫn dùng được. Đổi đường dẫn của bài đã xuất bản hay của
          chuyên mục sẽ tự thêm một dòng ở đây; chuỗi chuyển hướng được rút gọn (A→B→C thành A→C).
        </p>
      </div>

      <section aria-labelledby="them-chuyen-huong" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="them-chuyen-huong" className="mb-3 text-lg font-semibold">
          Thêm chuyển hướng
        </h2>
        <ActionForm action={addRedirectAction} submitLabel="Thêm chuyển hướng" resetOnSuccess className="grid gap-3 md:grid-cols-2 md:items-end">
          <label className="grid gap-1 text-sm">
            Đường dẫn cũ
            <input name="from" required maxLength={1000} placeholder="/tin-tuc/le-hoi-den-thuong.html" className={input} />
          </label>
          <label className="grid gap-1 text-sm">
            Đường dẫn mới
            <input name="to" required maxLength={1000} placeholder="/bai-viet/le-hoi-den-thuong" className={input} />
          </label>
        </ActionForm>
      </section>

      <section aria-labelledby="danh-sach-chuyen-huong" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="danh-sach-chuyen-huong" className="text-lg font-semibold">
            Danh sách ({rows.length.toLocaleString('vi-VN')}
            {rows.length === LIST_LIMIT ? '+' : ''})
          </h2>
          <form method="get" role="search" aria-label="Tìm chuyển hướng" className="flex gap-2">
            <input name="q" defaultValue={contains} aria-label="Tìm theo đường dẫn" placeholder="Tìm theo đường dẫn" className={input} />
            <button className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">Tìm</button>
          </form>
        </div>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{contains ? 'Không có chuyển hướng nào khớp.' : 'Chưa có chuyển hướng nào.'}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="redirect-list">
            {rows.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3 text-sm">
                <span className="min-w-0 break-all font-mono">{row.fromPath}</span>
                <span aria-hidden="true">→</span>
                <a
                  href={row.toPath}
                  className="min-w-0 break-all font-mono text-accent hover:underline"
                  {...(isExternalTarget(row.toPath) ? { rel: 'noopener noreferrer', target: '_blank' } : {})}
                >
                  {row.toPath}
                </a>
                <span className="text-xs text-slate-500">
                  {sourceLabels[row.source] ?? row.source}
                  {row.createdByName ? ` · ${row.createdByName}` : ''} · {formatDateTimeVi(row.createdAt)}
                </span>
                <ActionForm
                  action={deleteRedirectAction}
                  submitLabel="Xóa"
                  confirm={`Xóa chuyển hướng ${row.fromPath}? Đường dẫn cũ sẽ trả về "Không tìm thấy trang".`}
                  className="ml-auto"
                  buttonClassName="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-red-50"
                >
                  <input type="hidden" name="redirectId" value={row.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
