import { describe, expect, it } from 'vitest';
import { auditLogQueryOf, auditLogSearchParams, formatDayInputVi, parseAuditLogFilters, parseDayInputVi } from '@/lib/validation/audit-log';

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

function refusal(input: Record<string, string | string[] | undefined>): string {
  const result = parseAuditLogFilters(input);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
  expect(result.message).toMatch(VIETNAMESE);
  return result.message;
}

describe('days typed as dd/mm/yyyy', () => {
  it('reads Vietnamese day-first dates', () => {
    expect(parseDayInputVi('05/12/2026')).toBe('2026-12-05');
    expect(parseDayInputVi('5/1/2026')).toBe('2026-01-05');
    expect(parseDayInputVi(' 05-12-2026 ')).toBe('2026-12-05');
    expect(parseDayInputVi('29/02/2028')).toBe('2028-02-29');
    expect(formatDayInputVi('2026-01-05')).toBe('05/01/2026');
  });

  it.each(['31/02/2026', '29/02/2027', '00/12/2026', '12/13/2026', '2026-12-05', '05/12/26', '05/12/0001', '05/12/9999', 'hôm nay', ''])('refuses %j', (text) => {
    expect(parseDayInputVi(text)).toBeNull();
  });
});

describe('the filters of the audit log', () => {
  it('takes nothing as no filter, page 1', () => {
    expect(parseAuditLogFilters({})).toEqual({ ok: true, filters: { page: 1 } });
    expect(parseAuditLogFilters({ nguoi: '', 'hanh-dong': '', 'tu-ngay': '', 'den-ngay': ' ' })).toEqual({ ok: true, filters: { page: 1 } });
  });

  it('reads a person, an action, two days and a page, from a URL as from the page', () => {
    const expected = { ok: true, filters: { actor: 12, action: 'article.published', fromDay: '2026-12-01', toDay: '2026-12-05', page: 2 } };
    expect(parseAuditLogFilters({ nguoi: '12', 'hanh-dong': 'article.published', 'tu-ngay': '01/12/2026', 'den-ngay': '5/12/2026', trang: '2' })).toEqual(expected);
    expect(parseAuditLogFilters(new URLSearchParams('nguoi=12&hanh-dong=article.published&tu-ngay=01%2F12%2F2026&den-ngay=05/12/2026&trang=2'))).toEqual(expected);
    expect(parseAuditLogFilters({ nguoi: ['12', '13'] })).toEqual({ ok: true, filters: { actor: 12, page: 1 } });
    expect(parseAuditLogFilters({ nguoi: 'he-thong' })).toEqual({ ok: true, filters: { actor: 'he-thong', page: 1 } });
  });

  it('refuses bad values with a Vietnamese sentence naming the field', () => {
    expect(refusal({ nguoi: 'abc' })).toContain('Người thực hiện');
    expect(refusal({ nguoi: '99999999999' })).toContain('Người thực hiện');
    expect(refusal({ 'hanh-dong': 'article.nuked' })).toContain('Hành động');
    expect(refusal({ 'hanh-dong': '__proto__' })).toContain('Hành động');
    expect(refusal({ 'tu-ngay': '31/02/2026' })).toContain('Từ ngày');
    expect(refusal({ 'den-ngay': '2026-12-05' })).toContain('dd/mm/yyyy');
    expect(refusal({ trang: '0' })).toContain('trang');
    expect(refusal({ trang: '1e3' })).toContain('trang');
    expect(refusal({ 'tu-ngay': '06/12/2026', 'den-ngay': '05/12/2026' })).toContain('“Từ ngày” phải trước');
  });

  it('turns Vietnam days into instants: "đến ngày" includes the whole day', () => {
    const result = parseAuditLogFilters({ 'tu-ngay': '05/12/2026', 'den-ngay': '05/12/2026', nguoi: 'he-thong' });
    if (!result.ok) throw new Error(result.message);
    expect(auditLogQueryOf(result.filters)).toEqual({
      actorId: null,
      since: new Date('2026-12-04T17:00:00.000Z'),
      before: new Date('2026-12-05T17:00:00.000Z'),
    });
  });

  it('writes the filters back into a URL the parser reads the same', () => {
    const filters = { actor: 12, action: 'user.role_changed' as const, fromDay: '2026-12-01', toDay: '2026-12-31', page: 3 };
    const params = auditLogSearchParams(filters);
    expect(params.toString()).toBe('nguoi=12&hanh-dong=user.role_changed&tu-ngay=01%2F12%2F2026&den-ngay=31%2F12%2F2026&trang=3');
    expect(parseAuditLogFilters(params)).toEqual({ ok: true, filters });
    expect(auditLogSearchParams({ page: 1 }).toString()).toBe('');
  });
});
