import render from 'dom-serializer';
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { expect } from 'vitest';

const ALLOWED_TAGS = new Set([
  'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'code', 'a', 'ul', 'ol', 'li',
  'blockquote', 'hr', 'figure', 'figcaption', 'img', 'iframe', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'from', 'to', 'values', 'background', 'poster', 'cite'];

function elements(nodes: ChildNode[]): Element[] {
  return nodes.flatMap((n) => (n.type === 'tag' || n.type === 'script' || n.type === 'style' ? [n as Element, ...elements((n as Element).children)] : []));
}

/** Parse → serialise → parse, then the corpus's pass criterion. */
export function assertSafe(html: string) {
  const reparsed = parseDocument(render(parseDocument(html)));
  for (const el of elements(reparsed.children)) {
    const name = el.name.toLowerCase();
    expect(ALLOWED_TAGS.has(name), `unexpected <${name}> in ${html}`).toBe(true);
    for (const [key, value] of Object.entries(el.attribs)) {
      const k = key.toLowerCase();
      expect(k.startsWith('on'), `event handler ${k} in ${html}`).toBe(false);
      expect(k, `style in ${html}`).not.toBe('style');
      expect(k).not.toBe('srcdoc');
      if (URL_ATTRS.includes(k)) {
        const compact = value.replace(/[\s\u0000-\u001f\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g, '').toLowerCase();
        expect(/^(javascript|vbscript|data|livescript):/.test(compact), `dangerous URL ${value} in ${html}`).toBe(false);
        if (name === 'img') expect(value).toMatch(/^(https:\/\/|\/media\/|\/images\/)/);
        if (name === 'a') expect(value).toMatch(/^(https?:\/\/|mailto:|\/(?!\/)|#)/i);
      }
    }
    if (name === 'iframe') expect(el.attribs.src).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/);
    if (name === 'a' && el.attribs.target === '_blank') expect(el.attribs.rel).toContain('noopener');
  }
}

