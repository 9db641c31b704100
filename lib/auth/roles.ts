import type { UserRole } from '@/db/schema';

export const USER_ROLES = ['journalist', 'moderator', 'admin'] as const satisfies readonly UserRole[];

/** Moderators and admins: they review, publish and edit anyone's article. The one name for them in code is "editor". */
export const EDITOR_ROLES = ['moderator', 'admin'] as const satisfies readonly UserRole[];

export function isEditor(role: UserRole): boolean {
  return (EDITOR_ROLES as readonly UserRole[]).includes(role);
}

export const roleLabels: Record<UserRole, string> = {
  journalist: 'Phóng viên',
  moderator: 'Biên tập viên',
  admin: 'Quản trị',
};

/** Who may open each section of /admin. Pages enforce it with requirePageUser; the nav only mirrors it. */
export const adminSections = [
  { href: '/admin', label: 'Tổng quan', roles: USER_ROLES },
  { href: '/admin/bai-viet', label: 'Bài viết', roles: USER_ROLES },
  { href: '/admin/cho-duyet', label: 'Chờ duyệt', roles: EDITOR_ROLES },
  { href: '/admin/thu-vien-anh', label: 'Thư viện ảnh', roles: USER_ROLES },
  { href: '/admin/chuyen-muc', label: 'Chuyên mục', roles: ['admin'] },
  { href: '/admin/chuyen-huong', label: 'Chuyển hướng', roles: ['admin'] },
  { href: '/admin/nguoi-dung', label: 'Người dùng', roles: ['admin'] },
  { href: '/admin/thong-ke', label: 'Thống kê', roles: EDITOR_ROLES },
  { href: '/admin/nhat-ky', label: 'Nhật ký', roles: ['admin'] },
  { href: '/admin/cai-dat', label: 'Cài đặt', roles: ['admin'] },
] as const satisfies readonly { href: string; label: string; roles: readonly UserRole[] }[];

export type AdminSection = (typeof adminSections)[number];

export function sectionsFor(role: UserRole): AdminSection[] {
  return adminSections.filter((s) => (s.roles as readonly UserRole[]).includes(role));
}
