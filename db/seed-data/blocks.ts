import { escapeHtml } from '../../lib/escape-html';

/** Simple text blocks → the three stored forms of a body (editor JSON, HTML, plain text). */
export type TextBlock = { type: 'paragraph' | 'heading'; text: string };

export function bodyFromBlocks(blocks: TextBlock[]) {
  const json = {
    type: 'doc',
    content: blocks.map((b) =>
      b.type === 'heading'
        ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: b.text }] }
        : { type: 'paragraph', content: [{ type: 'text', text: b.text }] },
    ),
  };
  const html = blocks.map((b) => (b.type === 'heading' ? `<h2>${escapeHtml(b.text)}</h2>` : `<p>${escapeHtml(b.text)}</p>`)).join('\n');
  const text = blocks.map((b) => b.text).join('\n\n');
  return { json, html, text };
}
