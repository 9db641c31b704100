'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { ActionResultMessage } from '@/components/admin/ActionForm';
import type { ActionResult } from '@/lib/actions/result';
import { CROP_RATIOS, cropRatioLabels, sameFocalPoint, type FocalPoint } from '@/lib/media/crops';
import { MEDIA_ALT_MAX, MEDIA_CAPTION_MAX, MEDIA_CREDIT_MAX } from '@/lib/media/limits';
import { CropPreview } from './CropPreview';
import { FocalPointPicker } from './FocalPointPicker';

export type EditableMedia = {
  id: number;
  caption: string;
  alt: string;
  credit: string;
  focalX: number;
  focalY: number;
  width: number;
  height: number;
  /** The image at a width the page shows (a responsive variant when there is one). */
  displayUrl: string;
  /** The stored crops for the saved focal point, widest first. */
  cropUrls: string[];
};

type Props = {
  media: EditableMedia;
  /** The uploader or an editor; everyone else sees the fields disabled. */
  editable: boolean;
  /** updateMediaAction. */
  save: (input: unknown) => Promise<ActionResult<unknown>>;
};

const input = 'w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-100';

/** "Thông tin ảnh": its words, its focal point with a live preview of the three crops, and "Lưu thông tin ảnh". */
export function MediaDetailsForm({ media, editable, save }: Props) {
  const router = useRouter();
  const id = useId();
  const [caption, setCaption] = useState(media.caption);
  const [alt, setAlt] = useState(media.alt);
  const [credit, setCredit] = useState(media.credit);
  const [focal, setFocal] = useState<FocalPoint>({ x: media.focalX, y: media.focalY });
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const focalMoved = !sameFocalPoint(focal, { x: media.focalX, y: media.focalY });
  const changed = focalMoved || caption.trim() !== media.caption || alt.trim() !== media.alt || credit.trim() !== media.credit;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const answer = await save({ mediaId: media.id, caption, alt, credit, focalX: focal.x, focalY: focal.y }).catch(() => ({
        ok: false as const,
        message: 'Mất kết nối tới máy chủ. Thông tin chưa được lưu.',
      }));
      setResult({ ok: answer.ok, message: answer.message ?? 'Đã lưu thông tin ảnh.' });
      if (answer.ok) {
        const saved = answer.data as { caption: string; alt: string; credit: string };
        setCaption(saved.caption);
        setAlt(saved.alt);
        setCredit(saved.credit);
        router.refresh();
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sr-only">
        Thông tin ảnh
      </h2>
      {!editable ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Chỉ người tải ảnh lên hoặc biên tập viên mới sửa được thông tin ảnh này.
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-3">
        <label className="grid gap-1 text-sm" htmlFor={`${id}-caption`}>
          Chú thích
          <input id={`${id}-caption`} value={caption} maxLength={MEDIA_CAPTION_MAX} disabled={!editable} onChange={(e) => setCaption(e.target.value)} className={input} />
        </label>
        <label className="grid gap-1 text-sm" htmlFor={`${id}-alt`}>
          Mô tả ảnh cho người khiếm thị
          <input id={`${id}-alt`} value={alt} maxLength={MEDIA_ALT_MAX} disabled={!editable} onChange={(e) => setAlt(e.target.value)} className={input} />
        </label>
        <div className="grid content-start gap-1 text-sm">
          <label htmlFor={`${id}-credit`}>Nguồn ảnh / Tác giả ảnh</label>
          <input
            id={`${id}-credit`}
            value={credit}
            maxLength={MEDIA_CREDIT_MAX}
            disabled={!editable}
            onChange={(e) => setCredit(e.target.value)}
            placeholder="Lâm Tú"
            aria-describedby={`${id}-credit-help`}
            className={input}
          />
          <span id={`${id}-credit-help`} className="text-xs text-slate-600">
            Hiện dưới ảnh đại diện của bài: “Ảnh: …”.
          </span>
        </div>
      </div>

      <section aria-labelledby={`${id}-focal`} className="space-y-3">
        <h3 id={`${id}-focal`} className="font-semibold">
          Điểm lấy nét
        </h3>
        <FocalPointPicker src={media.displayUrl} label={caption || media.caption || `#${media.id}`} value={focal} onChange={setFocal} disabled={!editable} />
      </section>

      <section aria-labelledby={`${id}-crops`} className="space-y-2">
        <h3 id={`${id}-crops`} className="font-semibold">
          Xem trước các khung cắt
        </h3>
        <p className="text-xs text-slate-600">
          Các khung dùng cho ảnh chia sẻ mạng xã hội và kết quả tìm kiếm.{focalMoved ? ' Điểm lấy nét mới chưa được lưu.' : ''}
        </p>
        <div className="flex flex-wrap gap-4" data-testid="crop-previews">
          {CROP_RATIOS.map((ratio) => (
            <CropPreview key={ratio} src={media.displayUrl} width={media.width} height={media.height} ratio={ratio} focal={focal} />
          ))}
        </div>
        {!focalMoved ? (
          <p className="flex flex-wrap gap-3 text-xs">
            {media.cropUrls.map((url, i) => (
              <a key={url} href={url} target="_blank" rel="noopener" className="text-sky-900 hover:underline">
                Mở ảnh cắt {cropRatioLabels[CROP_RATIOS[i]!]}
              </a>
            ))}
          </p>
        ) : null}
      </section>

      {editable ? (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending || !changed}
            className="rounded-md bg-sky-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-900 disabled:opacity-60"
          >
            {pending ? 'Đang lưu…' : 'Lưu thông tin ảnh'}
          </button>
          <ActionResultMessage result={result} />
        </div>
      ) : null}
    </form>
  );
}
