/** How each audited action reads in the log ("Nhật ký"); unknown actions show their code. */
const labels: Record<string, string> = {
  'auth.sign_in': 'Đăng nhập',
  'auth.sign_in_failed': 'Đăng nhập thất bại',
  'auth.sign_in_refused': 'Đăng nhập bị chặn (sai quá nhiều lần)',
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
  'article.approved': 'Duyệt bài',
  'article.rejected': 'Trả lại bài',
  'article.published': 'Xuất bản',
  'article.scheduled': 'Hẹn giờ xuất bản',
  'article.unpublished': 'Gỡ bài',
  'article.restored': 'Khôi phục phiên bản',
};

export function auditActionLabel(action: string): string {
  return labels[action] ?? action;
}

const targetLabels: Record<string, string> = { user: 'Tài khoản', article: 'Bài viết', category: 'Chuyên mục', settings: 'Cài đặt', media: 'Ảnh' };

export function auditTargetLabel(targetType: string | null, targetId: number | null): string {
  if (!targetType) return '';
  return `${targetLabels[targetType] ?? targetType}${targetId ? ` #${targetId}` : ''}`;
}
