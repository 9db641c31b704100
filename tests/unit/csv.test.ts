import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_HEADER, auditLogCsv, auditLogCsvFileName } from '@/lib/audit/csv';
import { csvCell, toCsv, UTF8_BOM } from '@/lib/csv';

describe('CSV cells', () => {
  it('leaves plain text as it is, Vietnamese letters included', () => {
    expect(csvCell('Lễ hội Đền Thượng')).toBe('Lễ hội Đền Thượng');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes, semicolons and line breaks, doubling the quotes inside', () => {
    expect(csvCell('Từ “Nháp”, phiên bản 3')).toBe('"Từ “Nháp”, phiên bản 3"');
    expect(csvCell('Bài "nóng"')).toBe('"Bài ""nóng"""');
    expect(csvCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell(' lề')).toBe('" lề"');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","Bấm")', `"'=HYPERLINK(""http://evil.example"",""Bấm"")"`],
    ['+84 214 3840 000', "'+84 214 3840 000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('defuses a formula: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves numbers as numbers, negative ones included', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(1.5)).toBe('1.5');
  });

  it('does not touch a formula character later in the text', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('email a@laocai.vn')).toBe('email a@laocai.vn');
  });
});

describe('a CSV file', () => {
  it('starts with the UTF-8 byte order mark and ends every line with CRLF', () => {
    const csv = toCsv([
      ['Tên', 'Ghi chú'],
      ['Lâm Tú', 'a,b'],
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe('Tên,Ghi chú\r\nLâm Tú,"a,b"\r\n');
  });
});

describe('the audit log as CSV', () => {
  it('has the Vietnamese columns and the same words as the table', () => {
    const csv = auditLogCsv([
      {
        action: 'article.rejected',
        createdAt: new Date('2026-12-04T17:00:00Z'),
        actorId: 2,
        actorName: 'Nguyễn Thu Hà',
        targetType: 'article',
        targetId: 38,
        targetName: '=cmd|" /C calc"!A0',
        details: { from: 'pending', to: 'rejected', version: 5, note: 'Thiếu nguồn' },
        relatedNames: { categories: {} },
      },
      {
        action: 'auth.sign_in_failed',
        createdAt: new Date('2026-12-05T16:59:00Z'),
        actorId: null,
        actorName: null,
        targetType: null,
        targetId: null,
        targetName: null,
        details: { email: 'x@laocai.vn', ip: '203.0.113.7' },
        relatedNames: { categories: {} },
      },
    ]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(','));
    expect(lines[0]).toBe('Thời gian,Người thực hiện,Hành động,Đối tượng,Chi tiết');
    expect(lines[1]).toBe(`05/12/2026 00:00,Nguyễn Thu Hà,Trả lại bài,"'=cmd|"" /C calc""!A0","Từ “Chờ duyệt” sang “Bị trả lại”, phiên bản 5, ghi chú: “Thiếu nguồn”"`);
    expect(lines[2]).toBe('05/12/2026 23:59,Hệ thống,Đăng nhập thất bại,,"Email x@laocai.vn, từ địa chỉ IP 203.0.113.7"');
    expect(lines[3]).toBe('');
    expect(csv).not.toMatch(/article\.|auth\.|pending|rejected/);
  });

  it('is named after the Vietnam day of the download', () => {
    // 17:30 UTC on 4 December is already 5 December in Hà Nội.
    expect(auditLogCsvFileName(new Date('2026-12-04T17:30:00Z'))).toBe('nhat-ky-20261205.csv');
    expect(auditLogCsvFileName(new Date('2026-12-04T16:59:00Z'))).toBe('nhat-ky-20261204.csv');
  });
});
