import { describe, expect, it } from 'vitest';
import { addDays, formatDateTimeInputVi, formatDateTimeVi, formatDateVi, localDay, parseDateTimeInputVi, startOfLocalDay, startOfLocalWeek, toLocalIso } from '@/lib/time';

describe('Asia/Ho_Chi_Minh dates', () => {
  it('formats in vi-VN at local time, not UTC', () => {
    // 17:30 UTC on Sunday 29 Nov is 00:30 on Monday 30 Nov in Hà Nội.
    expect(formatDateTimeVi(new Date('2026-11-29T17:30:00Z'))).toBe('Thứ Hai, 30/11/2026 00:30');
    expect(formatDateVi(new Date('2026-11-29T17:30:00Z'))).toBe('30/11/2026');
  });

  it('keeps 23:59 local on the same day', () => {
    expect(formatDateTimeVi(new Date('2026-11-29T16:59:00Z'))).toBe('Chủ Nhật, 29/11/2026 23:59');
    expect(localDay(new Date('2026-11-29T16:59:59Z'))).toBe('2026-11-29');
  });

  it('starts the local day at 17:00 UTC the day before', () => {
    expect(localDay(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
    expect(startOfLocalDay(new Date('2026-11-30T03:00:00Z')).toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });

  it('accepts cached ISO strings', () => {
    expect(formatDateTimeVi('2026-11-29T17:30:00.000Z')).toBe('Thứ Hai, 30/11/2026 00:30');
  });

  it('writes ISO 8601 with the +07:00 offset', () => {
    expect(toLocalIso(new Date('2026-11-29T17:30:00Z'))).toBe('2026-11-30T00:30:00+07:00');
  });

  it('starts the week on Monday 00:00 local', () => {
    // Sunday 23:59 local belongs to the week that began Monday 23 Nov.
    expect(startOfLocalWeek(new Date('2026-11-29T16:59:00Z')).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    // One minute later it is Monday 30 Nov: a new week.
    expect(startOfLocalWeek(new Date('2026-11-29T17:00:00Z')).toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('the schedule field (dd/mm/yyyy HH:mm, Vietnam time)', () => {
  it('shows an instant in Vietnam time', () => {
    expect(formatDateTimeInputVi(new Date('2026-12-03T01:00:00Z'))).toBe('03/12/2026 08:00');
    expect(formatDateTimeInputVi(new Date('2026-12-31T17:05:00Z'))).toBe('01/01/2027 00:05');
  });

  it('reads what an editor types, as Vietnam time', () => {
    expect(parseDateTimeInputVi('03/12/2026 08:00')?.toISOString()).toBe('2026-12-03T01:00:00.000Z');
    expect(parseDateTimeInputVi(' 3/12/2026 8:00 ')?.toISOString()).toBe('2026-12-03T01:00:00.000Z');
    expect(parseDateTimeInputVi('03-12-2026 08h30')?.toISOString()).toBe('2026-12-03T01:30:00.000Z');
    expect(parseDateTimeInputVi('01/01/2027 00:05')?.toISOString()).toBe('2026-12-31T17:05:00.000Z');
    expect(parseDateTimeInputVi('29/02/2028 12:00')?.toISOString()).toBe('2028-02-29T05:00:00.000Z');
  });

  it('refuses days and times that do not exist, and other orders', () => {
    for (const bad of ['', '31/02/2026 08:00', '29/02/2027 08:00', '00/12/2026 08:00', '03/13/2026 08:00', '03/12/2026 24:00', '03/12/2026 08:60', '2026-12-03T08:00', '12/3/26 8:00', '03/12/2026', 'mai 8 giờ']) {
      expect(parseDateTimeInputVi(bad), bad).toBeNull();
    }
  });

  it('round-trips what it shows', () => {
    for (const iso of ['2026-12-03T01:00:00Z', '2027-06-30T16:59:00Z', '2026-01-01T00:00:00Z']) {
      const shown = formatDateTimeInputVi(new Date(iso));
      expect(parseDateTimeInputVi(shown)?.getTime()).toBe(new Date(iso).getTime());
    }
  });
});
