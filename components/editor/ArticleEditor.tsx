'use client';

import { EditorContent, useEditor, type Content } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  publishArticleAction,
  rejectArticleAction,
  scheduleArticleAction,
  submitForReviewAction,
  unpublishArticleAction,
  unscheduleArticleAction,
  trashArticleAction,
  withdrawArticleAction,
} from '@/app/(admin)/admin/bai-viet/actions';
import { isEditor } from '@/lib/auth/roles';
import { canEdit, canPerform, displayStatus, trashRefusal, workflowState } from '@/lib/editorial';
import { formatDateTimeInputVi, formatDateTimeVi, parseDateTimeInputVi, toLocalIso } from '@/lib/time';
import { DateTimeField } from '@/components/admin/DateTimeField';
import { slugify } from '@/lib/slug';
import { ConflictPanel } from './ConflictPanel';
import { EditorToolbar } from './EditorToolbar';
import { editorExtensions } from './extensions';
import { MediaPicker, type PickedMedia } from './MediaPicker';
import { cleanPastedHtml } from './paste';
import { PresenceNotice } from './PresenceNotice';
import { RevisionsPanel, type RevisionItem } from './RevisionsPanel';
import { CategoryOptions } from '@/components/admin/CategoryOptions';
import type { EditorArticle, EditorUser, SavedState, SavePayload } from './types';
import './editor.css';
import { readBackup, useArticleSaver, type LocalBackup, type SaveStatus } from './useArticleSaver';

type Props = {
  article: EditorArticle;
  user: EditorUser;
  categories: { id: number; name: string }[];
  authors: { id: number; name: string }[] | null;
  revisions: RevisionItem[];
};

type Fields = {
  title: string;
  sapo: string;
  slug: string;
  slugTouched: boolean;
  categoryId: number | null;
  tags: string;
  coverImage: string | null;
  coverCaption: string;
  seoTitle: string;
  seoDescription: string;
  featured: boolean;
  authorId: number;
};

const hhmm = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false });
const input = 'w-full rounded-md border border-slate-300 px-3 py-2 disabled:bg-slate-100';
const label = 'grid gap-1 text-sm font-medium text-slate-700';

function statusText(s: SaveStatus): string {
  switch (s.kind) {
    case 'idle':
      return 'Chưa có thay đổi';
    case 'dirty':
      return 'Có thay đổi chưa lưu';
    case 'saving':
      return 'Đang lưu…';
    case 'saved':
      return `Đã lưu lúc ${hhmm.format(s.at)}`;
    case 'autosaved':
      return `Đã lưu tạm lúc ${hhmm.format(s.at)} — bấm «Cập nhật bài» để đưa lên trang`;
    case 'retrying':
      return `Lưu thất bại (${s.message}). Sẽ thử lại lúc ${hhmm.format(new Date(s.retryAt))}; bản nháp vẫn được giữ trên máy này.`;
    case 'blocked':
      return `Không lưu được: ${s.message}`;
    case 'conflict':
      return 'Xung đột phiên bản: chưa lưu';
  }
}


