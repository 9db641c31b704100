import { z } from 'zod';
import { isSafeImageSrc } from '@/lib/content/urls';

/** A ProseMirror/TipTap node as stored in `body_json`. */
export type EditorNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: EditorNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};

const markSchema = z.object({ type: z.string().max(40), attrs: z.record(z.string(), z.unknown()).optional() });
export const editorNodeSchema: z.ZodType<EditorNode> = z.lazy(() =>
  z.object({
    type: z.string().max(40),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(editorNodeSchema).max(20_000).optional(),
    text: z.string().max(200_000).optional(),
    marks: z.array(markSchema).max(20).optional(),
  }),
);
export const editorDocSchema = editorNodeSchema.refine((n) => n.type === 'doc', { message: 'Nội dung không hợp lệ.' });

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
    body: z.union([z.object({ json: editorDocSchema }).strict(), z.object({ html: z.string().max(2_000_000) }).strict()]),
    slug: z.string().trim().max(120).optional(),
    categoryId: id.nullable(),
    tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    coverImage: z
      .string()
      .trim()
      .max(500)
      .nullable()
      .refine((v) => !v || isSafeImageSrc(v), 'Ảnh đại diện phải là ảnh trong thư viện hoặc địa chỉ https.')
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
export type SaveArticleData = z.output<typeof saveArticleSchema>;

export const transitionSchema = z.object({ articleId: id, version: z.number().int().positive() }).strict();
export const rejectSchema = z
  .object({ articleId: id, version: z.number().int().positive(), note: z.string().trim().min(3, 'Hãy ghi lý do trả lại.').max(2000) })
  .strict();
export const scheduleSchema = z
  .object({ articleId: id, version: z.number().int().positive(), publishAt: z.iso.datetime({ offset: true }) })
  .strict();
export const restoreSchema = z.object({ articleId: id, version: z.number().int().positive(), revisionId: id }).strict();
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
});
export type AdminListFilters = z.output<typeof adminListSchema>;
