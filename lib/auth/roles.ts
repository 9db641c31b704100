import type { UserRole } from '@/db/schema';

export const USER_ROLES = ['journalist', 'moderator', 'admin'] as const satisfies readonly UserRole[];

export const roleLabels: Record<UserRole, string> = {
  journalist: 'Phóng viên',
  moderator: 'Biên tập viên',
  admin: 'Quản trị',
};

/** Who may open each section of /admin. Pages enforce it with requirePageUser; the nav only mirrors it. */
export const adminSections = [
  { href: '/admin', label: 'Tổng quan', roles: ['journalist', 'moderator', 'admin'] },
  { href: '/admin/bai-viet', label: 'Bài viết', roles: ['journalist', 'moderator', 'admin'] },
  { href: '/admin/cho-duyet', label: 'Chờ duyệt', roles: ['moderator', 'admin'] },
  { href: '/admin/thu-vien-anh', label: 'Thư viện ảnh', roles: ['journalist', 'moderator', 'admin'] },
  { href: '/admin/chuyen-muc', label: 'Chuyên mục', roles: ['admin'] },
  { href: '/admin/nguoi-dung', label: 'Người dùng', roles: ['admin'] },
  { href: '/admin/thong-ke', label: 'Thống kê', roles: ['moderator', 'admin'] },
  { href: '/admin/nhat-ky', label: 'Nhật ký', roles: ['admin'] },
  { href: '/admin/cai-dat', label: 'Cài đặt', roles: ['admin'] },
] as const satisfies readonly { href: string; label: string; roles: readonly UserRole[] }[];

export type AdminSection = (typeof adminSections)[number];

export function sectionsFor(role: UserRole): AdminSection[] {
  return adminSections.filter((s) => (s.roles as readonly UserRole[]).includes(role));
}

/** Moderators and admins review; they see the pending count in the header. */
export function canReview(role: UserRole): boolean {
  return role === 'moderator' || role === 'admin';
}
