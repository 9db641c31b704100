'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Upload to the library; errors (415 type, 413 size) are shown as the server words them. */
export function MediaUploadForm() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 sm:items-end"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        setBusy(true);
        setMessage(null);
        try {
          const res = await fetch('/api/admin/media', { method: 'POST', body: new FormData(form) });
          const json = await res.json().catch(() => ({}));
          if (res.ok) {
            form.reset();
            setMessage({ ok: true, text: 'Đã tải ảnh lên.' });
            router.refresh();
          } else setMessage({ ok: false, text: json.message ?? 'Không tải được ảnh lên.' });
        } catch {
          setMessage({ ok: false, text: 'Mất kết nối tới máy chủ.' });
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="grid gap-1 text-sm sm:col-span-3">
        Tệp ảnh (JPEG, PNG, WebP, GIF; tối đa 10 MB)
        <input name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif" required />
      </label>
      <label className="grid gap-1 text-sm">
        Chú thích
        <input name="caption" maxLength={500} className="rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <label className="grid gap-1 text-sm">
        Mô tả ảnh (alt)
        <input name="alt" maxLength={300} className="rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className="rounded-md bg-sky-800 px-3 py-1.5 text-sm text-white disabled:opacity-50">
          {busy ? 'Đang tải lên…' : 'Tải lên'}
        </button>
        {message ? (
          <p role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-green-800' : 'text-red-700'}`}>
            {message.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
