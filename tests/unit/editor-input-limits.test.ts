import { describe, expect, it } from 'vitest';
import { renderEditorDocument } from '@/lib/content/render';
import { validationMessage } from '@/lib/http/errors';
import { editorNodeSchema, MAX_EDITOR_DEPTH, nestsTooDeep, saveArticleSchema } from '@/lib/validation/editorial';
import { CONTROL_CHARACTERS, INT4_MAX, parseIdString } from '@/lib/validation/params';
import { emptyArticleExtras } from '../support/article-input';

/** Editor JSON text: a doc whose text sits under `levels` nested paragraphs (the text node is at depth levels + 1). */
const nestedDocJson = (levels: number) =>
  `{"type":"doc","content":[${'{"type":"paragraph","content":['.repeat(levels)}{"type":"text","text":"sâu"}${']}'.repeat(levels)}]}`;

const save = (extra: Record<string, unknown>) => ({ articleId: 1, version: 1, title: 'Tiêu đề', sapo: '', body: { html: '<p>x</p>' }, ...emptyArticleExtras, ...extra });

describe('editor JSON nesting', () => {
  it('refuses a document nested 1,000 deep with a Vietnamese 422 message instead of overflowing the stack', () => {
    for (const levels of [MAX_EDITOR_DEPTH, 1_000, 100_000]) {
      const json = JSON.parse(nestedDocJson(levels)) as unknown;
      const result = saveArticleSchema.safeParse(save({ body: { json } }));
      expect(result.success, `${levels}`).toBe(false);
      expect(validationMessage(result.error!)).toBe(`Nội dung lồng nhau quá sâu (tối đa ${MAX_EDITOR_DEPTH} cấp).`);
      expect(result.error!.issues[0]!.path).toEqual(['body']);
      // The node schema alone is safe too.
      expect(editorNodeSchema.safeParse(json).success).toBe(false);
    }
  });

  it('accepts everything the renderer shows in full', () => {
    const json = JSON.parse(nestedDocJson(MAX_EDITOR_DEPTH - 1)) as unknown;
    const result = saveArticleSchema.safeParse(save({ body: { json } }));
    expect(result.success).toBe(true);
    // The deepest accepted text still comes out of the renderer (its MAX_DEPTH drops deeper nodes silently).
    expect(renderEditorDocument(editorNodeSchema.parse(json)).text).toBe('sâu');
  });

  it('refuses deep JSON hidden in attributes, which JSON.stringify could not store', () => {
    const levels = 100_000;
    const json = JSON.parse(`{"type":"doc","content":[{"type":"paragraph","attrs":{"x":${'['.repeat(levels)}${']'.repeat(levels)}}}]}`) as unknown;
    expect(() => JSON.stringify(json)).toThrow(RangeError);
    const result = saveArticleSchema.safeParse(save({ body: { json } }));
    expect(result.success).toBe(false);
    expect(validationMessage(result.error!)).toMatch(/quá sâu/);
  });

  it('keeps ordinary documents: lists in lists, tables, marks', () => {
    const list = (depth: number): unknown =>
      depth === 0
        ? { type: 'paragraph', content: [{ type: 'text', text: 'mục', marks: [{ type: 'link', attrs: { href: 'https://laocai.gov.vn' } }] }] }
        : { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }, list(depth - 1)] }] };
    const table = { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, colwidth: [120] }, content: [{ type: 'paragraph' }] }] }] };
    const doc = { type: 'doc', content: [list(12), table] };
    expect(nestsTooDeep(doc)).toBe(false);
    expect(saveArticleSchema.safeParse(save({ body: { json: doc } })).success).toBe(true);
  });
});

describe('cover image', () => {
  it('accepts only images of the media library, which /_next/image can serve', () => {
    for (const cover of ['/media/2026/11/0123456789abcdef0123456789abcdef.jpg', '/images/demo/cover-1.jpg', null, '']) {
      expect(saveArticleSchema.safeParse(save({ coverImage: cover })).success, String(cover)).toBe(true);
    }
    for (const cover of ['https://example.com/anh.jpg', 'http://example.com/anh.jpg', '/admin', '/media/../admin', '//evil.example/a.jpg', 'javascript:alert(1)', '/api/visits/summary']) {
      const result = saveArticleSchema.safeParse(save({ coverImage: cover }));
      expect(result.success, cover).toBe(false);
      expect(validationMessage(result.error!)).toMatch(/^Ảnh đại diện phải là ảnh trong thư viện ảnh/);
    }
  });
});

describe('ids and search words from a URL', () => {
  it('reads an id only as plain digits within int4', () => {
    expect(parseIdString('1')).toBe(1);
    expect(parseIdString(String(INT4_MAX))).toBe(INT4_MAX);
    for (const bad of [String(INT4_MAX + 1), '9999999999', '0', '01', '-1', '1e3', ' 7', '0x10', '1.0', '', null, undefined]) {
      expect(parseIdString(bad), String(bad)).toBeNull();
    }
  });

  it('knows NUL and the other control characters', () => {
    for (const c of ['\u0000', '\u0007', '\n', '\u001f', '\u007f', '\u0085', '\u009f']) expect(CONTROL_CHARACTERS.test(`a${c}b`)).toBe(true);
    for (const s of ['ruộng bậc thang', 'Y Tý', '%', '"\'<>']) expect(CONTROL_CHARACTERS.test(s)).toBe(false);
  });
});
