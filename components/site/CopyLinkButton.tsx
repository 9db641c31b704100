'use client';

import { useState } from 'react';

/** Hydrated where the page keeps Next's runtime; otherwise public/reader.js finds it by data-copy-url. */
export function CopyLinkButton({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt('Sao chép liên kết:', url);
    }
  }
  return (
    <button type="button" onClick={copy} data-copy-url={url} className="rounded border border-slate-300 bg-white px-3 py-1.5 font-semibold">
      <span aria-live="polite">{copied ? 'Đã sao chép' : 'Sao chép liên kết'}</span>
    </button>
  );
}
