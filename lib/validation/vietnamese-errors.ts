import { z } from 'zod';
import { formatViInteger } from '@/lib/numbers';

/**
 * Vietnamese messages for every check a schema does not word itself. Installed once, for the
 * process, by lib/http/errors.ts (which every route handler and action imports to answer
 * errors): without it zod answers in English ("Too big: expected string to have <=300
 * characters"), and that text reached the newsroom's forms.
 */

/** The fields' names as the forms label them; keys are the last segment of an issue's path. */
const FIELD_LABELS: Record<string, string> = {
  articleId: 'Bài viết',
  author: 'Tác giả',
  authorId: 'Tác giả',
  body: 'Nội dung',
  categoryId: 'Chuyên mục',
  category: 'Chuyên mục',
  contact: 'Thông tin liên hệ',
  coverCaption: 'Chú thích ảnh',
  coverImage: 'Ảnh đại diện',
  description: 'Mô tả',
  direction: 'Hướng di chuyển',
  email: 'Email',
  featured: 'Tin nổi bật',
  name: 'Tên',
  note: 'Ghi chú',
  page: 'Trang',
  parentId: 'Chuyên mục cha',
  password: 'Mật khẩu',
  portalName: 'Tên cổng thông tin',
  publishAt: 'Giờ đăng',
  q: 'Từ khóa tìm kiếm',
  revisionId: 'Phiên bản',
  role: 'Vai trò',
  sapo: 'Sapo',
  seoDescription: 'Mô tả SEO',
  seoTitle: 'Tiêu đề SEO',
  slug: 'Đường dẫn',
  statsBaseline: 'Số lượt truy cập của cổng cũ',
  tagline: 'Khẩu hiệu',
  tags: 'Từ khóa',
  title: 'Tiêu đề',
  userId: 'Người dùng',
  version: 'Phiên bản',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'chữ',
  number: 'số',
  int: 'số nguyên',
  boolean: 'có/không',
  array: 'danh sách',
  object: 'nhóm thông tin',
  date: 'ngày giờ',
};

const FORMAT_NAMES: Record<string, string> = {
  email: 'địa chỉ email',
  url: 'đường dẫn',
  datetime: 'ngày giờ',
  date: 'ngày',
  time: 'giờ',
  uuid: 'mã',
};

type Issue = z.core.$ZodRawIssue;

function fieldLabel(path: readonly PropertyKey[] | undefined): string {
  const named = [...(path ?? [])].reverse().find((key): key is string => typeof key === 'string');
  return (named && FIELD_LABELS[named]) ?? 'Giá trị';
}

const count = (n: number | bigint) => formatViInteger(Number(n));

/** The Vietnamese message for one issue, naming the field when the path says which. */
export function vietnameseIssueMessage(issue: Issue): string {
  const label = fieldLabel(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `Thiếu ${label.toLowerCase()}.`;
      return `${label} không hợp lệ: cần ${TYPE_NAMES[issue.expected] ?? 'giá trị khác'}.`;
    }
    case 'too_small': {
      const min = count(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${label} không được để trống.` : `${label} cần ít nhất ${min} ký tự.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label} cần ít nhất ${min} mục.`;
      return issue.inclusive === false ? `${label} phải lớn hơn ${min}.` : `${label} phải từ ${min} trở lên.`;
    }
    case 'too_big': {
      const max = count(issue.maximum);
      if (issue.origin === 'string') return `${label} quá dài: tối đa ${max} ký tự.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label} có quá nhiều mục: tối đa ${max}.`;
      if (issue.origin === 'file') return `${label} quá lớn.`;
      return issue.inclusive === false ? `${label} phải nhỏ hơn ${max}.` : `${label} không được vượt quá ${max}.`;
    }
    case 'invalid_format':
      return `${label} không đúng định dạng${FORMAT_NAMES[issue.format] ? ` ${FORMAT_NAMES[issue.format]}` : ''}.`;
    case 'not_multiple_of':
      return `${label} không hợp lệ.`;
    case 'invalid_value':
      return `${label}: giá trị không được chấp nhận.`;
    case 'unrecognized_keys':
      return `Có trường không được phép: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return `${label} không hợp lệ.`;
  }
}

z.config({ customError: (issue) => vietnameseIssueMessage(issue) });
