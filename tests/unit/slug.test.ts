import { describe, expect, it } from 'vitest';
import { nextFreeSlug, slugify, SLUG_PATTERN } from '@/lib/slug';

describe('slugify', () => {
  it.each([
    ['Đường về Tả Phời', 'duong-ve-ta-phoi'],
    ['Thành phố Lào Cai: Những kết quả tích cực', 'thanh-pho-lao-cai-nhung-ket-qua-tich-cuc'],
    ['ĐẢNG BỘ PHƯỜNG Cốc Lếu', 'dang-bo-phuong-coc-leu'],
    ['Ưu tiên ổn định, phát triển', 'uu-tien-on-dinh-phat-trien'],
    ['Hội nghị  “tổng kết”   năm 2026!', 'hoi-nghi-tong-ket-nam-2026'],
    ['Nghỉ lễ 30/4 – 1/5', 'nghi-le-30-4-1-5'],
    ['Quý, quỳ, quỷ, quỹ, quý', 'quy-quy-quy-quy-quy'],
    ['Xã Vạn Hòa và xã Vạn Hoà', 'xa-van-hoa-va-xa-van-hoa'],
    ['   --Tiêu đề--  ', 'tieu-de'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('handles decomposed (NFD) input the same as precomposed', () => {
    expect(slugify('Lào Cai'.normalize('NFD'))).toBe('lao-cai');
  });

  it('returns an empty string when nothing is left', () => {
    expect(slugify('!!! ??? 😀')).toBe('');
  });

  it('bounds the length without a trailing dash', () => {
    const slug = slugify('Lào Cai '.repeat(40), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe('nextFreeSlug', () => {
  it('keeps a free slug', () => {
    expect(nextFreeSlug('lao-cai', ['sa-pa'])).toBe('lao-cai');
  });
  it('adds the first free numeric suffix', () => {
    expect(nextFreeSlug('lao-cai', ['lao-cai', 'lao-cai-2', 'lao-cai-4'])).toBe('lao-cai-3');
  });
  it('never returns an empty slug', () => {
    expect(nextFreeSlug('', [])).toBe('bai-viet');
  });
});
