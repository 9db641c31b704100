import { z } from 'zod';
import { BULK_ACTIONS, BULK_LIMIT, type BulkActionName } from '@/lib/bulk-articles';
import { isSafeImageSrc } from '@/lib/content/urls';

/** Sortable columns of the admin list, by their URL names: updated, published, title, views. */
export const ADMIN_SORTS = ['cap-nhat', 'xuat-ban', 'tieu-de', 'luot-xem'] as const;
export type AdminSort = (typeof ADMIN_SORTS)[number];

/** A ProseMirror/TipTap node as stored in `body_json`. */
export type EditorNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: EditorNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};

/** How deep editor nodes may nest (doc = 0): what lib/content/render.ts renders in full (its MAX_DEPTH). */
export const MAX_EDITOR_DEPTH = 40;
/** How deep any JSON may nest inside the document (attrs, marks): a little room below the deepest node. */
const MAX_EDITOR_JSON_DEPTH = 2 * MAX_EDITOR_DEPTH + 10;
const TOO_DEEP = `Nội dung lồng nhau quá sâu (tối đa ${MAX_EDITOR_DEPTH} cấp).`;

/**
 * True when the value nests deeper than the editor allows: nodes (through
 * `content`) deeper than MAX_EDITOR_DEPTH, or any object/array deeper than
 * MAX_EDITOR_JSON_DEPTH. Iterative, so a document nested 100,000 deep is
 * refused instead of overflowing the stack (zod's recursive schema, the
 * renderer and JSON.stringify all recurse).
 */
