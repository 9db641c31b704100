import { mergeAttributes, Node } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { Link } from '@tiptap/extension-link';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { CharacterCount, Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { isSafeImageSrc, isSafeLinkHref } from '@/lib/content/urls';
import { parseYouTubeId, YOUTUBE_ID } from '@/lib/content/youtube';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    youtube: { insertYouTube: (videoId: string) => ReturnType };
  }
}

/**
 * A YouTube embed stored as its 11-character id only; the server turns it
 * into a privacy-enhanced (youtube-nocookie.com) iframe. In the editor it is
 * a labelled box: the admin's CSP allows no third-party frames.
 */
export const YouTube = Node.create({
  name: 'youtube',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      videoId: {
        default: null,
        parseHTML: (el) => {
          const id = el.getAttribute('data-youtube-id') ?? parseYouTubeId(el.getAttribute('src') ?? '');
          return id && YOUTUBE_ID.test(id) ? id : null;
        },
      },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-youtube-id]' }, { tag: 'iframe[src]', getAttrs: (el) => (parseYouTubeId((el as HTMLElement).getAttribute('src') ?? '') ? null : false) }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const id = String(node.attrs.videoId ?? '');
    return [
      'div',
      mergeAttributes({ 'data-youtube-id': id, class: 'editor-youtube', contenteditable: 'false' }, { title: HTMLAttributes.title }),
      `▶ Video YouTube · ${id}`,
    ];
  },
  addCommands() {
    return {
      insertYouTube:
        (videoId: string) =>
        ({ commands }) =>
          YOUTUBE_ID.test(videoId) ? commands.insertContent({ type: this.name, attrs: { videoId } }) : false,
    };
  },
});

/** Images carry alt text and a caption (rendered as <figure>/<figcaption> on the public page). */
export const CaptionedImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-caption') || el.getAttribute('title'),
        renderHTML: (attrs) => (attrs.caption ? { 'data-caption': attrs.caption } : {}),
      },
    };
  },
}).configure({ inline: false, allowBase64: false });

export function editorExtensions(placeholder = 'Nội dung bài viết…') {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      // Our own Link below: StarterKit's keeps extending a link with whatever is typed after it.
      link: false,
    }),
    // inclusive: false — the link mark ends at the cursor, so text typed right after a link is
    // not part of it (TipTap makes an autolinking Link inclusive by default).
    Link.extend({ inclusive: () => false }).configure({
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      protocols: ['http', 'https', 'mailto'],
      // The same allowlist as the server: http, https, mailto, site paths.
      isAllowedUri: (url) => isSafeLinkHref(url),
      shouldAutoLink: (url) => isSafeLinkHref(url) || isSafeLinkHref(`https://${url}`),
    }),
    CaptionedImage.extend({
      parseHTML() {
        return [{ tag: 'img[src]', getAttrs: (el) => (isSafeImageSrc((el as HTMLElement).getAttribute('src') ?? '') ? null : false) }];
      },
    }),
    YouTube,
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    CharacterCount,
    Placeholder.configure({ placeholder }),
  ];
}
