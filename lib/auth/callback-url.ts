/**
 * Where to go after signing in: only a same-site relative path. Anything that
 * could leave the site (`//evil`, `/\evil`, `https://…`, `javascript:`) or
 * loop back to the sign-in page falls back to /admin.
 */
export const DEFAULT_AFTER_SIGN_IN = '/admin';

export function sanitizeCallbackUrl(raw: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  // Control characters and backslashes can be normalised by browsers into another host.
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, 'http://toa-soan.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://toa-soan.invalid') return fallback;
  if (url.pathname === '/dang-nhap' || url.pathname.startsWith('/api/auth')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
