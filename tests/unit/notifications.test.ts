import { describe, expect, it } from 'vitest';
import { articleEventKey, commentEventKey, defaultSender, notificationEmail, notificationMessage } from '@/lib/notifications';

describe('notification wording and keys', () => {
  it('names each event once per article version and comment', () => {
    expect(articleEventKey('submitted', 12, 5)).toBe('article:12:submitted:v5');
    expect(articleEventKey('submitted', 12, 7)).not.toBe(articleEventKey('submitted', 12, 5));
    expect(commentEventKey(3)).toBe('comment:3');
  });

  it('says who did what to which article, in Vietnamese', () => {
    expect(notificationMessage('submitted', { actorName: 'Lâm Tú', title: 'Chợ phiên Bắc Hà' })).toBe('Lâm Tú gửi duyệt bài «Chợ phiên Bắc Hà».');
    expect(notificationMessage('scheduled', { actorName: 'Hà', title: 'X', when: 'Thứ Năm, 03/12/2026 08:00' })).toBe('Hà hẹn giờ đăng bài «X» lúc Thứ Năm, 03/12/2026 08:00.');
    expect(notificationMessage('returned', { actorName: 'Hà', title: '  ' })).toBe('Hà trả lại bài «Chưa có tiêu đề».');
  });

  it('writes a plain-text email with the link and how to stop them', () => {
    const mail = notificationEmail({ recipientName: 'Lâm Tú', message: 'Hà trả lại bài «X».', link: 'https://laocai.gov.vn/admin/bai-viet/4', portalName: 'Cổng TTĐT Lào Cai' });
    expect(mail.subject).toBe('[Cổng TTĐT Lào Cai] Hà trả lại bài «X».');
    expect(mail.text).toContain('Chào Lâm Tú,');
    expect(mail.text).toContain('Mở bài: https://laocai.gov.vn/admin/bai-viet/4');
    expect(mail.text).toContain('Nhận email thông báo');
    expect(defaultSender('https://laocai.gov.vn/')).toBe('Tòa soạn <no-reply@laocai.gov.vn>');
  });
});
