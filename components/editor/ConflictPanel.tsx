'use client';

import { useState } from 'react';
import { formatDateTimeVi } from '@/lib/time';
import type { ConflictInfo } from './types';

type Props = {
  info: ConflictInfo;
  mine: { title: string; sapo: string; text: string };
  onOverwrite: () => void;
  onReload: () => void;
};

/** Both versions side by side; nothing is overwritten unless the user chooses it. */
export function ConflictPanel({ info, mine, onOverwrite, onReload }: Props) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const text = `${mine.title}\n\n${mine.sapo}\n\n${mine.text}`;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Fallback where the clipboard API is refused: select a hidden textarea.
      const area = document.createElement('textarea');
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
  };
  return (
    <section role="alertdialog" aria-labelledby="xung-dot-title" className="rounded-lg border-2 border-red-300 bg-red-50 p-4">
      <h2 id="xung-dot-title" className="text-lg font-semibold text-red-900">
        Xung đột phiên bản: bài đã được sửa ở nơi khác
      </h2>
      <p className="mt-1 text-sm text-red-900">
        {info.server.updatedBy ? `${info.server.updatedBy} đã lưu` : 'Bài đã được lưu'} phiên bản {info.serverVersion} lúc {formatDateTimeVi(info.server.updatedAt)}. Bản của bạn chưa được lưu
        và vẫn còn nguyên trong trình soạn thảo.
      </p>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <article aria-label="Bản trên máy chủ" className="max-h-96 overflow-auto rounded border border-slate-300 bg-white p-3">
          <h3 className="text-sm font-semibold uppercase text-slate-500">Bản trên máy chủ (phiên bản {info.serverVersion})</h3>
          <p className="mt-2 font-semibold">{info.server.title}</p>
          <p className="mt-1 text-sm italic">{info.server.sapo}</p>
          {/* Sanitized on the server when it was saved. */}
          <div className="prose prose-sm mt-2" dangerouslySetInnerHTML={{ __html: info.server.bodyHtml }} />
        </article>
        <article aria-label="Bản của bạn" className="max-h-96 overflow-auto rounded border border-slate-300 bg-white p-3">
          <h3 className="text-sm font-semibold uppercase text-slate-500">Bản của bạn (chưa lưu)</h3>
          <p className="mt-2 font-semibold">{mine.title}</p>
          <p className="mt-1 text-sm italic">{mine.sapo}</p>
          <p className="mt-2 whitespace-pre-wrap text-sm">{mine.text}</p>
        </article>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={() => void copy()} className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
          {copied ? 'Đã sao chép bản của tôi' : 'Sao chép bản của tôi'}
        </button>
        <button type="button" onClick={onReload} className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
          Tải bản mới nhất
        </button>
        <button type="button" onClick={onOverwrite} className="rounded bg-red-700 px-3 py-1.5 text-sm text-white hover:bg-red-800">
          Ghi đè bằng bản của tôi
        </button>
      </div>
    </section>
  );
}
