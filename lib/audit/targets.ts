import type { AuditDetails } from './details';

/** What an audit line is about, as the query returns it: the target's own title or name when the row still exists. */
export type AuditTargetInput = {
  targetType: string | null;
  targetId: number | null;
  /** Article title, user or category name, media URL or redirect's old path, joined by the query; null once the row is gone. */
  targetName: string | null;
  details: AuditDetails;
};

/** The target as the log shows it: its name, and where it is managed (null: nowhere to go, e.g. a purged article). */
export type AuditTarget = { label: string; href: string | null };

const detail = (details: AuditDetails, key: string): string | null => {
  const value = details?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/** `/media/2026/12/cau-coc-leu.webp` → `cau-coc-leu.webp`. */
function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || url;
  } catch {
    return name || url;
  }
}

/** Only a path of this site or an http(s) address becomes a link: a stored URL must never turn into `javascript:`. */
const safeHref = (url: string): string | null => (/^\/(?!\/)/.test(url) || /^https?:\/\//i.test(url) ? url : null);

/**
 * The target of a line, never as "Bài viết #38": articles by title (linking to the editor), accounts,
 * categories and redirects by name (linking to their admin page), images by file name (linking to
 * the file). A row deleted since is named from the details the line kept, without a link.
 */
export function auditTargetOf(row: AuditTargetInput): AuditTarget {
  const name = row.targetName?.trim() || null;
  switch (row.targetType) {
    case 'article': {
      if (name && row.targetId) return { label: name, href: `/admin/bai-viet/${row.targetId}` };
      const title = detail(row.details, 'title');
      return { label: title ? `${title} (đã xóa)` : 'Bài viết đã xóa', href: null };
    }
    case 'user':
      return name ? { label: name, href: '/admin/nguoi-dung' } : { label: 'Tài khoản đã xóa', href: null };
    case 'category': {
      if (name) return { label: name, href: '/admin/chuyen-muc' };
      return { label: detail(row.details, 'name') ?? 'Chuyên mục đã xóa', href: null };
    }
    case 'media': {
      const url = name ?? detail(row.details, 'url');
      if (!url) return { label: 'Ảnh đã xóa', href: null };
      return { label: fileNameOf(url), href: name ? safeHref(url) : null };
    }
    case 'redirect': {
      if (name) return { label: name, href: '/admin/chuyen-huong' };
      const from = detail(row.details, 'from');
      return { label: from ? `${from} (đã xóa)` : 'Chuyển hướng đã xóa', href: null };
    }
    case 'settings':
      return { label: 'Cài đặt trang', href: '/admin/cai-dat' };
    case null:
      return { label: '', href: null };
    default:
      return { label: name ?? '', href: null };
  }
}
