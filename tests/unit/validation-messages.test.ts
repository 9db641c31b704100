import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationMessage } from '@/lib/http/errors';
import { adminListSchema, bulkArticlesSchema, rejectSchema, saveArticleSchema, scheduleSchema } from '@/lib/validation/editorial';
import { createUserInput } from '@/lib/validation/accounts';
import { siteSettingsInput, defaultSiteSettings } from '@/lib/validation/settings';

const messageOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  expect(parsed.success).toBe(false);
  return validationMessage(parsed.error!);
};

// Words zod's own English messages are made of: none may reach a form.
const ENGLISH = /\b(expected|received|invalid input|too (big|small)|unrecognized|must|string|characters)\b/i;

describe('validation errors in Vietnamese', () => {
  it('names the field and the limit for checks the schemas do not word themselves', () => {
    expect(messageOf(z.object({ slug: z.string().max(120) }), { slug: 'a'.repeat(121) })).toBe('Đường dẫn quá dài: tối đa 120 ký tự.');
    expect(messageOf(z.object({ tags: z.array(z.string()).max(20) }), { tags: Array(21).fill('x') })).toBe('Từ khóa có quá nhiều mục: tối đa 20.');
    expect(messageOf(z.object({ title: z.string() }), {})).toBe('Thiếu tiêu đề.');
    expect(messageOf(z.object({ title: z.string() }), { title: 5 })).toBe('Tiêu đề không hợp lệ: cần chữ.');
    expect(messageOf(z.object({ page: z.number().int().min(1).max(10_000) }), { page: 20_000 })).toBe('Trang không được vượt quá 10.000.');
    expect(messageOf(z.object({ email: z.email() }), { email: 'khong-phai-email' })).toBe('Email không đúng định dạng địa chỉ email.');
    expect(messageOf(z.object({ a: z.string() }).strict(), { a: 'x', isAdmin: true })).toBe('Có trường không được phép: isAdmin.');
  });

  it('keeps the messages a schema words itself', () => {
    expect(messageOf(saveArticleSchema, { articleId: 1, version: 1, title: 'x'.repeat(301), sapo: '', body: { html: '' }, categoryId: null, tags: [], coverImage: null, coverCaption: null, seoTitle: null, seoDescription: null })).toBe(
      'Tiêu đề tối đa 300 ký tự.',
    );
    expect(messageOf(rejectSchema, { articleId: 1, version: 1, note: 'a' })).toBe('Hãy ghi lý do trả lại.');
  });

  it('answers every failing real schema without English', () => {
    const cases: [z.ZodType, unknown][] = [
      [saveArticleSchema, { articleId: 'x' }],
      [saveArticleSchema, { articleId: 1, version: 1, title: 't', sapo: 's', body: { html: 1 }, categoryId: null, tags: [], coverImage: null, coverCaption: null, seoTitle: null, seoDescription: null }],
      [scheduleSchema, { articleId: 1, version: 1, publishAt: '03/12/2026 08:00' }],
      [createUserInput, { name: 'A', email: 'a@b', role: 'boss', password: 'x' }],
      [siteSettingsInput, { ...defaultSiteSettings, statsBaseline: '1,5' }],
      [siteSettingsInput, { ...defaultSiteSettings, portalName: '' }],
      [adminListSchema.strict(), { status: 'draft', orderBy: 'x' }],
      [bulkArticlesSchema, { ids: [1], action: 'explode' }],
      [bulkArticlesSchema, { ids: ['x'], action: 'trash' }],
    ];
    for (const [schema, value] of cases) {
      const message = messageOf(schema, value);
      expect(message, message).not.toMatch(ENGLISH);
      expect(message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/i);
    }
  });

  it('reads the statistics baseline the way staff write it', () => {
    expect(siteSettingsInput.parse({ ...defaultSiteSettings, statsBaseline: '1.784.275' }).statsBaseline).toBe(1784275);
    expect(siteSettingsInput.parse({ ...defaultSiteSettings, statsBaseline: '1784275' }).statsBaseline).toBe(1784275);
    expect(siteSettingsInput.parse({ ...defaultSiteSettings, statsBaseline: 42 }).statsBaseline).toBe(42);
    expect(messageOf(siteSettingsInput, { ...defaultSiteSettings, statsBaseline: '1,5' })).toBe('Số lượt truy cập của cổng cũ phải là một số nguyên, ví dụ 1.784.275.');
    expect(messageOf(siteSettingsInput, { ...defaultSiteSettings, statsBaseline: '-3' })).toBe('Số lượt truy cập của cổng cũ phải từ 0 đến 1.000.000.000.000.');
  });
});
