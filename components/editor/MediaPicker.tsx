'use client';

import { useCallback, useEffect, useState } from 'react';

export type PickedMedia = { id: number; url: string; alt: string; caption: string; width: number; height: number };

type Props = { open: boolean; onClose: () => void; onPick: (media: PickedMedia) => void; title?: string };

/** Upload a new image or reuse one from the library. */
export function MediaPicker({ open, onClose, onPick, title = 'Chèn ảnh' }: Props) {
  const [items, setItems] = useState<PickedMedia[]>([]);
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (query: string) => {
    const res = await fetch(`/api/admin/media?q=${encodeURIComponent(query)}`);
    if (res.ok) setItems(((await res.json()) as { items: PickedMedia[] }).items);
  }, []);

  useEffect(() => {
    if (!open) return;
    const t = setTimeout(() => void load(q), 250);
    return () => clearTimeout(t);
  }, [open, q, load]);

  if (!open) return null;

  async function upload(form: HTMLFormElement) {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/admin/media', { method: 'POST', body: new FormData(form) });
      const json = await res.json().catch(() => ({}));
      if (!res.ok) return setError(json.message ?? 'Không tải được ảnh lên.');
      onPick(json as PickedMedia);
      onClose();
    } catch {
      setError('Mất kết nối tới máy chủ.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div role="dialog" aria-modal="true" aria-label={title} className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-black/40 p-4">
      <div className="w-full max-w-3xl rounded-lg bg-white p-4 shadow-xl">
        <div className="mb-3 flex items-center justify-between">
          <h2 className="text-lg font-semibold">{title}</h2>
          <button type="button" className="rounded px-2 py-1 hover:bg-slate-100" onClick={onClose}>
            Đóng
          </button>
        </div>
        <form
          className="grid gap-2 rounded border border-slate-200 p-3 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            void upload(e.currentTarget);
          }}
        >
          <label className="grid gap-1 text-sm sm:col-span-2">
            Tệp ảnh (JPEG, PNG, WebP, GIF; tối đa 10 MB)
            <input name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif" required />
          </label>
          <label className="grid gap-1 text-sm">
            Chú thích
            <input name="caption" className="rounded border border-slate-300 px-2 py-1" maxLength={500} />
          </label>
          <label className="grid gap-1 text-sm">
            Mô tả ảnh (alt)
            <input name="alt" className="rounded border border-slate-300 px-2 py-1" maxLength={300} />
          </label>
          <div className="flex items-center gap-3 sm:col-span-2">
            <button type="submit" disabled={busy} className="rounded bg-sky-800 px-3 py-1.5 text-sm text-white disabled:opacity-50">
              {busy ? 'Đang tải lên…' : 'Tải lên'}
            </button>
            {error ? (
              <p role="alert" className="text-sm text-red-700">
                {error}
              </p>
            ) : null}
          </div>
        </form>
        <label className="mt-4 grid gap-1 text-sm">
          Tìm trong thư viện theo chú thích
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <ul className="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-4">
          {items.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="block w-full rounded border border-slate-200 p-1 text-left hover:border-sky-600"
                onClick={() => {
                  onPick(m);
                  onClose();
                }}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- library thumbnails from our own /media */}
                <img src={m.url} alt={m.alt} className="aspect-video w-full object-cover" loading="lazy" />
                <span className="line-clamp-2 text-xs">{m.caption || 'Không có chú thích'}</span>
              </button>
            </li>
          ))}
        </ul>
        {items.length === 0 ? <p className="mt-2 text-sm text-slate-500">Chưa có ảnh phù hợp.</p> : null}
      </div>
    </div>
  );
}
