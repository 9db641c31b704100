'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import {
  MAX_STORED_SIDE,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_MB,
  MEDIA_ALT_MAX,
  MEDIA_CAPTION_MAX,
  MEDIA_CREDIT_MAX,
  UPLOAD_TOO_LARGE_MESSAGE,
} from '@/lib/media/limits';
import { uploadWithProgress, type UploadedMedia } from './upload-request';

type Fields = { caption: string; alt: string; credit: string };
type Phase = 'waiting' | 'uploading' | 'processing' | 'retrying' | 'done' | 'error';
type Item = {
  key: string;
  file: File;
  phase: Phase;
  sent: number;
  total: number;
  message: string;
  attempts: number;
  /** Refused here (too large, not an image): sending it again would not help. */
  final: boolean;
  media: UploadedMedia | null;
  fields: Fields;
  save: { state: 'idle' | 'saving' | 'saved' | 'error'; message: string };
};

type Props = {
  /** updateMediaAction: saves the words typed for an uploaded file. */
  saveDetails: (input: unknown) => Promise<ActionResult<unknown>>;
};

/** Files sent at once: the server processes one image at a time with a few waiting, so more would only queue there (or be refused). */
const PARALLEL_UPLOADS = 2;
/** A 429 that asks for a short wait (the server's image queue was full) is retried by itself, a few times. */
const AUTO_RETRY_MAX_SECONDS = 30;
const AUTO_RETRY_ATTEMPTS = 3;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';
const input = 'w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-100';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
const sameFields = (a: Fields, b: Fields) => a.caption.trim() === b.caption.trim() && a.alt.trim() === b.alt.trim() && a.credit.trim() === b.credit.trim();

function refusalOf(file: File): string | null {
  if (file.size > MAX_UPLOAD_BYTES) return UPLOAD_TOO_LARGE_MESSAGE;
  if (file.type && !file.type.startsWith('image/')) return 'Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF.';
  return null;
}

/**
 * "Tải ảnh lên": drop several files or pick them with the Vietnamese file
 * button (a styled label over a visually hidden input, so the browser's own
 * "Choose file" never shows). Each file is its own request, two at a time,
 * with its progress; its caption, alt text and credit can be typed while it
 * waits (they go with it) or after (saved with "Lưu thông tin").
 */
