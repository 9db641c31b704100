import { describe, expect, it } from 'vitest';
import { renderEditorDocument, renderRawHtml, type EditorNode } from '@/lib/content/render';
import { sanitizeArticleHtml } from '@/lib/content/sanitize';
import { parseYouTubeId } from '@/lib/content/youtube';
import { loadCorpus } from '../support/corpus';
import { assertSafe } from '../support/html-safety';

const corpus = loadCorpus('xss-payloads.txt');

describe('sanitizer against the whole XSS corpus', () => {
  it('has the corpus loaded', () => {
    expect(corpus.length).toBeGreaterThan(250);
  });

  it.each(corpus.map((line, i) => [i + 1, line]))('payload %i as raw HTML is made harmless', (_, payload) => {
    const { html } = renderRawHtml(payload as string);
    assertSafe(html);
    // Idempotent: sanitising the output again changes nothing.
    expect(sanitizeArticleHtml(html)).toBe(html);
  });

  it.each(corpus.map((line, i) => [i + 1, line]))('payload %i through the editor JSON is made harmless', (_, payload) => {
    const p = payload as string;
    const doc: EditorNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: p }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'liên kết', marks: [{ type: 'link', attrs: { href: p, target: '_blank' } }] }] },
        { type: 'image', attrs: { src: p, alt: p, caption: p } },
        { type: 'youtube', attrs: { videoId: p } },
        { type: 'heading', attrs: { level: p }, content: [{ type: 'text', text: p, marks: [{ type: 'bold' }, { type: p }] }] },
        { type: p, attrs: { src: p, href: p }, content: [{ type: 'text', text: p }] },
      ],
    };
    const { html, text } = renderEditorDocument(doc);
    assertSafe(html);
    // The payload survives as visible text, never as markup.
    if (p.trim()) expect(text.length).toBeGreaterThan(0);
  });
});

describe('sanitizer allowlist', () => {
  it('keeps article structure', () => {
    const html = sanitizeArticleHtml(
      '<h2>Tiêu đề</h2><p><strong>Đậm</strong> <em>nghiêng</em> <u>gạch</u> <a href="https://laocai.gov.vn" target="_blank">link</a></p>' +
        '<ul><li>một</li></ul><ol start="3"><li>ba</li></ol><blockquote><p>trích</p></blockquote><hr>' +
        '<figure><img src="/media/2026/11/a.webp" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>' +
        '<table><tbody><tr><th colspan="2">A</th></tr><tr><td>1</td><td>2</td></tr></tbody></table>',
    );
    expect(html).toContain('<h2>Tiêu đề</h2>');
    expect(html).toContain('<a href="https://laocai.gov.vn" target="_blank" rel="noopener noreferrer">link</a>');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<img src="/media/2026/11/a.webp" alt="Ảnh" loading="lazy" />');
    expect(html).toContain('<th colspan="2">A</th>');
    expect(html).toContain('<hr />');
  });

  it('drops style, class and ids', () => {
    expect(sanitizeArticleHtml('<p class="MsoNormal" style="color:red" id="x">a</p>')).toBe('<p>a</p>');
  });

  it('refuses images from elsewhere than our media or https', () => {
    expect(sanitizeArticleHtml('<img src="http://evil.test/a.png">')).toBe('');
    expect(sanitizeArticleHtml('<img src="/uploads/a.png">')).toBe('');
    expect(sanitizeArticleHtml('<img src="//evil.test/a.png">')).toBe('');
    expect(sanitizeArticleHtml('<img src="https://cdn.test/a.png">')).toContain('src="https://cdn.test/a.png"');
  });

  it('keeps only valid privacy-enhanced YouTube embeds', () => {
    expect(sanitizeArticleHtml('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>')).toContain(
      'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"',
    );
    expect(sanitizeArticleHtml('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>')).toBe('');
    expect(sanitizeArticleHtml('<iframe src="https://www.youtube-nocookie.com/embed/short"></iframe>')).toBe('');
    expect(sanitizeArticleHtml('<iframe src="https://evil.test/embed/dQw4w9WgXcQ"></iframe>')).toBe('');
  });

  it('parses YouTube links and refuses malformed ids', () => {
    expect(parseYouTubeId('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1')).toBe('dQw4w9WgXcQ');
    expect(parseYouTubeId('https://youtu.be/dQw4w9WgXcQ')).toBe('dQw4w9WgXcQ');
    expect(parseYouTubeId('https://www.youtube.com/shorts/dQw4w9WgXcQ')).toBe('dQw4w9WgXcQ');
    expect(parseYouTubeId('dQw4w9WgXcQ')).toBe('dQw4w9WgXcQ');
    expect(parseYouTubeId('https://evil.test/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(parseYouTubeId('javascript:alert(1)')).toBeNull();
    expect(parseYouTubeId('dQw4w9WgXcQ"><script>')).toBeNull();
  });

  it('renders the editor document with captions, tables and plain text', () => {
    const { html, text, words } = renderEditorDocument({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Sa Pa' }] },
        { type: 'image', attrs: { src: '/media/a.webp', alt: 'Ruộng bậc thang', caption: 'Mùa lúa chín' } },
        { type: 'youtube', attrs: { videoId: 'dQw4w9WgXcQ' } },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Một ý' }] }] }] },
      ],
    });
    expect(html).toContain('<figcaption>Mùa lúa chín</figcaption>');
    expect(html).toContain('youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(text).toContain('Sa Pa');
    expect(text).toContain('Một ý');
    expect(words).toBe(7);
  });
});

describe('the safety check itself', () => {
  it('catches what an unsanitised payload would do', () => {
    expect(() => assertSafe('<img src=x onerror=alert(1)>')).toThrow();
    expect(() => assertSafe('<a href="javascript:alert(1)">x</a>')).toThrow();
    expect(() => assertSafe('<p style="x">a</p>')).toThrow();
    expect(() => assertSafe('<iframe src="https://evil.test"></iframe>')).toThrow();
  });
});
