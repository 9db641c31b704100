/**
 * Every action the audit log ("Nhật ký") records, with how it reads there.
 * One object for both: an action cannot be recorded without a label, and a
 * label cannot exist without its action (recordAudit takes only these keys).
 */
const auditActionLabels = {
  'auth.sign_in': 'Đăng nhập',
  'auth.sign_in_failed': 'Đăng nhập thất bại',
  'auth.sign_in_refused': 'Đăng nhập bị chặn (sai quá nhiều lần)',
  'auth.sign_in_burst': 'Cảnh báo: tài khoản bị đăng nhập sai nhiều lần',
  'auth.sign_out': 'Đăng xuất',
  'user.created': 'Tạo tài khoản',
  'user.updated_cli': 'Cập nhật tài khoản (dòng lệnh)',
  'user.created_cli': 'Tạo tài khoản (dòng lệnh)',
  'user.role_changed': 'Đổi vai trò',
  'user.deactivated': 'Khóa tài khoản',
  'user.reactivated': 'Mở khóa tài khoản',
  'user.password_reset': 'Đặt lại mật khẩu',
  'category.created': 'Tạo chuyên mục',
  'category.updated': 'Sửa chuyên mục',
  'category.moved': 'Đổi thứ tự chuyên mục',
  'settings.updated': 'Cập nhật cài đặt trang',
  'article.created': 'Tạo bài viết',
  'article.saved': 'Lưu bài viết',
  'article.submitted': 'Gửi duyệt',
  'article.rejected': 'Trả lại bài',
  'article.published': 'Xuất bản',
  'article.scheduled': 'Hẹn giờ xuất bản',
  'article.unscheduled': 'Hủy hẹn giờ',
  'article.unpublished': 'Gỡ bài',
  'article.restored': 'Khôi phục phiên bản',
  'article.withdrawn': 'Rút lại bài',
  'article.moved': 'Chuyển chuyên mục',
  'article.trashed': 'Chuyển vào thùng rác',
  'article.untrashed': 'Khôi phục từ thùng rác',
  'article.purged': 'Xóa vĩnh viễn khỏi thùng rác',
  'media.uploaded': 'Tải ảnh lên',
  'media.updated': 'Sửa thông tin ảnh',
  'media.deleted': 'Xóa ảnh',
  'redirect.created': 'Thêm chuyển hướng',
  'redirect.deleted': 'Xóa chuyển hướng',
} as const;

export type AuditAction = keyof typeof auditActionLabels;

/** Every action key, in the order above: the choices of the filter on /admin/nhat-ky. */
export const AUDIT_ACTIONS = Object.keys(auditActionLabels) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(auditActionLabels, value);
}

/** The label of a logged action; a row written by an older version with an action no longer known shows its code. */
export function auditActionLabel(action: string): string {
  return (auditActionLabels as Record<string, string>)[action] ?? action;
}
