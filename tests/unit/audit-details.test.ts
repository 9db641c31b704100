import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@/lib/audit-labels';
import { categoryIdsInDetails, describeAuditDetails } from '@/lib/audit/details';
import { describeAuditLine, type AuditLine } from '@/lib/audit/line';
import { auditTargetOf } from '@/lib/audit/targets';

/** Details exactly as the writers in server/ and db/ record them. */
const written: Record<string, Record<string, unknown> | null> = {
  'auth.sign_in': { ip: '203.0.113.7' },
  'auth.sign_in_failed': { email: 'lamtu@laocai.vn', ip: '203.0.113.7', inactive: true },
  'auth.sign_in_refused': { email: 'lamtu@laocai.vn', ip: '203.0.113.7', scope: 'account' },
  'auth.sign_in_burst': { failures: 12, addresses: 3 },
  'auth.sign_out': null,
  'user.created': { email: 'moi@laocai.vn', role: 'journalist' },
  'user.created_cli': { email: 'moi@laocai.vn', role: 'admin' },
  'user.updated_cli': { role: 'admin', previousRole: 'moderator' },
  'user.role_changed': { from: 'journalist', to: 'moderator' },
  'user.deactivated': null,
  'user.reactivated': null,
  'user.password_reset': null,
  'category.created': { name: 'Du lịch', slug: 'du-lich' },
  'category.updated': { from: { name: 'Du lich', slug: 'du-lich', parentId: null }, to: { name: 'Du lịch', slug: 'du-lich', parentId: 4 } },
  'category.moved': { direction: 'up' },
  'settings.updated': { portalName: 'Cổng thông tin điện tử Thành phố Lào Cai', statsBaseline: 1250000 },
  'article.created': null,
  'article.saved': { version: 3, status: 'draft' },
  'article.submitted': { from: 'draft', to: 'pending', version: 4 },
  'article.withdrawn': { from: 'pending', to: 'draft', version: 5 },
  'article.rejected': { from: 'pending', to: 'rejected', version: 5, note: 'Cần bổ sung nguồn tin.' },
  'article.published': { from: 'pending', to: 'published', version: 6 },
  'article.scheduled': { from: 'pending', to: 'published', version: 6 },
  'article.unscheduled': { from: 'published', to: 'pending', version: 7 },
  'article.unpublished': { from: 'published', to: 'archived', version: 8 },
  'article.restored': { revisionId: 17, version: 9 },
  'article.moved': { fromCategoryId: 2, toCategoryId: 4 },
  'article.trashed': { title: 'Lễ hội Đền Thượng', status: 'draft' },
  'article.untrashed': { title: 'Lễ hội Đền Thượng' },
  'article.purged': { title: 'Lễ hội Đền Thượng', slug: 'le-hoi-den-thuong' },
  'media.uploaded': { url: '/media/2026/12/cau-coc-leu.webp' },
  'media.updated': { url: '/media/2026/12/cau-coc-leu.webp', changed: ['caption', 'credit', 'focalPoint'] },
  'media.deleted': { url: '/media/2026/12/cau-coc-leu.webp' },
  'redirect.created': { from: '/tin-tuc/le-hoi.html', to: '/bai-viet/le-hoi' },
  'redirect.deleted': { from: '/tin-tuc/le-hoi.html', to: '/bai-viet/le-hoi' },
};

const names = { categories: { 2: 'Kinh tế', 4: 'Du lịch' } };
const RAW = /\b(from|to|previousRole|role|status|scope|version|fromCategoryId|toCategoryId|journalist|moderator|admin|draft|pending|published|rejected|archived)\b|[{}[\]]|:\s*\w+\s*;/;

