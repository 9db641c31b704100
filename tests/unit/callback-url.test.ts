import { describe, expect, it } from 'vitest';
import { sanitizeCallbackUrl } from '@/lib/auth/callback-url';

describe('sanitizeCallbackUrl', () => {
  it.each([
    ['/admin/bai-viet', '/admin/bai-viet'],
    ['/admin/bai-viet?trang=2&q=l%C3%A0o%20cai', '/admin/bai-viet?trang=2&q=l%C3%A0o%20cai'],
    ['/admin/nguoi-dung#tao', '/admin/nguoi-dung#tao'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(sanitizeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    ['https://evil.example/admin'],
    ['//evil.example/admin'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['javascript:alert(1)'],
    ['/admin\n/evil'],
    ['//%2Fevil.example'],
    ['admin'],
    [''],
    [undefined],
    [42],
    ['/dang-nhap?callbackUrl=/admin'],
    ['/api/auth/signout'],
    ['/' + 'a'.repeat(3000)],
  ])('falls back to /admin for %j', (input) => {
    expect(sanitizeCallbackUrl(input)).toBe('/admin');
  });

  it('normalises dot segments without leaving the site', () => {
    expect(sanitizeCallbackUrl('/admin/../../etc')).toBe('/etc');
  });
});