export function nestsTooDeep(value: unknown): boolean {
  const stack: [value: unknown, nodeDepth: number, jsonDepth: number][] = [[value, 0, 0]];
  while (stack.length > 0) {
    const [current, nodeDepth, jsonDepth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (jsonDepth > MAX_EDITOR_JSON_DEPTH) return true;
    if (Array.isArray(current)) {
      for (const item of current) stack.push([item, nodeDepth, jsonDepth + 1]);
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      const isContent = key === 'content' && Array.isArray(child);
      if (isContent && child.length > 0 && nodeDepth + 1 > MAX_EDITOR_DEPTH) return true;
      stack.push([child, isContent ? nodeDepth + 1 : nodeDepth, jsonDepth + 1]);
    }
  }
  return false;
}

const markSchema = z.object({ type: z.string().max(40), attrs: z.record(z.string(), z.unknown()).optional() });
const nodeShape: z.ZodType<EditorNode> = z.lazy(() =>
  z.object({
    type: z.string().max(40),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(nodeShape).max(20_000).optional(),
    text: z.string().max(200_000).optional(),
    marks: z.array(markSchema).max(20).optional(),
  }),
);
/**
 * Refuses (422) what nests too deep before `schema`, recursive or not, ever
 * sees it. Typed as `schema` itself: callers send and get the same shapes.
 */
function depthChecked<T extends z.ZodType>(schema: T): T {
  const checked = z.preprocess((value, ctx) => {
    if (!nestsTooDeep(value)) return value;
    ctx.addIssue({ code: 'custom', message: TOO_DEEP });
    return z.NEVER;
  }, schema);
  return checked as unknown as T;
}
/** An editor node; its depth is checked (iteratively) before the recursive schema runs. */
export const editorNodeSchema: z.ZodType<EditorNode> = depthChecked(nodeShape);
export const editorDocSchema = editorNodeSchema.refine((n) => n.type === 'doc', { message: 'Nội dung không hợp lệ.' });

/** A cover is served through /_next/image, which fetches only our own images (next.config.mjs images.localPatterns). */
const LIBRARY_IMAGE = /^\/(?:media|images)\//;

const id = z.number().int().positive().max(2_147_483_647);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự.`)
    .nullable()
    .transform((v) => (v ? v : null));

/**
 * What "Lưu nháp" and autosave send. Strict: `status`, `role`, `id` or any
 * other unknown key is refused instead of silently dropped.
 */
export const saveArticleSchema = z
  .object({
    articleId: id,
    version: z.number().int().positive(),
    title: z.string().trim().max(300, 'Tiêu đề tối đa 300 ký tự.'),
    sapo: z.string().trim().max(1000, 'Sapo tối đa 1000 ký tự.'),
    // Checked before the union too: a refusal inside one branch would come out as zod's generic "Invalid input".
    body: depthChecked(z.union([z.object({ json: editorDocSchema }).strict(), z.object({ html: z.string().max(2_000_000) }).strict()])),
    slug: z.string().trim().max(120).optional(),
    categoryId: id.nullable(),
    tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    coverImage: z
      .string()
      .trim()
      .max(500)
      .nullable()
      .refine((v) => !v || (LIBRARY_IMAGE.test(v) && isSafeImageSrc(v)), 'Ảnh đại diện phải là ảnh trong thư viện ảnh của tòa soạn (chọn bằng nút «Chọn ảnh đại diện»).')
      .transform((v) => (v ? v : null)),
    coverCaption: optionalText(500),
    seoTitle: optionalText(200),
    seoDescription: optionalText(400),
    featured: z.boolean().optional(),
    authorId: id.optional(),
    autosave: z.boolean().optional(),
  })
  .strict();
export type SaveArticleInput = z.input<typeof saveArticleSchema>;
/** The first save of "Viết bài mới": the same fields, with no article yet to name (the row is made by this save). */
export const newArticleSchema = saveArticleSchema.omit({ articleId: true, version: true });
export type NewArticleData = z.output<typeof newArticleSchema>;
export type SaveArticleData = z.output<typeof saveArticleSchema>;

export const transitionSchema = z.object({ articleId: id, version: z.number().int().positive() }).strict();
export const rejectSchema = z
  .object({ articleId: id, version: z.number().int().positive(), note: z.string().trim().min(3, 'Hãy ghi lý do trả lại.').max(2000) })
  .strict();
export const scheduleSchema = z
  .object({ articleId: id, version: z.number().int().positive(), publishAt: z.iso.datetime({ offset: true }) })
  .strict();
export const restoreSchema = z.object({ articleId: id, version: z.number().int().positive(), revisionId: id }).strict();

/** "Xóa" (to the trash) and "Khôi phục" from it: no version (neither changes the text); a form's field arrives as a string. */
export const trashTargetSchema = z.object({ articleId: z.coerce.number({ error: 'Mã bài viết không hợp lệ.' }).int().positive().max(2_147_483_647) }).strict();

/** A comment of the editorial thread: plain text, shown as text. */
export const commentSchema = z
  .object({
    articleId: z.coerce.number({ error: 'Mã bài viết không hợp lệ.' }).int().positive().max(2_147_483_647),
    body: z.string({ error: 'Hãy nhập nội dung trao đổi.' }).trim().min(1, 'Hãy nhập nội dung trao đổi.').max(5000, 'Nội dung trao đổi dài quá 5.000 ký tự.'),
  })
  .strict();

/** A bulk action of the article list; "Trả lại" needs its note, "Chuyển chuyên mục" its category. */
export const bulkArticlesSchema = z
  .object({
    ids: z
      .array(id, { error: 'Hãy chọn ít nhất một bài viết.' })
      .min(1, 'Hãy chọn ít nhất một bài viết.')
      .max(BULK_LIMIT, `Mỗi lần chỉ thao tác được tối đa ${BULK_LIMIT} bài.`)
      .transform((ids) => [...new Set(ids)]),
    action: z.enum(Object.keys(BULK_ACTIONS) as [BulkActionName, ...BulkActionName[]], { error: 'Hãy chọn thao tác.' }),
    categoryId: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
    note: z.string().trim().max(2000, 'Ghi chú quá dài.').optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.action === 'reject' && (input.note ?? '').length < 3) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Hãy ghi lý do trả lại.' });
    if (input.action === 'move' && !input.categoryId) ctx.addIssue({ code: 'custom', path: ['categoryId'], message: 'Hãy chọn chuyên mục để chuyển tới.' });
  });
export type BulkArticlesInput = z.output<typeof bulkArticlesSchema>;
export const articleIdSchema = z.object({ articleId: id }).strict();

export const adminListSchema = z.object({
  status: z.enum(['draft', 'pending', 'published', 'rejected', 'archived', 'scheduled']).optional().catch(undefined),
  category: z.coerce.number().int().positive().optional().catch(undefined),
  author: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_\d{1,10}$/)
    .optional()
    .catch(undefined),
  /** Column and direction ("Cập nhật" newest first by default); a malformed value falls back to it. */
  sort: z.enum(ADMIN_SORTS).optional().catch(undefined),
  dir: z.enum(['tang', 'giam']).optional().catch(undefined),
  /** Page number for the other sorts (the default one pages by cursor). */
  page: z.coerce.number().int().min(1).max(400).optional().catch(undefined),
});
export type AdminListFilters = z.output<typeof adminListSchema>;