export function MediaUploader({ saveDetails }: Props) {
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const creditId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const [batchCredit, setBatchCredit] = useState('');
  const started = useRef(new Set<string>());
  const counter = useRef(0);

  const patch = useCallback((key: string, change: Partial<Item> | ((item: Item) => Partial<Item>)) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...(typeof change === 'function' ? change(item) : change) } : item)));
  }, []);

  function add(files: FileList | File[]) {
    const added = [...files].map((file): Item => {
      const refusal = refusalOf(file);
      return {
        key: `${Date.now().toString(36)}-${counter.current++}`,
        file,
        phase: refusal ? 'error' : 'waiting',
        sent: 0,
        total: file.size,
        message: refusal ?? 'Đang chờ tải lên…',
        attempts: 0,
        final: refusal !== null,
        media: null,
        fields: { caption: '', alt: '', credit: batchCredit.trim() },
        save: { state: 'idle', message: '' },
      };
    });
    if (added.length > 0) setItems((list) => [...list, ...added]);
  }

  const upload = useCallback(
    // `item` as it was when its turn came: the words typed while it waited go with it.
    async (item: Item) => {
      const key = item.key;
      patch(key, { phase: 'uploading', sent: 0, message: 'Đang tải lên…' });
      const form = new FormData();
      form.append('file', item.file, item.file.name);
      form.append('caption', item.fields.caption.trim());
      form.append('alt', item.fields.alt.trim());
      form.append('credit', item.fields.credit.trim());
      try {
        const answer = await uploadWithProgress(form, (sent, total) =>
          patch(key, sent >= total ? { sent, total, phase: 'processing', message: 'Đang xử lý ảnh…' } : { sent, total }),
        );
        if (answer.ok) {
          patch(key, (current) => ({ phase: 'done', sent: current.total, message: 'Đã tải lên', media: answer.media }));
          router.refresh();
          return;
        }
        const wait = answer.retryAfterSeconds;
        if (answer.status === 429 && wait !== null && wait <= AUTO_RETRY_MAX_SECONDS && item.attempts < AUTO_RETRY_ATTEMPTS) {
          patch(key, { phase: 'retrying', message: `${answer.message} Tự thử lại sau ${wait} giây…` });
          setTimeout(() => {
            started.current.delete(key);
            patch(key, (current) => ({ phase: 'waiting', attempts: current.attempts + 1, message: 'Đang chờ tải lên…' }));
          }, wait * 1000);
          return;
        }
        patch(key, { phase: 'error', message: answer.message, final: answer.status === 413 || answer.status === 415 });
      } catch {
        patch(key, { phase: 'error', message: 'Mất kết nối tới máy chủ. Ảnh chưa được tải lên.' });
      }
    },
    [patch, router],
  );

  // Starts the next waiting files whenever a place is free.
  useEffect(() => {
    const active = items.filter((i) => i.phase === 'uploading' || i.phase === 'processing').length;
    const next = items.filter((i) => i.phase === 'waiting' && !started.current.has(i.key)).slice(0, Math.max(0, PARALLEL_UPLOADS - active));
    for (const item of next) {
      started.current.add(item.key);
      void upload(item);
    }
  }, [items, upload]);

  // A file dropped just beside the zone must not make the browser leave the page to show it.
  useEffect(() => {
    const keep = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  async function saveFields(item: Item) {
    if (!item.media) return;
    patch(item.key, { save: { state: 'saving', message: 'Đang lưu…' } });
    const answer = await saveDetails({
      mediaId: item.media.id,
      caption: item.fields.caption,
      alt: item.fields.alt,
      credit: item.fields.credit,
      focalX: item.media.focalX,
      focalY: item.media.focalY,
    }).catch(() => ({ ok: false as const, message: 'Mất kết nối tới máy chủ. Thông tin chưa được lưu.' }));
    if (answer.ok) {
      const saved = answer.data as Pick<UploadedMedia, 'caption' | 'alt' | 'credit'>;
      patch(item.key, (current) => ({
        media: current.media ? { ...current.media, caption: saved.caption, alt: saved.alt, credit: saved.credit } : null,
        fields: { caption: saved.caption, alt: saved.alt, credit: saved.credit },
        save: { state: 'saved', message: answer.message ?? 'Đã lưu thông tin ảnh.' },
      }));
      router.refresh();
    } else {
      patch(item.key, { save: { state: 'error', message: answer.message } });
    }
  }

  const setField = (key: string, name: keyof Fields, value: string) =>
    patch(key, (current) => ({ fields: { ...current.fields, [name]: value }, save: { state: 'idle', message: '' } }));

  return (
    <section aria-labelledby={`${inputId}-title`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${inputId}-title`} className="text-lg font-semibold">
        Tải ảnh lên
      </h2>
      <div
        data-testid="media-drop-zone"
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          add(e.dataTransfer.files);
        }}
        className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed p-6 text-center ${dragging ? 'border-sky-700 bg-sky-50' : 'border-slate-300'}`}
      >
        <p className="text-sm text-slate-700">Kéo thả ảnh vào đây hoặc</p>
        <input
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT}
          aria-describedby={hintId}
          className="peer sr-only"
          onChange={(e) => {
            if (e.currentTarget.files) add(e.currentTarget.files);
            // The same file may be chosen again (after an error, say).
            e.currentTarget.value = '';
          }}
        />
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded-md bg-sky-800 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-900 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-sky-700"
        >
          Chọn ảnh
        </label>
        <p id={hintId} className="max-w-xl text-xs text-slate-600">
          JPEG, PNG, WebP hoặc GIF, tối đa {MAX_UPLOAD_MB} MB mỗi ảnh; chọn được nhiều ảnh một lúc. Ảnh lớn được thu nhỏ để cạnh dài nhất còn{' '}
          {MAX_STORED_SIDE.toLocaleString('vi-VN')} px; vị trí GPS và thông tin máy ảnh trong tệp được xóa.
        </p>
      </div>
      <div className="grid gap-1 text-sm sm:max-w-md">
        <label htmlFor={creditId}>Nguồn ảnh / Tác giả ảnh cho các ảnh sắp chọn (không bắt buộc)</label>
        <input id={creditId} value={batchCredit} maxLength={MEDIA_CREDIT_MAX} onChange={(e) => setBatchCredit(e.target.value)} placeholder="Lâm Tú" className={input} />
      </div>

      {items.length > 0 ? (
        <ul className="space-y-3" aria-label="Ảnh đang tải lên">
          {items.map((item) => (
            <UploadRow
              key={item.key}
              item={item}
              onField={(name, value) => setField(item.key, name, value)}
              onSave={() => void saveFields(item)}
              onRetry={() => {
                started.current.delete(item.key);
                patch(item.key, { phase: 'waiting', attempts: 0, message: 'Đang chờ tải lên…' });
              }}
              onRemove={() => setItems((list) => list.filter((i) => i.key !== item.key))}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

type RowProps = {
  item: Item;
  onField: (name: keyof Fields, value: string) => void;
  onSave: () => void;
  onRetry: () => void;
  onRemove: () => void;
};

function UploadRow({ item, onField, onSave, onRetry, onRemove }: RowProps) {
  const id = useId();
  const name = item.file.name;
  const busy = item.phase === 'uploading' || item.phase === 'processing' || item.phase === 'retrying' || item.phase === 'waiting';
  const thumb = item.media ? (item.media.variants[0]?.url ?? item.media.url) : null;
  const unsaved = item.media !== null && !sameFields(item.fields, item.media);
  const tone = item.phase === 'error' ? 'text-red-700' : item.phase === 'done' ? 'text-emerald-700' : 'text-slate-600';
  return (
    <li className="rounded-md border border-slate-200 p-3" data-testid="upload-item">
      <div className="flex items-start gap-3">
        <div className="h-16 w-24 shrink-0 overflow-hidden rounded bg-slate-100">
          {/* eslint-disable-next-line @next/next/no-img-element -- the just-uploaded file's own smallest width */}
          {thumb ? <img src={thumb} alt="" className="h-full w-full object-cover" /> : null}
        </div>
        <div className="min-w-0 flex-1 space-y-1">
          <p className="truncate text-sm font-medium" title={name}>
            {name} <span className="font-normal text-slate-500">({megabytes(item.file.size)})</span>
          </p>
          {item.final && item.phase === 'error' ? null : (
            <progress className="h-2 w-full" max={item.total || 1} value={item.phase === 'done' ? item.total || 1 : item.sent} aria-label={`Tiến độ tải lên ${name}`} />
          )}
          <p className={`text-sm ${tone}`} aria-live="polite" data-testid="upload-status">
            {item.message}
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1 text-sm">
          {item.phase === 'done' && item.media ? (
            <a href={`/admin/thu-vien-anh/${item.media.id}`} className="text-sky-900 hover:underline">
              Sửa chi tiết
              <span className="sr-only"> ảnh {name}</span>
            </a>
          ) : null}
          {item.phase === 'error' && !item.final ? (
            <button type="button" onClick={onRetry} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
              Thử lại
              <span className="sr-only"> ảnh {name}</span>
            </button>
          ) : null}
          {item.phase === 'done' || item.phase === 'error' ? (
            <button type="button" onClick={onRemove} className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100">
              Bỏ khỏi danh sách
              <span className="sr-only"> ảnh {name}</span>
            </button>
          ) : null}
        </div>
      </div>
      {item.final && item.phase === 'error' ? null : (
        <fieldset className="mt-3 grid gap-2 sm:grid-cols-3">
          <legend className="sr-only">Thông tin ảnh {name}</legend>
          <label className="grid gap-1 text-sm" htmlFor={`${id}-caption`}>
            Chú thích
            <input id={`${id}-caption`} value={item.fields.caption} maxLength={MEDIA_CAPTION_MAX} onChange={(e) => onField('caption', e.target.value)} className={input} />
          </label>
          <label className="grid gap-1 text-sm" htmlFor={`${id}-alt`}>
            Mô tả ảnh cho người khiếm thị
            <input id={`${id}-alt`} value={item.fields.alt} maxLength={MEDIA_ALT_MAX} onChange={(e) => onField('alt', e.target.value)} className={input} />
          </label>
          <label className="grid gap-1 text-sm" htmlFor={`${id}-credit`}>
            Nguồn ảnh / Tác giả ảnh
            <input id={`${id}-credit`} value={item.fields.credit} maxLength={MEDIA_CREDIT_MAX} onChange={(e) => onField('credit', e.target.value)} className={input} />
          </label>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
            {item.media ? (
              <button
                type="button"
                onClick={onSave}
                disabled={!unsaved || item.save.state === 'saving'}
                className="rounded-md bg-sky-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-900 disabled:opacity-50"
              >
                Lưu thông tin
                <span className="sr-only"> ảnh {name}</span>
              </button>
            ) : busy ? (
              <p className="text-xs text-slate-600">Thông tin điền trước khi ảnh bắt đầu tải lên được gửi kèm; điền sau thì bấm “Lưu thông tin” khi ảnh đã tải lên.</p>
            ) : null}
            {item.save.message ? (
              <p role={item.save.state === 'error' ? 'alert' : 'status'} className={`text-sm ${item.save.state === 'error' ? 'text-red-700' : 'text-emerald-700'}`}>
                {item.save.message}
              </p>
            ) : null}
          </div>
        </fieldset>
      )}
    </li>
  );
}
