'use client';

import { useState, useTransition } from 'react';
import { addCommentAction } from '@/app/(admin)/admin/bai-viet/actions';
import { formatDateTimeVi } from '@/lib/time';

export type ThreadComment = { id: number; kind: string; body: string; createdAt: string; authorName: string | null };

/**
 * "Trao đổi": the editorial thread beside the editor, between the article's authors and the
 * editors; never public. The note of "Trả lại" opens it. Text only: shown as typed, with its line breaks.
 */
export function CommentThread({ articleId, initial }: { articleId: number; initial: ThreadComment[] }) {
  const [comments, setComments] = useState(initial);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function send(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await addCommentAction({ articleId, body });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setComments((list) => [...list, result.data]);
      setBody('');
    });
  }

  return (
    <section aria-labelledby="trao-doi" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <h2 id="trao-doi" className="font-semibold">
        Trao đổi ({comments.length})
      </h2>
      <p className="text-xs text-slate-500">Chỉ tác giả và biên tập viên thấy; không bao giờ hiện trên trang công khai.</p>
      {comments.length ? (
        <ol className="space-y-2" data-testid="comment-list">
          {comments.map((c) => (
            <li key={c.id} className={`rounded-md p-2 text-sm ${c.kind === 'return_note' ? 'border border-orange-200 bg-orange-50' : 'bg-slate-50'}`}>
              <p className="text-xs text-slate-600">
                <span className="font-semibold text-slate-800">{c.authorName ?? 'Tài khoản đã xóa'}</span>
                {c.kind === 'return_note' ? ' · Lý do trả lại' : ''} · {formatDateTimeVi(c.createdAt)}
              </p>
              <p className="mt-1 whitespace-pre-line break-words">{c.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">Chưa có trao đổi nào.</p>
      )}
      <form onSubmit={send} className="grid gap-2">
        <label className="grid gap-1 text-sm">
          Viết trao đổi
          <textarea value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} rows={3} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={pending || !body.trim()} className="justify-self-start rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-50">
          {pending ? 'Đang gửi…' : 'Gửi trao đổi'}
        </button>
      </form>
    </section>
  );
}