describe('the details of an audit line, in Vietnamese', () => {
  it('has an example of every labelled action (add one when you add an action)', () => {
    expect(Object.keys(written).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each(Object.entries(written))('words %s without a key or a raw value', (action, details) => {
    const phrase = describeAuditDetails(action, details, names);
    expect(phrase).not.toMatch(RAW);
    expect(phrase).not.toMatch(/undefined|null|NaN|\[object/);
    if (phrase) expect(phrase[0]).toBe(phrase[0]!.toUpperCase());
  });

  it('names roles as the newsroom does', () => {
    expect(describeAuditDetails('user.role_changed', { from: 'journalist', to: 'moderator' })).toBe('Từ Phóng viên thành Biên tập viên');
    expect(describeAuditDetails('user.role_changed', { from: 'moderator', to: 'admin' })).toBe('Từ Biên tập viên thành Quản trị viên');
    expect(describeAuditDetails('user.created', { email: 'moi@laocai.vn', role: 'journalist' })).toBe('Email moi@laocai.vn, vai trò Phóng viên');
    expect(describeAuditDetails('user.updated_cli', { role: 'admin', previousRole: 'admin' })).toBe('Vai trò Quản trị viên (không đổi)');
  });

  it('names statuses in words, and a scheduled article as "Hẹn giờ"', () => {
    expect(describeAuditDetails('article.published', { from: 'pending', to: 'published', version: 6 })).toBe('Từ “Chờ duyệt” sang “Đã xuất bản”, phiên bản 6');
    expect(describeAuditDetails('article.scheduled', { from: 'pending', to: 'published', version: 6 })).toBe('Từ “Chờ duyệt” sang “Hẹn giờ”, phiên bản 6');
    expect(describeAuditDetails('article.rejected', { from: 'pending', to: 'rejected', version: 5, note: 'Cần bổ sung nguồn tin.' })).toBe(
      'Từ “Chờ duyệt” sang “Bị trả lại”, phiên bản 5, ghi chú: “Cần bổ sung nguồn tin.”',
    );
    expect(describeAuditDetails('article.saved', { version: 3, status: 'draft' })).toBe('Phiên bản 3, trạng thái “Nháp”');
  });

  it('words sign-in attempts and lockouts', () => {
    expect(describeAuditDetails('auth.sign_in', { ip: '203.0.113.7' })).toBe('Từ địa chỉ IP 203.0.113.7');
    expect(describeAuditDetails('auth.sign_in_refused', { email: 'a@laocai.vn', ip: '203.0.113.7', scope: 'ip' })).toBe(
      'Email a@laocai.vn, từ địa chỉ IP 203.0.113.7, địa chỉ IP tạm bị chặn vì đăng nhập sai nhiều lần',
    );
    expect(describeAuditDetails('auth.sign_in_burst', { failures: 1200, addresses: 3 })).toBe('1.200 lần sai mật khẩu từ 3 địa chỉ IP');
  });

  it('names categories an article moved between, and a category it cannot name any more', () => {
    expect(describeAuditDetails('article.moved', { fromCategoryId: 2, toCategoryId: 4 }, names)).toBe('Từ “Kinh tế” sang “Du lịch”');
    expect(describeAuditDetails('article.moved', { fromCategoryId: null, toCategoryId: 99 }, names)).toBe('Từ Chưa phân loại sang một chuyên mục đã xóa');
    expect(categoryIdsInDetails('article.moved', { fromCategoryId: 2, toCategoryId: null })).toEqual([2]);
    expect(categoryIdsInDetails('category.updated', written['category.updated']!)).toEqual([4]);
    expect(categoryIdsInDetails('auth.sign_in', { ip: '1.2.3.4' })).toEqual([]);
  });

  it('says what changed in a category', () => {
    expect(describeAuditDetails('category.updated', written['category.updated']!, names)).toBe('Đổi tên từ “Du lich” thành “Du lịch”, đổi chuyên mục cha từ cấp cao nhất thành “Du lịch”');
    expect(describeAuditDetails('category.updated', { from: { name: 'A', slug: 'a', parentId: null }, to: { name: 'A', slug: 'a', parentId: null } })).toBe(
      'Không đổi tên, đường dẫn hay chuyên mục cha',
    );
  });

  it('words settings with Vietnamese figures', () => {
    expect(describeAuditDetails('settings.updated', { portalName: 'Cổng Lào Cai', statsBaseline: 1250000 })).toBe('Tên cổng “Cổng Lào Cai”, số lượt truy cập của cổng cũ 1.250.000');
  });

  it('shows nothing raw for an action it does not know, nor for values of the wrong type', () => {
    expect(describeAuditDetails('backup.created', { file: 'x.tar.gz', email: 'a@laocai.vn', role: 'admin' })).toBe('Email a@laocai.vn, vai trò Quản trị viên');
    expect(describeAuditDetails('user.role_changed', { from: 'superuser', to: 42 })).toBe('');
    expect(describeAuditDetails('article.published', { from: { x: 1 }, to: 'published' })).toBe('Sang “Đã xuất bản”');
    expect(describeAuditDetails('auth.sign_in', null)).toBe('');
  });

  it('cuts a very long note', () => {
    const phrase = describeAuditDetails('article.rejected', { from: 'pending', to: 'rejected', note: 'x'.repeat(1000) });
    expect(phrase.length).toBeLessThan(300);
    expect(phrase).toContain('…”');
  });
});

describe('the target of an audit line', () => {
  const base = { targetType: 'article', targetId: 38, targetName: 'Lễ hội Đền Thượng', details: null };

  it('names an article by its title and links to its editor', () => {
    expect(auditTargetOf(base)).toEqual({ label: 'Lễ hội Đền Thượng', href: '/admin/bai-viet/38' });
  });

  it('names a purged article from the details, without a link', () => {
    expect(auditTargetOf({ ...base, targetName: null, details: { title: 'Bài cũ', slug: 'bai-cu' } })).toEqual({ label: 'Bài cũ (đã xóa)', href: null });
    expect(auditTargetOf({ ...base, targetName: null })).toEqual({ label: 'Bài viết đã xóa', href: null });
  });

  it('names accounts, categories, redirects and settings, linking to where they are managed', () => {
    expect(auditTargetOf({ targetType: 'user', targetId: 5, targetName: 'Lâm Tú', details: null })).toEqual({ label: 'Lâm Tú', href: '/admin/nguoi-dung' });
    expect(auditTargetOf({ targetType: 'category', targetId: 4, targetName: 'Du lịch', details: null })).toEqual({ label: 'Du lịch', href: '/admin/chuyen-muc' });
    expect(auditTargetOf({ targetType: 'redirect', targetId: 9, targetName: null, details: { from: '/cu.html', to: '/moi' } })).toEqual({ label: '/cu.html (đã xóa)', href: null });
    expect(auditTargetOf({ targetType: 'settings', targetId: null, targetName: null, details: null })).toEqual({ label: 'Cài đặt trang', href: '/admin/cai-dat' });
    expect(auditTargetOf({ targetType: null, targetId: null, targetName: null, details: { email: 'a@b.vn' } })).toEqual({ label: '', href: null });
  });

  it('names an image by its file name and links to the file, never to a script URL', () => {
    expect(auditTargetOf({ targetType: 'media', targetId: 3, targetName: '/media/2026/12/c%C3%A2u-coc-leu.webp', details: null })).toEqual({
      label: 'câu-coc-leu.webp',
      href: '/media/2026/12/c%C3%A2u-coc-leu.webp',
    });
    expect(auditTargetOf({ targetType: 'media', targetId: 3, targetName: 'javascript:alert(1)', details: null }).href).toBeNull();
    expect(auditTargetOf({ targetType: 'media', targetId: 3, targetName: '//evil.example/a.png', details: null }).href).toBeNull();
  });
});

describe('a whole audit line', () => {
  const line: AuditLine = {
    action: 'user.role_changed',
    createdAt: new Date('2026-12-04T17:05:00Z'),
    actorId: 1,
    actorName: 'Quản trị hệ thống',
    targetType: 'user',
    targetId: 5,
    targetName: 'Lâm Tú',
    details: { from: 'journalist', to: 'moderator' },
    relatedNames: { categories: {} },
  };

  it('reads as time (dd/mm/yyyy HH:mm, Vietnam), person, action, target and details', () => {
    expect(describeAuditLine(line)).toEqual({
      time: '05/12/2026 00:05',
      actor: 'Quản trị hệ thống',
      action: 'Đổi vai trò',
      target: { label: 'Lâm Tú', href: '/admin/nguoi-dung' },
      details: 'Từ Phóng viên thành Biên tập viên',
    });
  });

  it('calls a line no one signed in wrote the system’s', () => {
    expect(describeAuditLine({ ...line, actorId: null, actorName: null }).actor).toBe('Hệ thống');
  });
});
