'use client';

import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useEditorState, type Editor } from '@tiptap/react';
import { useState } from 'react';
import { isSafeLinkHref } from '@/lib/content/urls';
import { parseYouTubeId } from '@/lib/content/youtube';

type Props = { editor: Editor; onInsertImage: () => void };

const btn = 'rounded px-2 py-1 text-sm hover:bg-slate-200 disabled:opacity-40 aria-pressed:bg-sky-100 aria-pressed:text-sky-900';

/** Formatting buttons; each names its shortcut. Inline forms instead of prompt() for links and videos. */
export function EditorToolbar({ editor, onInsertImage }: Props) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      image: e.isActive('image'),
      imageAttrs: e.isActive('image') ? (e.getAttributes('image') as { alt?: string; caption?: string }) : null,
      // Reading the history depth is O(1); e.can().undo() builds a command chain on every keystroke.
      canUndo: undoDepth(e.state) > 0,
      canRedo: redoDepth(e.state) > 0,
      editable: e.isEditable,
    }),
  });
  const [panel, setPanel] = useState<'link' | 'youtube' | null>(null);
  // On a phone the toolbar is one row: the common buttons, and "Thêm" for the rest.
  const [more, setMore] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!state?.editable) return null;
  const chain = () => editor.chain().focus();
  const secondary = more ? '' : 'max-md:hidden';

  const openPanel = (kind: 'link' | 'youtube') => {
    setPanel(kind);
    setError(null);
    setValue(kind === 'link' ? ((editor.getAttributes('link').href as string | undefined) ?? '') : '');
  };

  const applyPanel = () => {
    if (panel === 'link') {
      const href = value.trim();
      if (!href) {
        chain().extendMarkRange('link').unsetLink().run();
      } else {
        const normalized = /^(https?:|mailto:|\/|#)/i.test(href) ? href : `https://${href}`;
        if (!isSafeLinkHref(normalized)) return setError('Chỉ nhận liên kết http, https hoặc mailto.');
        if (editor.state.selection.empty && !editor.isActive('link')) {
          chain().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href: normalized } }] }).run();
        } else {
          chain().extendMarkRange('link').setLink({ href: normalized }).run();
        }
      }
    } else if (panel === 'youtube') {
      const id = parseYouTubeId(value);
      if (!id) return setError('Địa chỉ YouTube không hợp lệ.');
      chain().insertYouTube(id).run();
    }
    setPanel(null);
    setValue('');
  };

  return (
    <div className="sticky top-0 z-10 border-b border-slate-200 bg-white">
      <div id="editor-toolbar" role="toolbar" aria-label="Định dạng" className={`flex gap-1 p-1 md:flex-wrap ${more ? 'max-md:flex-wrap' : 'max-md:flex-nowrap max-md:overflow-hidden'}`}>
        <button
          type="button"
          className={`${btn} order-last md:hidden`}
          aria-expanded={more}
          aria-controls="editor-toolbar"
          onClick={() => setMore((v) => !v)}
        >
          {more ? 'Thu gọn' : 'Thêm…'}
        </button>
        <button type="button" className={btn} aria-pressed={state.h2} title="Tiêu đề mục (Ctrl+Alt+2)" onClick={() => chain().toggleHeading({ level: 2 }).run()}>
          Tiêu đề 2
        </button>
        <button type="button" className={`${btn} ${secondary}`} aria-pressed={state.h3} title="Tiêu đề nhỏ (Ctrl+Alt+3)" onClick={() => chain().toggleHeading({ level: 3 }).run()}>
          Tiêu đề 3
        </button>
        <button type="button" className={`${btn} font-bold`} aria-pressed={state.bold} aria-label="Đậm" title="Đậm (Ctrl+B)" onClick={() => chain().toggleBold().run()}>
          B
        </button>
        <button type="button" className={`${btn} italic`} aria-pressed={state.italic} aria-label="Nghiêng" title="Nghiêng (Ctrl+I)" onClick={() => chain().toggleItalic().run()}>
          I
        </button>
        <button type="button" className={`${btn} ${secondary} underline`} aria-pressed={state.underline} aria-label="Gạch chân" title="Gạch chân (Ctrl+U)" onClick={() => chain().toggleUnderline().run()}>
          U
        </button>
        <button type="button" className={`${btn} ${secondary}`} aria-pressed={state.bullet} title="Danh sách (Ctrl+Shift+8)" onClick={() => chain().toggleBulletList().run()}>
          • Danh sách
        </button>
        <button type="button" className={`${btn} ${secondary}`} aria-pressed={state.ordered} title="Danh sách số (Ctrl+Shift+7)" onClick={() => chain().toggleOrderedList().run()}>
          1. Danh sách số
        </button>
        <button type="button" className={`${btn} ${secondary}`} aria-pressed={state.quote} title="Trích dẫn (Ctrl+Shift+B)" onClick={() => chain().toggleBlockquote().run()}>
          Trích dẫn
        </button>
        <button type="button" className={btn} aria-pressed={state.link} title="Liên kết" onClick={() => openPanel('link')}>
          Liên kết
        </button>
        <button type="button" className={btn} title="Chèn ảnh" onClick={onInsertImage}>
          Chèn ảnh
        </button>
        <button type="button" className={`${btn} ${secondary}`} title="Video YouTube" onClick={() => openPanel('youtube')}>
          Video YouTube
        </button>
        <button type="button" className={`${btn} ${secondary}`} title="Chèn bảng 3×3" onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
          Bảng
        </button>
        <button type="button" className={`${btn} ${secondary}`} title="Đường kẻ ngang" onClick={() => chain().setHorizontalRule().run()}>
          Đường kẻ
        </button>
        <button type="button" className={`${btn} ${secondary}`} disabled={!state.canUndo} title="Hoàn tác (Ctrl+Z)" onClick={() => chain().undo().run()}>
          Hoàn tác
        </button>
        <button type="button" className={`${btn} ${secondary}`} disabled={!state.canRedo} title="Làm lại (Ctrl+Shift+Z)" onClick={() => chain().redo().run()}>
          Làm lại
        </button>
        {state.table ? (
          <>
            <button type="button" className={btn} onClick={() => chain().addRowAfter().run()}>
              + Hàng
            </button>
            <button type="button" className={btn} onClick={() => chain().addColumnAfter().run()}>
              + Cột
            </button>
            <button type="button" className={btn} onClick={() => chain().deleteRow().run()}>
              − Hàng
            </button>
            <button type="button" className={btn} onClick={() => chain().deleteColumn().run()}>
              − Cột
            </button>
            <button type="button" className={btn} onClick={() => chain().deleteTable().run()}>
              Xóa bảng
            </button>
          </>
        ) : null}
      </div>
      {panel ? (
        <form
          className="flex flex-wrap items-center gap-2 border-t border-slate-100 p-2"
          onSubmit={(e) => {
            e.preventDefault();
            applyPanel();
          }}
        >
          <label className="flex items-center gap-2 text-sm">
            {panel === 'link' ? 'Địa chỉ liên kết' : 'Địa chỉ video YouTube'}
            <input
              autoFocus
              className="w-80 rounded border border-slate-300 px-2 py-1"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              placeholder={panel === 'link' ? 'https://…' : 'https://www.youtube.com/watch?v=…'}
            />
          </label>
          <button type="submit" className="rounded bg-sky-800 px-3 py-1 text-sm text-white">
            Áp dụng
          </button>
          <button type="button" className="rounded px-3 py-1 text-sm hover:bg-slate-100" onClick={() => setPanel(null)}>
            Hủy
          </button>
          {error ? (
            <span role="alert" className="text-sm text-red-700">
              {error}
            </span>
          ) : null}
        </form>
      ) : null}
      {state.image && state.imageAttrs ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 p-2 text-sm">
          <label className="flex items-center gap-1">
            Chú thích ảnh
            <input
              className="w-64 rounded border border-slate-300 px-2 py-1"
              defaultValue={state.imageAttrs.caption ?? ''}
              key={`c-${state.imageAttrs.caption ?? ''}`}
              onBlur={(e) => editor.chain().updateAttributes('image', { caption: e.target.value || null }).run()}
            />
          </label>
          <label className="flex items-center gap-1">
            Mô tả ảnh (alt)
            <input
              className="w-64 rounded border border-slate-300 px-2 py-1"
              defaultValue={state.imageAttrs.alt ?? ''}
              key={`a-${state.imageAttrs.alt ?? ''}`}
              onBlur={(e) => editor.chain().updateAttributes('image', { alt: e.target.value }).run()}
            />
          </label>
        </div>
      ) : null}
    </div>
  );
}
