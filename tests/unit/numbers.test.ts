import { describe, expect, it } from 'vitest';
import { formatViInteger, parseViInteger } from '@/lib/numbers';

describe('whole numbers in vi-VN', () => {
  it('formats with a dot between thousands', () => {
    expect([0, 7, 999, 1000, 12345, 1784275, 1_000_000_000].map(formatViInteger)).toEqual(['0', '7', '999', '1.000', '12.345', '1.784.275', '1.000.000.000']);
    expect(formatViInteger(-1784275)).toBe('-1.784.275');
    // The same as Intl's vi-VN for every magnitude.
    const vi = new Intl.NumberFormat('vi-VN');
    for (let n = 1; n < 1e15; n *= 7) expect(formatViInteger(n)).toBe(vi.format(n));
  });

  it('reads what staff type or paste', () => {
    expect(parseViInteger('1.784.275')).toBe(1784275);
    expect(parseViInteger('1784275')).toBe(1784275);
    expect(parseViInteger(' 1 784 275 ')).toBe(1784275);
    expect(parseViInteger('1\u00a0784\u202f275')).toBe(1784275);
    expect(parseViInteger('1,784,275')).toBe(1784275);
    expect(parseViInteger('1.000')).toBe(1000);
    expect(parseViInteger('0')).toBe(0);
    expect(parseViInteger('-12.000')).toBe(-12000);
  });

  it('refuses decimals, misplaced or mixed separators and text', () => {
    for (const bad of ['', ' ', '1,5', '1.5', '1.78.4275', '1.784,275', '12.34', '.123', '123.', 'abc', '1e6', '0x10', '١٢٣', '9.007.199.254.740.993']) {
      expect(parseViInteger(bad), bad).toBeNull();
    }
  });

  it('round-trips every formatted number', () => {
    for (const n of [0, 5, 1000, 65_536, 1_784_275, 999_999_999_999]) expect(parseViInteger(formatViInteger(n))).toBe(n);
  });
});
