'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { ActionResultMessage } from '@/components/admin/ActionForm';
import type { ActionResult } from '@/lib/actions/result';

type Props = {
  mediaId: number;
  /** Why the button is disabled (in use, not an editor); null when the image may be deleted. */
  blockedReason: string | null;
  /** deleteMediaAction. */
  remove: (input: unknown) => Promise<ActionResult<unknown>>;
};

/** "Xóa ảnh", after a confirmation; back to the library once it is gone. */
export function DeleteMediaButton({ mediaId, blockedReason, remove }: Props) {
  const router = useRouter();
  const reasonId = useId();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={blockedReason !== null || pending}
        aria-describedby={blockedReason ? reasonId : undefined}
        className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-50"
        onClick={() => {
          if (!window.confirm('Xóa hẳn ảnh này khỏi thư viện? Tệp ảnh và các khung cắt sẽ bị xóa, không khôi phục được.')) return;
          startTransition(async () => {
            const answer = await remove({ mediaId }).catch(() => ({ ok: false as const, message: 'Mất kết nối tới máy chủ. Ảnh chưa bị xóa.' }));
            if (answer.ok) {
              router.push('/admin/thu-vien-anh');
              router.refresh();
            } else setResult({ ok: false, message: answer.message });
          });
        }}
      >
        {pending ? 'Đang xóa…' : 'Xóa ảnh'}
      </button>
      {blockedReason ? (
        <p id={reasonId} className="text-sm text-slate-600">
          {blockedReason}
        </p>
      ) : null}
      <ActionResultMessage result={result} />
    </div>
  );
}
