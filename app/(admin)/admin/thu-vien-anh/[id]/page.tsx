import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteMediaButton } from '@/components/admin/media/DeleteMediaButton';
import { MediaDetailsForm } from '@/components/admin/media/MediaDetailsForm';
import { getMediaById, listArticlesUsingMedia, type MediaUsage } from '@/db/queries/media';
import { displayStatus } from '@/lib/editorial';
import { cropKeysOf } from '@/lib/media/crops';
import { mediaUrl } from '@/lib/media/keys';
import { canDeleteMedia, canEditMedia } from '@/lib/media/permissions';
import { formatDateTimeVi } from '@/lib/time';
import { parseIdString } from '@/lib/validation/params';
import { requirePageUser } from '@/server/auth/page-guard';
import { deleteMediaAction, updateMediaAction } from '../actions';

export const metadata: Metadata = { title: 'Sửa thông tin ảnh' };

type Props = { params: Promise<{ id: string }> };

/** The width the edit page shows the image at: the 960 px variant when there is one (the original may be 2,560 px). */
function displayUrlOf(media: { url: string; variants: { width: number; url: string }[] }): string {
  const fitting = media.variants.filter((v) => v.width <= 960);
  return fitting[fitting.length - 1]?.url ?? media.url;
}

function usageWhere(u: MediaUsage): string {
  return [u.asCover ? 'ảnh đại diện' : null, u.inBody ? 'trong nội dung' : null].filter(Boolean).join(', ');
}

/** One image: its words, focal point and crops ("Lưu thông tin ảnh"), the articles using it ("Dùng trong"), and "Xóa ảnh". */
export default async function MediaEditPage({ params }: Props) {
  const user = await requirePageUser();
  const id = parseIdString((await params).id);
  if (id === null) notFound();
  const media = await getMediaById(id);
  if (!media) notFound();
  const usage = await listArticlesUsingMedia(media.storageKey);
  const editable = canEditMedia(user, media);
  const blockedReason = !canDeleteMedia(user)
    ? 'Chỉ biên tập viên mới xóa được ảnh khỏi thư viện.'
    : usage.total > 0
      ? `Ảnh đang được dùng trong ${usage.total} bài viết nên chưa xóa được. Hãy gỡ ảnh khỏi các bài đó trước.`
      : null;

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <Link href="/admin/thu-vien-anh" className="text-sm text-sky-900 hover:underline">
          « Thư viện ảnh
        </Link>
        <h1 className="text-2xl font-bold">Sửa thông tin ảnh</h1>
        <p className="text-sm text-slate-600">
          {media.width}×{media.height} px · {Math.round(media.sizeBytes / 1024)} KB · tải lên bởi {media.uploaderName ?? '—'} lúc {formatDateTimeVi(media.createdAt)} ·{' '}
          <a href={media.url} target="_blank" rel="noopener" className="text-sky-900 hover:underline">
            Mở ảnh gốc
          </a>
        </p>
      </div>

      <MediaDetailsForm
        media={{
          id: media.id,
          caption: media.caption,
          alt: media.alt,
          credit: media.credit,
          focalX: media.focalX,
          focalY: media.focalY,
          width: media.width,
          height: media.height,
          displayUrl: displayUrlOf(media),
          cropUrls: cropKeysOf(media.storageKey, { x: media.focalX, y: media.focalY }).map(mediaUrl),
        }}
        editable={editable}
        save={updateMediaAction}
      />

      <section aria-labelledby="dung-trong" className="space-y-2">
        <h2 id="dung-trong" className="text-lg font-semibold">
          Dùng trong
        </h2>
        {usage.total === 0 ? (
          <p className="text-sm text-slate-600" data-testid="media-usage-empty">
            Chưa dùng trong bài viết nào.
          </p>
        ) : (
          <>
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="media-usage">
              {usage.items.map((u) => (
                <li key={u.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 p-3 text-sm">
                  <Link href={`/admin/bai-viet/${u.id}`} className="font-medium text-sky-900 hover:underline">
                    {u.title || 'Bài chưa có tiêu đề'}
                  </Link>
                  <span className="text-xs text-slate-600">
                    {usageWhere(u)} · {u.deletedAt ? 'trong thùng rác' : displayStatus(u.status, u.publishedAt)}
                  </span>
                </li>
              ))}
            </ul>
            {usage.total > usage.items.length ? (
              <p className="text-xs text-slate-600">
                và {usage.total - usage.items.length} bài khác (hiện {usage.items.length} bài sửa gần nhất).
              </p>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="xoa-anh" className="space-y-2">
        <h2 id="xoa-anh" className="text-lg font-semibold">
          Xóa ảnh
        </h2>
        <DeleteMediaButton mediaId={media.id} blockedReason={blockedReason} remove={deleteMediaAction} />
      </section>
    </div>
  );
}
