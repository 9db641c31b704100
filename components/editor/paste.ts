/**
 * Cleans HTML pasted from Word or Google Docs before the editor parses it:
 * keeps structure (headings, lists, tables, links, bold/italic/underline
 * written as inline styles) and drops styling, classes, comments, Office
 * namespaces and Google's wrapping <b id="docs-internal-guid-…">.
 */
export function cleanPastedHtml(html: string): string {
  if (typeof DOMParser === 'undefined') return html;
  const doc = new DOMParser().parseFromString(html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, ''), 'text/html');
  const body = doc.body;

  body.querySelectorAll('style, meta, link, script, xml, title, o\\:p').forEach((el) => el.remove());
  for (const el of Array.from(body.getElementsByTagName('*'))) {
    if (el.tagName.includes(':')) el.replaceWith(...Array.from(el.childNodes));
  }

  // Google Docs wraps the whole clipboard in a bold tag that is not bold.
  body.querySelectorAll('b[id^="docs-internal-guid"]').forEach((b) => b.replaceWith(...Array.from(b.childNodes)));

  // Word marks list paragraphs with classes; turn runs of them into real lists.
  convertWordLists(doc);

  body.querySelectorAll<HTMLElement>('span, font').forEach((span) => {
    const style = span.getAttribute('style') ?? '';
    let node: Node = doc.createDocumentFragment();
    (node as DocumentFragment).append(...Array.from(span.childNodes));
    const wrap = (tag: string) => {
      const el = doc.createElement(tag);
      el.append(node);
      node = el;
    };
    if (/font-weight\s*:\s*(bold|[6-9]00)/i.test(style)) wrap('strong');
    if (/font-style\s*:\s*italic/i.test(style)) wrap('em');
    if (/text-decoration[^;]*underline/i.test(style)) wrap('u');
    span.replaceWith(node);
  });

  for (const el of Array.from(body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const keep = (el.tagName === 'A' && attr.name === 'href') || (el.tagName === 'IMG' && (attr.name === 'src' || attr.name === 'alt')) || attr.name === 'colspan' || attr.name === 'rowspan';
      if (!keep) el.removeAttribute(attr.name);
    }
  }
  // Empty paragraphs Word uses as spacing.
  body.querySelectorAll('p').forEach((p) => {
    if (!p.textContent?.replace(/\u00a0/g, ' ').trim() && !p.querySelector('img')) p.remove();
  });
  return body.innerHTML;
}

function convertWordLists(doc: Document) {
  const items = Array.from(doc.body.querySelectorAll<HTMLElement>('p[class*="MsoList"], p[style*="mso-list"]'));
  let currentList: HTMLElement | null = null;
  let previous: Element | null = null;
  for (const p of items) {
    const text = p.textContent ?? '';
    const ordered = /^\s*(\d+|[a-z]|[ivx]+)[.)]\s/i.test(text.replace(/\u00a0/g, ' '));
    if (!currentList || previous !== p.previousElementSibling) {
      currentList = doc.createElement(ordered ? 'ol' : 'ul');
      p.before(currentList);
    }
    // Drop Word's typed bullet ("·", "o", "1.") kept in mso-list:Ignore spans.
    p.querySelectorAll('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]').forEach((s) => s.remove());
    const li = doc.createElement('li');
    li.append(...Array.from(p.childNodes));
    currentList.append(li);
    p.remove();
    // The next list paragraph's previous sibling is now the list itself.
    previous = currentList;
  }
}
