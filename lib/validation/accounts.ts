import { z } from 'zod';
import { USER_ROLES } from '@/lib/auth/roles';

const id = z.coerce.number({ error: 'Mã không hợp lệ.' }).int('Mã không hợp lệ.').positive('Mã không hợp lệ.');
export const roleSchema = z.enum(USER_ROLES, { error: 'Vai trò không hợp lệ.' });
export const passwordSchema = z
  .string({ error: 'Vui lòng nhập mật khẩu.' })
  .min(10, 'Mật khẩu cần ít nhất 10 ký tự.')
  .max(200, 'Mật khẩu quá dài.');
export const emailSchema = z
  .string({ error: 'Vui lòng nhập email.' })
  .trim()
  .toLowerCase()
  .max(200, 'Email quá dài.')
  .email('Email không hợp lệ.');
export const nameSchema = z.string({ error: 'Vui lòng nhập họ tên.' }).trim().min(1, 'Vui lòng nhập họ tên.').max(120, 'Họ tên quá dài.');

// Every schema is .strict(): a body carrying fields the form does not have (role, status, authorId, id …) is refused.
export const createUserInput = z.object({ name: nameSchema, email: emailSchema, role: roleSchema, password: passwordSchema }).strict();
export const changeRoleInput = z.object({ userId: id, role: roleSchema }).strict();
export const userIdInput = z.object({ userId: id }).strict();
export const resetPasswordInput = z.object({ userId: id, password: passwordSchema }).strict();

const categoryName = z.string({ error: 'Vui lòng nhập tên chuyên mục.' }).trim().min(1, 'Vui lòng nhập tên chuyên mục.').max(120, 'Tên chuyên mục quá dài.');
const description = z.string().trim().max(500, 'Mô tả quá dài.').optional();
// A form's empty "no parent" option arrives as ''.
const parentId = z.preprocess((v) => (v === '' ? null : v), z.union([id, z.null()])).optional();

export const createCategoryInput = z.object({ name: categoryName, description, parentId }).strict();
// The public path's last part; typed freely ("Kinh tế mới") and made a slug on the server. Absent or blank: unchanged.
const categorySlug = z.string().trim().max(100, 'Đường dẫn quá dài.').optional();
export const updateCategoryInput = z.object({ categoryId: id, name: categoryName, slug: categorySlug, description, parentId }).strict();
export const moveCategoryInput = z.object({ categoryId: id, direction: z.enum(['up', 'down']) }).strict();
