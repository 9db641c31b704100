import type { Metadata } from 'next';
import Link from 'next/link';
import { MediaUploader } from '@/components/admin/media/MediaUploader';
import { listMedia } from '@/db/queries/media';
import { requirePageUser } from '@/server/auth/page-guard';
import { formatDateTimeVi } from '@/lib/time';
import { updateMediaAction } from './actions';

export const metadata: Metadata = { title: 'Thư viện ảnh' };

type Props = { searchParams: Promise<{ q?: string; before?: string }> };

/** Upload (several at once), browse, search by caption and reuse images; each opens its own page to edit it. */
export default async function MediaLibraryPage({ searchParams }: Props) {
  await requirePageUser();
  const { q = '', before } = await searchParams;
  const query = String(q).slice(0, 200);
  const beforeId = Number(before);
  const list = await listMedia({ q: query, before: Number.isInteger(beforeId) && beforeId > 0 ? beforeId : undefined });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Thư viện ảnh</h1>
      <MediaUploader saveDetails={updateMediaAction} />
      <form method="get" role="search" aria-label="Tìm ảnh" className="flex items-end gap-2">
        <label className="grid gap-1 text-sm">
          Tìm theo chú thích
          <input name="q" type="search" defaultValue={query} className="rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white">
          Tìm
        </button>
      </form>
      {list.items.length === 0 ? <p className="text-sm text-slate-500">Chưa có ảnh phù hợp.</p> : null}
      <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Ảnh trong thư viện">
        {list.items.map((m) => (
          <li key={m.id} className="overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="media-item">
            <Link href={`/admin/thu-vien-anh/${m.id}`} className="block" aria-label={`Sửa ảnh ${m.caption || `#${m.id}`}`}>
              {/* eslint-disable-next-line @next/next/no-img-element -- our own re-encoded uploads */}
              <img src={m.variants[0]?.url ?? m.url} alt={m.alt || m.caption} className="aspect-video w-full object-cover" loading="lazy" />
            </Link>
            <div className="space-y-1 p-2 text-xs">
              <p className="font-medium text-slate-800">{m.caption || 'Không có chú thích'}</p>
              {m.credit ? <p className="text-slate-600">Ảnh: {m.credit}</p> : null}
              <p className="text-slate-500">
                {m.width}×{m.height} · {Math.round(m.sizeBytes / 1024)} KB · {m.uploaderName ?? '—'} · {formatDateTimeVi(m.createdAt)}
              </p>
              <input readOnly aria-label={`Địa chỉ ảnh ${m.caption}`} value={m.url} className="w-full rounded border border-slate-200 px-1 py-0.5 font-mono" />
              <Link href={`/admin/thu-vien-anh/${m.id}`} className="inline-block text-sky-900 hover:underline">
                Sửa thông tin
                <span className="sr-only"> ảnh {m.caption || `#${m.id}`}</span>
              </Link>
            </div>
          </li>
        ))}
      </ul>
      {list.nextBefore ? (
        <Link href={`/admin/thu-vien-anh?${new URLSearchParams({ ...(query ? { q: query } : {}), before: String(list.nextBefore) })}`} className="text-sm text-sky-900 hover:underline">
          Ảnh cũ hơn »
        </Link>
      ) : null}
    </div>
  );
}