export function ArticleEditor({ article, user, categories, authors, revisions }: Props) {
  const router = useRouter();
  // 0 for "Viết bài mới" until its first save makes the article.
  const [articleId, setArticleId] = useState(article.id);
  const [status, setStatus] = useState(article.status);
  const [publishedAt, setPublishedAt] = useState(article.publishedAt);
  const [reviewNote, setReviewNote] = useState(article.reviewNote);
  const [fields, setFields] = useState<Fields>(() => ({
    title: article.title,
    sapo: article.sapo,
    slug: article.slug.startsWith('nhap-') ? '' : article.slug,
    slugTouched: !article.slug.startsWith('nhap-') && article.slug !== slugify(article.title),
    categoryId: article.categoryId,
    tags: article.tags.join(', '),
    coverImage: article.coverImage,
    coverCaption: article.coverCaption ?? '',
    seoTitle: article.seoTitle ?? '',
    seoDescription: article.seoDescription ?? '',
    featured: article.featured,
    authorId: article.authorId,
  }));
  const fieldsRef = useRef(fields);
  useEffect(() => {
    fieldsRef.current = fields;
  }, [fields]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [picker, setPicker] = useState<'body' | 'cover' | null>(null);
  const [rejectNote, setRejectNote] = useState('');
  // The schedule field's text (dd/mm/yyyy HH:mm, Vietnam time); a scheduled article starts with its time.
  const [scheduleAt, setScheduleAt] = useState(() =>
    workflowState(article.status, article.publishedAt) === 'scheduled' && article.publishedAt ? formatDateTimeInputVi(article.publishedAt) : '',
  );
  const [counts, setCounts] = useState({ words: 0, characters: 0 });
  const [backup, setBackup] = useState<LocalBackup | null>(null);
  const [busy, setBusy] = useState(false);
  const slugFocused = useRef(false);

  const access = { authorId: article.authorId, status, publishedAt };
  const scheduled = workflowState(status, publishedAt) === 'scheduled';
  const editable = canEdit(user, access);
  const moderator = isEditor(user.role);

  // The initial document only: the editor owns its content from here on, and
  // nothing written by a save or a re-render ever resets it (IME safety).
  const initialContent = useMemo((): Content => {
    const json = article.bodyJson as { type?: string; content?: unknown[] } | null;
    return json && json.type === 'doc' && Array.isArray(json.content) && json.content.length > 0 ? (json as Content) : article.bodyHtml || '';
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const countTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saverRef = useRef<{ markDirty: () => void } | null>(null);
  // The document as stored on the server: the one loaded (after the schema's own normalising on
  // load), then the one each save sent. A change is an edit only when the document differs from
  // it; TipTap's "update" events also fire on no edit at all (setEditable, an empty transaction),
  // and opening an article used to autosave it, bump its version and conflict with a colleague
  // who only had it open.
  const storedDoc = useRef<ProseMirrorNode | null>(null);
  const sentDoc = useRef<ProseMirrorNode | null>(null);

  // Stable option objects: TipTap calls setOptions (and view.updateState) on any
  // render whose options differ, which must never happen in the middle of typing.
  const extensions = useMemo(() => editorExtensions(), []);
  const editorProps = useMemo(
    () => ({
      attributes: {
        'aria-label': 'Nội dung',
        role: 'textbox',
        'aria-multiline': 'true',
        class: 'prose prose-slate max-w-none min-h-[24rem] px-4 py-3 focus:outline-none',
      },
      transformPastedHTML: cleanPastedHtml,
    }),
    [],
  );
  const editor = useEditor({
    extensions,
    content: initialContent,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editable,
    editorProps,
    onCreate: ({ editor: e }) => {
      storedDoc.current = e.state.doc;
      const storage = e.storage as unknown as { characterCount: { words: () => number; characters: () => number } };
      setCounts({ words: storage.characterCount.words(), characters: storage.characterCount.characters() });
    },
    onUpdate: ({ editor: e, transaction }) => {
      if (!transaction.docChanged || (storedDoc.current && e.state.doc.eq(storedDoc.current))) return;
      saverRef.current?.markDirty();
      // Counting a long article on every keystroke would cost typing latency: debounce it.
      if (countTimer.current) clearTimeout(countTimer.current);
      countTimer.current = setTimeout(() => {
        const storage = e.storage as unknown as { characterCount: { words: () => number; characters: () => number } };
        setCounts({ words: storage.characterCount.words(), characters: storage.characterCount.characters() });
      }, 400);
    },
  });

  const getPayload = useCallback((): SavePayload => {
    const f = fieldsRef.current;
    const slug = f.slugTouched && f.slug.trim() ? f.slug : publishedAt && article.slug && !article.slug.startsWith('nhap-') ? article.slug : slugify(f.title);
    // What this payload sends becomes the stored document once the save succeeds (onSaved).
    sentDoc.current = editor?.state.doc ?? null;
    return {
      articleId: article.id,
      title: f.title,
      sapo: f.sapo,
      // A plain-JSON copy: ProseMirror attrs objects are not plain (null prototype),
      // and a server action's serializer would send them as opaque references.
      body: { json: JSON.parse(JSON.stringify(editor ? editor.getJSON() : (article.bodyJson ?? { type: 'doc', content: [] }))) },
      slug: slug || undefined,
      categoryId: f.categoryId,
      tags: f.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      coverImage: f.coverImage,
      coverCaption: f.coverCaption || null,
      seoTitle: f.seoTitle || null,
      seoDescription: f.seoDescription || null,
      ...(moderator ? { featured: f.featured, authorId: f.authorId } : {}),
    };
  }, [article.id, article.slug, article.bodyJson, editor, moderator, publishedAt]);

  const onSaved = useCallback((state: SavedState) => {
    if (sentDoc.current) storedDoc.current = sentDoc.current;
    setStatus(state.status);
    // Show the slug the server chose (it may carry a -2 suffix), unless the user is editing it.
    if (!slugFocused.current) setFields((f) => ({ ...f, slug: state.slug }));
  }, []);

  const saver = useArticleSaver({
    articleId: article.id,
    initialVersion: article.version,
    getPayload,
    isComposing: () => Boolean(editor?.view.composing),
    onSaved,
    onCreated: (id) => {
      setArticleId(id);
      // The address of the article from now on, without a navigation that would remount the editor mid-typing.
      window.history.replaceState(null, '', `/admin/bai-viet/${id}`);
    },
    enabled: editable,
  });
  useEffect(() => {
    saverRef.current = saver;
  });

  useEffect(() => {
    // false: no "update" event, which the saver would take for an edit.
    editor?.setEditable(editable, false);
  }, [editor, editable]);

  // A local copy the server never confirmed (tab closed offline, crash): offer it back.
  useEffect(() => {
    const b = readBackup(article.id);
    if (!b) return;
    const serverText = JSON.stringify(article.bodyJson);
    if (JSON.stringify(b.payload.body.json) === serverText && b.payload.title === article.title && b.payload.sapo === article.sapo) {
      window.localStorage.removeItem(`toa-soan:bai-viet:${article.id}`);
      return;
    }
    const t = setTimeout(() => setBackup(b), 0);
    return () => clearTimeout(t);
  }, [article.id, article.bodyJson, article.title, article.sapo]);

  // Ctrl+S / ⌘S does what the main button says ("Lưu nháp", or "Cập nhật bài" on a published
  // article) instead of the browser's "save page".
  const saveNow = saver.saveNow;
  useEffect(() => {
    if (!editable) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable, saveNow]);

  const change = (patch: Partial<Fields>) => {
    setFields((f) => ({ ...f, ...patch }));
    saver.markDirty();
  };

  async function transition(run: () => Promise<{ ok: true; data: SavedState } | { ok: false; code: string; message: string }>, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      if (editable && !(await saver.flush())) {
        setMessage({ kind: 'error', text: 'Chưa lưu được bài: hãy xử lý lỗi lưu trước.' });
        return;
      }
      const result = await run();
      if (result.ok) {
        saver.setVersion(result.data.version);
        setStatus(result.data.status);
        setPublishedAt(result.data.publishedAt ? new Date(result.data.publishedAt).toISOString() : null);
        setReviewNote(result.data.reviewNote);
        setMessage({ kind: 'ok', text: done });
        router.refresh();
      } else {
        setMessage({ kind: 'error', text: result.message });
      }
    } finally {
      setBusy(false);
    }
  }

  const v = () => ({ articleId: saver.getArticleId(), version: saver.getVersion() });
  const can = (name: Parameters<typeof canPerform>[1]) => canPerform(user, name, access);
  const conflict = saver.status.kind === 'conflict' ? saver.status.info : null;

  const insertMedia = (m: PickedMedia) => {
    if (picker === 'cover') change({ coverImage: m.url, coverCaption: fields.coverCaption || m.caption });
    else editor?.chain().focus().insertContent({ type: 'image', attrs: { src: m.url, alt: m.alt || m.caption, caption: m.caption || null } }).run();
  };

  return (
    // Below lg the sidebar comes after the text: the main buttons also sit in a bar fixed at the bottom (room left for it).
    <div className="space-y-4 max-lg:pb-20">
      {editable || can('submit') || can('publish') ? (
      <div role="region" aria-label="Thao tác nhanh" className="fixed inset-x-0 bottom-0 z-30 flex gap-2 border-t border-slate-200 bg-white/95 p-2 shadow-[0_-2px_6px_rgba(0,0,0,0.06)] lg:hidden">
        {editable ? (
          <button type="button" disabled={busy} onClick={() => void saver.saveNow()} className="flex-1 rounded-md bg-sky-800 px-3 py-2 text-sm font-medium text-white disabled:opacity-50">
            {status === 'published' ? 'Cập nhật bài' : 'Lưu nháp'}
          </button>
        ) : null}
        {can('submit') ? (
          <button type="button" disabled={busy} onClick={() => void transition(() => submitForReviewAction(v()), 'Đã gửi duyệt.')} className="flex-1 rounded-md border border-sky-800 px-3 py-2 text-sm font-medium text-sky-900 disabled:opacity-50">
            Gửi duyệt
          </button>
        ) : null}
        {can('publish') ? (
          <button type="button" disabled={busy} onClick={() => void transition(() => publishArticleAction(v()), 'Đã xuất bản.')} className="flex-1 rounded-md bg-green-700 px-3 py-2 text-sm font-medium text-white disabled:opacity-50">
            {scheduled ? 'Xuất bản ngay' : 'Xuất bản'}
          </button>
        ) : null}
      </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <span className="rounded-full bg-slate-200 px-3 py-1 text-sm font-medium" data-testid="article-status">
          {displayStatus(status, publishedAt)}
        </span>
        <span role="status" aria-live="polite" className={`text-sm ${saver.status.kind === 'retrying' || saver.status.kind === 'blocked' ? 'text-red-700' : 'text-slate-600'}`} data-testid="save-status">
          {statusText(saver.status)}
        </span>
        <span className="text-sm text-slate-500" data-testid="word-count">
          {counts.words.toLocaleString('vi-VN')} từ · {counts.characters.toLocaleString('vi-VN')} ký tự
        </span>
        {articleId ? (
          <a href={`/api/admin/preview?id=${articleId}`} target="_blank" rel="noopener" className="ml-auto rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            Xem trước
          </a>
        ) : null}
      </div>

      {articleId ? <PresenceNotice articleId={articleId} /> : null}

      {reviewNote && (status === 'rejected' || status === 'draft') ? (
        <div role="note" className="rounded border border-orange-300 bg-orange-50 px-3 py-2 text-sm text-orange-900">
          <strong>Biên tập viên trả lại bài:</strong> {reviewNote}
        </div>
      ) : null}
      {!editable ? (
        <p className="rounded border border-slate-300 bg-slate-100 px-3 py-2 text-sm">
          {status === 'pending' ? 'Bài đang chờ duyệt: bạn chỉ xem được cho đến khi bài được trả lại.' : 'Bạn chỉ xem được bài này.'}
        </p>
      ) : null}
      {backup ? (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm">
          <span>Trên máy này còn một bản lưu tạm chưa được gửi lên máy chủ ({new Date(backup.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}).</span>
          <button
            type="button"
            className="rounded bg-sky-800 px-2 py-1 text-white"
            onClick={() => {
              // An explicit user choice: the only place the editor's content is replaced.
              editor?.commands.setContent(backup.payload.body.json as never, { emitUpdate: true });
              change({ title: backup.payload.title, sapo: backup.payload.sapo });
              setBackup(null);
            }}
          >
            Khôi phục bản trên máy
          </button>
          <button
            type="button"
            className="rounded px-2 py-1 hover:bg-sky-100"
            onClick={() => {
              window.localStorage.removeItem(`toa-soan:bai-viet:${article.id}`);
              setBackup(null);
            }}
          >
            Bỏ bản này
          </button>
        </div>
      ) : null}

      {conflict ? (
        <ConflictPanel
          info={conflict}
          mine={{ title: fields.title, sapo: fields.sapo, text: editor?.getText({ blockSeparator: '\n\n' }) ?? '' }}
          onReload={() => window.location.reload()}
          onOverwrite={() => void saver.overwriteAfterConflict(conflict.serverVersion)}
        />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <label className={label}>
            Tiêu đề
            <input
              className={`${input} font-serif text-2xl font-bold`}
              value={fields.title}
              disabled={!editable}
              maxLength={300}
              onChange={(e) => change({ title: e.target.value })}
            />
          </label>
          <label className={label}>
            Sapo
            <textarea className={`${input} min-h-20`} value={fields.sapo} disabled={!editable} maxLength={1000} onChange={(e) => change({ sapo: e.target.value })} />
          </label>
          <div className={label}>
            <span id="noi-dung-label">Nội dung</span>
            <div className="rounded-md border border-slate-300 bg-white">
              {editor ? <EditorToolbar editor={editor} onInsertImage={() => setPicker('body')} /> : null}
              <EditorContent editor={editor} className="article-editor" />
            </div>
          </div>
        </div>

        <aside className="space-y-4">
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
            {editable ? (
              // Ctrl+S (above) runs exactly this button: on a published article that is "Cập nhật
              // bài" (the change goes live), never a silent draft while autosave holds it back.
              <button
                type="button"
                disabled={busy}
                aria-keyshortcuts="Control+S Meta+S"
                onClick={() => void saver.saveNow()}
                className="flex w-full items-center justify-center gap-2 rounded-md bg-sky-800 px-3 py-2 font-medium text-white hover:bg-sky-900 disabled:opacity-50"
              >
                {status === 'published' ? 'Cập nhật bài' : 'Lưu nháp'}
                <kbd aria-hidden="true" className="rounded border border-white/40 px-1 font-sans text-xs font-normal">
                  Ctrl+S
                </kbd>
              </button>
            ) : null}
            {can('submit') ? (
              <button type="button" disabled={busy} onClick={() => void transition(() => submitForReviewAction(v()), 'Đã gửi duyệt.')} className="w-full rounded-md border border-sky-800 px-3 py-2 font-medium text-sky-900 hover:bg-sky-50 disabled:opacity-50">
                Gửi duyệt
              </button>
            ) : null}
            {can('publish') ? (
              <button type="button" disabled={busy} onClick={() => void transition(() => publishArticleAction(v()), 'Đã xuất bản.')} className="w-full rounded-md bg-green-700 px-3 py-2 font-medium text-white hover:bg-green-800 disabled:opacity-50">
                {scheduled ? 'Xuất bản ngay' : 'Xuất bản'}
              </button>
            ) : null}
            {scheduled && publishedAt ? (
              <p className="rounded border border-sky-200 bg-sky-50 px-2 py-1.5 text-sm text-sky-900" data-testid="schedule-notice">
                Hẹn giờ: {formatDateTimeVi(publishedAt)}
              </p>
            ) : null}
            {can('schedule') ? (
              <div className="grid gap-1">
                <DateTimeField label="Giờ đăng (giờ Việt Nam)" value={scheduleAt} onChange={setScheduleAt} disabled={busy} />
                <button
                  type="button"
                  disabled={busy || !scheduleAt.trim()}
                  onClick={() => {
                    const at = parseDateTimeInputVi(scheduleAt);
                    if (!at) {
                      setMessage({ kind: 'error', text: 'Giờ đăng chưa đúng dạng ngày/tháng/năm giờ:phút, ví dụ 03/12/2026 08:00.' });
                      return;
                    }
                    void transition(() => scheduleArticleAction({ ...v(), publishAt: toLocalIso(at) }), scheduled ? 'Đã đổi giờ đăng.' : 'Đã hẹn giờ đăng.');
                  }}
                  className="rounded-md border border-green-700 px-3 py-2 font-medium text-green-800 hover:bg-green-50 disabled:opacity-50"
                >
                  {scheduled ? 'Đổi giờ đăng' : 'Hẹn giờ'}
                </button>
              </div>
            ) : null}
            {can('unschedule') ? (
              <button
                type="button"
                disabled={busy}
                onClick={() => void transition(() => unscheduleArticleAction(v()), 'Đã hủy hẹn giờ: bài trở về hàng chờ duyệt.')}
                className="w-full rounded-md border border-slate-400 px-3 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50"
              >
                Hủy hẹn giờ
              </button>
            ) : null}
            {can('reject') ? (
              <div className="grid gap-1">
                <label className="grid gap-1 text-sm">
                  Lý do trả lại
                  <textarea className={input} value={rejectNote} onChange={(e) => setRejectNote(e.target.value)} maxLength={2000} />
                </label>
                <button
                  type="button"
                  disabled={busy || rejectNote.trim().length < 3}
                  onClick={() => void transition(() => rejectArticleAction({ ...v(), note: rejectNote }), 'Đã trả lại bài cho tác giả.')}
                  className="rounded-md border border-orange-600 px-3 py-2 font-medium text-orange-800 hover:bg-orange-50 disabled:opacity-50"
                >
                  Trả lại
                </button>
              </div>
            ) : null}
            {can('unpublish') ? (
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  if (window.confirm('Gỡ bài khỏi trang công khai?')) void transition(() => unpublishArticleAction(v()), 'Đã gỡ bài.');
                }}
                className="w-full rounded-md border border-red-600 px-3 py-2 font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
              >
                Gỡ bài
              </button>
            ) : null}
            {can('withdraw') ? (
              <button
                type="button"
                disabled={busy}
                onClick={() => void transition(() => withdrawArticleAction(v()), 'Đã rút lại: bài trở về bản nháp.')}
                className="w-full rounded-md border border-slate-400 px-3 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50"
              >
                Rút lại
              </button>
            ) : null}
            {articleId && trashRefusal(user, access) === null ? (
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  if (!window.confirm('Chuyển bài này vào thùng rác? Biên tập viên có thể khôi phục trong 30 ngày.')) return;
                  setBusy(true);
                  void trashArticleAction({ articleId }).then((result) => {
                    setBusy(false);
                    if (result.ok) router.push('/admin/bai-viet');
                    else setMessage({ kind: 'error', text: result.message });
                  });
                }}
                className="w-full rounded-md px-3 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
              >
                Xóa bài
              </button>
            ) : null}
            {message ? (
              <p role={message.kind === 'error' ? 'alert' : 'status'} className={`text-sm ${message.kind === 'error' ? 'text-red-700' : 'text-green-800'}`}>
                {message.text}
              </p>
            ) : null}
          </div>

          <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
            <label className={label}>
              Chuyên mục
              <select className={input} disabled={!editable} value={fields.categoryId ?? ''} onChange={(e) => change({ categoryId: e.target.value ? Number(e.target.value) : null })}>
                <CategoryOptions categories={categories} emptyLabel="— Chọn chuyên mục —" />
              </select>
            </label>
            <label className={label}>
              Thẻ (phân cách bằng dấu phẩy)
              <input className={input} disabled={!editable} value={fields.tags} onChange={(e) => change({ tags: e.target.value })} />
            </label>
            <div className="grid gap-1 text-sm">
              <span className="font-medium text-slate-700">Ảnh đại diện</span>
              {fields.coverImage ? (
                // eslint-disable-next-line @next/next/no-img-element -- a preview of our own upload
                <img src={fields.coverImage} alt="Ảnh đại diện" className="aspect-video w-full rounded object-cover" />
              ) : null}
              {editable ? (
                <div className="flex gap-2">
                  <button type="button" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" onClick={() => setPicker('cover')}>
                    Chọn ảnh đại diện
                  </button>
                  {fields.coverImage ? (
                    <button type="button" className="rounded px-2 py-1 hover:bg-slate-100" onClick={() => change({ coverImage: null })}>
                      Bỏ ảnh
                    </button>
                  ) : null}
                </div>
              ) : null}
            </div>
            <label className={label}>
              Chú thích ảnh đại diện
              <input className={input} disabled={!editable} value={fields.coverCaption} onChange={(e) => change({ coverCaption: e.target.value })} />
            </label>
            <label className={label}>
              Đường dẫn
              <input
                className={input}
                disabled={!editable}
                value={fields.slugTouched || (fields.slug && fields.slug.replace(/-\d+$/, '') === slugify(fields.title)) ? fields.slug : slugify(fields.title)}
                onFocus={() => (slugFocused.current = true)}
                onBlur={() => (slugFocused.current = false)}
                onChange={(e) => change({ slug: e.target.value, slugTouched: true })}
              />
              <span className="text-xs font-normal text-slate-500">
                {status === 'published'
                  ? 'Bài đã xuất bản: đổi đường dẫn thì địa chỉ cũ tự chuyển hướng (308) sang địa chỉ mới.'
                  : 'Tạo từ tiêu đề; có thể sửa. Trùng với bài khác sẽ được thêm số.'}
              </span>
            </label>
            <label className={label}>
              Tiêu đề SEO
              <input className={input} disabled={!editable} value={fields.seoTitle} maxLength={200} onChange={(e) => change({ seoTitle: e.target.value })} />
            </label>
            <label className={label}>
              Mô tả SEO
              <textarea className={input} disabled={!editable} value={fields.seoDescription} maxLength={400} onChange={(e) => change({ seoDescription: e.target.value })} />
            </label>
            {moderator && authors ? (
              <>
                <label className={label}>
                  Tác giả
                  <select className={input} disabled={!editable} value={fields.authorId} onChange={(e) => change({ authorId: Number(e.target.value) })}>
                    {authors.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="flex items-center gap-2 text-sm font-medium">
                  <input type="checkbox" disabled={!editable} checked={fields.featured} onChange={(e) => change({ featured: e.target.checked })} />
                  Tin nổi bật
                </label>
              </>
            ) : (
              <p className="text-sm text-slate-600">Tác giả: {article.authorName}</p>
            )}
          </div>
        </aside>
      </div>

      {articleId ? (
      <RevisionsPanel
        articleId={articleId}
        revisions={revisions}
        canRestore={editable}
        getVersion={saver.getVersion}
        beforeRestore={saver.flush}
      />
      ) : null}

      <MediaPicker open={picker !== null} title={picker === 'cover' ? 'Chọn ảnh đại diện' : 'Chèn ảnh'} onClose={() => setPicker(null)} onPick={insertMedia} />
    </div>
  );
}
