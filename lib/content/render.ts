import type { EditorNode } from '@/lib/validation/editorial';
import { escapeHtml } from '@/lib/escape-html';
import { countWords, htmlToText, sanitizeArticleHtml } from './sanitize';
import { isExternalHref, isSafeImageSrc, isSafeLinkHref } from './urls';
import { YOUTUBE_ID, youtubeEmbedUrl } from './youtube';

export type { EditorNode };

export type RenderedBody = { html: string; text: string; words: number };

const MAX_DEPTH = 40;

/**
 * Editor JSON → the HTML the public page shows. Only known nodes and marks
 * produce markup; every text and attribute is escaped, and the result still
 * goes through the allowlist sanitizer (two independent layers).
 */
export function renderEditorDocument(doc: EditorNode): RenderedBody {
  const html = sanitizeArticleHtml(renderNodes(doc.content ?? [], 0));
  const text = htmlToText(html);
  return { html, text, words: countWords(text) };
}

export function renderRawHtml(raw: string): RenderedBody {
  const html = sanitizeArticleHtml(raw);
  const text = htmlToText(html);
  return { html, text, words: countWords(text) };
}

function renderNodes(nodes: EditorNode[], depth: number): string {
  if (depth > MAX_DEPTH) return '';
  return nodes.map((n) => renderNode(n, depth + 1)).join('');
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const attr = (value: string) => escapeHtml(value);

function renderNode(node: EditorNode, depth: number): string {
  const inner = () => renderNodes(node.content ?? [], depth);
  switch (node.type) {
    case 'text':
      return renderText(node);
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = Math.min(4, Math.max(2, Number(node.attrs?.level) || 2));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList': {
      const start = Number(node.attrs?.start);
      return Number.isInteger(start) && start > 1 && start < 10_000 ? `<ol start="${start}">${inner()}</ol>` : `<ol>${inner()}</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'horizontalRule':
      return '<hr>';
    case 'hardBreak':
      return '<br>';
    case 'image':
      return renderImage(node);
    case 'youtube': {
      const id = str(node.attrs?.videoId);
      if (!YOUTUBE_ID.test(id)) return '';
      return `<figure><iframe src="${youtubeEmbedUrl(id)}" title="Video YouTube"></iframe></figure>`;
    }
    case 'table':
      return `<table><tbody>${inner()}</tbody></table>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
    case 'tableCell': {
      const tag = node.type === 'tableHeader' ? 'th' : 'td';
      const span = (name: 'colspan' | 'rowspan') => {
        const n = Number(node.attrs?.[name]);
        return Number.isInteger(n) && n > 1 && n < 100 ? ` ${name}="${n}"` : '';
      };
      return `<${tag}${span('colspan')}${span('rowspan')}>${inner()}</${tag}>`;
    }
    default:
      // Unknown node: keep its text, never its markup.
      return inner();
  }
}

function renderImage(node: EditorNode): string {
  const src = str(node.attrs?.src);
  if (!isSafeImageSrc(src)) return '';
  const alt = str(node.attrs?.alt);
  const caption = str(node.attrs?.caption) || str(node.attrs?.title);
  const img = `<img src="${attr(src)}" alt="${attr(alt)}">`;
  return caption ? `<figure>${img}<figcaption>${escapeHtml(caption)}</figcaption></figure>` : `<figure>${img}</figure>`;
}

const markTags: Record<string, string> = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code', subscript: 'sub', superscript: 'sup' };

function renderText(node: EditorNode): string {
  let html = escapeHtml(node.text ?? '');
  for (const mark of node.marks ?? []) {
    const tag = markTags[mark.type];
    if (tag) html = `<${tag}>${html}</${tag}>`;
    else if (mark.type === 'link') {
      const href = str(mark.attrs?.href);
      if (!isSafeLinkHref(href)) continue;
      const external = isExternalHref(href) ? ' target="_blank" rel="noopener noreferrer"' : '';
      html = `<a href="${attr(href)}"${external}>${html}</a>`;
    }
  }
  return html;
}
