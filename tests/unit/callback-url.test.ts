import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authRedirectTarget, sanitizeCallbackUrl } from '@/lib/auth/callback-url';
import { decodeCorpusLine } from '@/tests/support/corpus';

/** tests/fixtures/redirect-tricks.txt, decoded: every line must fall back to /admin. */
const tricks = fs
  .readFileSync(path.join(__dirname, '..', 'fixtures', 'redirect-tricks.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0 && !line.startsWith('#'))
  .map(decodeCorpusLine);

/** Callbacks the app itself writes (proxy.ts: pathname + search of an /admin page) and public pages: kept as they are. */
const legitimate = [
  '/admin',
  '/admin/',
  '/admin/bai-viet',
  '/admin/bai-viet/12?x=1',
  '/admin/bai-viet/12/sua',
  '/admin/bai-viet?trang=2&q=l%C3%A0o%20cai',
  '/admin/bai-viet?q=a+b&trang-thai=cho-duyet',
  '/admin/nguoi-dung#tao',
  '/admin/cho-duyet',
  '/admin/thu-vien-anh?trang=3',
  '/admin/thong-ke?tu=2026-11-01&den=2026-11-30',
  '/admin/nhat-ky',
  // The query cannot move the host once the path is fixed.
  '/admin/bai-viet/12?callbackUrl=%2F%2Fevil.example',
  '/admin/bai-viet/12?next=//evil.example',
  '/',
  '/bai-viet/le-hoi-hoa-tam-xuan-2026',
  '/chuyen-muc/thoi-su/trang/2',
  '/the/du-lich',
  '/tac-gia/nguyen-van-a',
  '/tim-kiem?q=l%C3%A0o+cai',
  '/xem-truoc/12',
  '/gioi-thieu',
];

const SITE = 'https://laocai.gov.vn';

describe('sanitizeCallbackUrl', () => {
  it('has a corpus of more than 50 tricks, each of a kind the task names', () => {
    expect(tricks.length).toBeGreaterThan(100);
    const has = (test: (t: string) => boolean) => tricks.some(test);
    expect(has((t) => /%2f/i.test(t))).toBe(true);
    expect(has((t) => /%5c/i.test(t))).toBe(true);
    expect(has((t) => /%25/.test(t))).toBe(true);
    expect(has((t) => t.includes('/./'))).toBe(true);
    expect(has((t) => t.includes('/../'))).toBe(true);
    expect(has((t) => t.includes('\t'))).toBe(true);
    expect(has((t) => t.includes('\n'))).toBe(true);
    expect(has((t) => t.startsWith('\\\\'))).toBe(true);
    expect(has((t) => t.startsWith('///'))).toBe(true);
    expect(has((t) => t === '/\t/evil.example')).toBe(true);
    expect(has((t) => /[\uff0f\u2215\u2044]/.test(t))).toBe(true);
    expect(has((t) => /^javascript:/i.test(t))).toBe(true);
    expect(has((t) => t.startsWith('data:'))).toBe(true);
    expect(has((t) => /^https?:\/\//i.test(t))).toBe(true);
    expect(has((t) => t.includes('@'))).toBe(true);
    expect(has((t) => /\/\/[^/]*:[^/]*@/.test(t))).toBe(true);
    expect(has((t) => t.length > 2000)).toBe(true);
    expect(has((t) => t.startsWith('/dang-nhap'))).toBe(true);
    expect(has((t) => t.startsWith('/api/auth/'))).toBe(true);
  });

  it.each(tricks.map((t) => [JSON.stringify(t).slice(0, 120), t]))('falls back to /admin for %s', (_, trick) => {
    expect(sanitizeCallbackUrl(trick)).toBe('/admin');
  });

  it('names the reported cases', () => {
    expect(sanitizeCallbackUrl('/.//evil.example/phish')).toBe('/admin');
    expect(sanitizeCallbackUrl(decodeURIComponent('%2F.%2F%2Fevil.example%2Fphish'))).toBe('/admin');
    expect(sanitizeCallbackUrl('/..//evil.example')).toBe('/admin');
    expect(sanitizeCallbackUrl('/admin/..//evil.example/path')).toBe('/admin');
  });

  it.each([[''], [undefined], [null], [42], [['/admin/bai-viet']], [{ toString: () => '/admin/bai-viet' }]])(
    'falls back to /admin for the non-string or empty %j',
    (input) => {
      expect(sanitizeCallbackUrl(input)).toBe('/admin');
    },
  );

  it.each(legitimate)('keeps the same-site callback %s', (input) => {
    expect(sanitizeCallbackUrl(input)).toBe(input);
  });

  it('normalises the query and fragment of a kept callback', () => {
    expect(sanitizeCallbackUrl('/tim-kiem?q=lào')).toBe('/tim-kiem?q=l%C3%A0o');
    expect(sanitizeCallbackUrl('/admin?')).toBe('/admin');
    expect(sanitizeCallbackUrl('/admin/nguoi-dung#')).toBe('/admin/nguoi-dung');
  });

  it('returns only what a browser resolves to this site, and the same again when judged twice', () => {
    for (const input of [...legitimate, ...tricks]) {
      const output = sanitizeCallbackUrl(input);
      expect(output).toMatch(/^\/(?![/\\])/);
      expect(new URL(output, SITE).origin).toBe(SITE);
      expect(sanitizeCallbackUrl(output)).toBe(output);
    }
  });

  it('uses the fallback it is given', () => {
    expect(sanitizeCallbackUrl('//evil.example', '/')).toBe('/');
  });
});

describe('authRedirectTarget (next-auth callbacks.redirect)', () => {
  const base = 'http://localhost:3000';

  it('keeps a same-site path or same-origin address, on this origin', () => {
    expect(authRedirectTarget('/admin/bai-viet/12?x=1', base)).toBe(`${base}/admin/bai-viet/12?x=1`);
    expect(authRedirectTarget(`${base}/admin/nhat-ky`, base)).toBe(`${base}/admin/nhat-ky`);
    expect(authRedirectTarget(`${base}/`, base)).toBe(`${base}/`);
  });

  it('lets sign-out land on the sign-in page, and only the bare page', () => {
    expect(authRedirectTarget('/dang-nhap', base)).toBe(`${base}/dang-nhap`);
    expect(authRedirectTarget(`${base}/dang-nhap`, base)).toBe(`${base}/dang-nhap`);
    expect(authRedirectTarget('/dang-nhap?callbackUrl=//evil.example', base)).toBe(`${base}/admin`);
    expect(authRedirectTarget('/dang-nhap/', base)).toBe(`${base}/admin`);
  });

  it('sends everything else to /admin on this origin', () => {
    expect(authRedirectTarget('https://evil.example/admin', base)).toBe(`${base}/admin`);
    expect(authRedirectTarget('http://localhost:3001/admin', base)).toBe(`${base}/admin`);
    expect(authRedirectTarget(`${base}/.//evil.example/phish`, base)).toBe(`${base}/admin`);
    expect(authRedirectTarget(`${base}/api/auth/signout`, base)).toBe(`${base}/admin`);
    expect(authRedirectTarget('not a url', base)).toBe(`${base}/admin`);
    for (const trick of tricks.filter((t) => t !== '/dang-nhap')) {
      expect(authRedirectTarget(trick, base), JSON.stringify(trick)).toBe(`${base}/admin`);
    }
  });
});
