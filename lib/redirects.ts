// Rules for the redirects table (db/schema.ts `redirects`): what may be a source and a
// target, and which stored sources a requested path is looked up under. Pure; the
// use cases in server/redirects/ do the reading and writing.

/** Longest path or URL kept; a longer one is refused rather than cut. */
export const MAX_REDIRECT_LENGTH = 1000;

export type RedirectPathResult = { ok: true; path: string } | { ok: false; message: string };

/**
 * The stored form of a redirect's source: a path of this site, from "/tin-tuc/a.html" or
 * a full URL of the old portal ("https://laocai.gov.vn/tin-tuc/a.html"). The query string
 * and fragment are dropped (the cached public pages never see a query), a trailing slash
 * too, and the path is kept percent-decoded so "/tin%20tuc" and "/tin tuc" are one source.
 */
export function normalizeRedirectSource(input: string): RedirectPathResult {
  const raw = input.trim();
  if (!raw) return { ok: false, message: 'Hãy nhập đường dẫn cũ.' };
  if (raw.length > MAX_REDIRECT_LENGTH) return { ok: false, message: `Đường dẫn dài quá ${MAX_REDIRECT_LENGTH} ký tự.` };
  let pathname: string;
  if (/^https?:\/\//i.test(raw)) {
    try {
      pathname = new URL(raw).pathname;
    } catch {
      return { ok: false, message: 'Địa chỉ cũ không hợp lệ.' };
    }
  } else if (raw.startsWith('/') && !raw.startsWith('//')) {
    pathname = raw.split(/[?#]/, 1)[0]!;
  } else {
    return { ok: false, message: 'Đường dẫn cũ phải bắt đầu bằng "/" hoặc là một địa chỉ http(s) đầy đủ.' };
  }
  const decoded = decodePath(pathname);
  if (decoded === null) return { ok: false, message: 'Đường dẫn cũ có ký tự mã hóa không hợp lệ.' };
  const path = withoutTrailingSlash(decoded);
  if (path === '/') return { ok: false, message: 'Không thể chuyển hướng trang chủ.' };
  if (/^\/(admin|api|_next|dang-nhap)(\/|$)/.test(path)) return { ok: false, message: 'Không thể chuyển hướng trang quản trị hay đường dẫn hệ thống.' };
  return { ok: true, path };
}

/**
 * The stored form of a target: a path of this site, or an absolute http(s) URL (a page
 * that moved to another agency's portal). A URL of this site itself (`siteOrigin`) is
 * kept as its path, so a change of domain does not break it.
 */
export function normalizeRedirectTarget(input: string, siteOrigin: string): RedirectPathResult {
  const raw = input.trim();
  if (!raw) return { ok: false, message: 'Hãy nhập đường dẫn mới.' };
  if (raw.length > MAX_REDIRECT_LENGTH) return { ok: false, message: `Đường dẫn dài quá ${MAX_REDIRECT_LENGTH} ký tự.` };
  if (/^https?:\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { ok: false, message: 'Địa chỉ mới không hợp lệ.' };
    }
    if (url.origin !== new URL(siteOrigin).origin) return { ok: true, path: url.toString() };
    return { ok: true, path: withoutTrailingSlash(url.pathname) || '/' };
  }
  if (raw.startsWith('/') && !raw.startsWith('//')) {
    if (/\s/.test(raw)) return { ok: false, message: 'Đường dẫn mới không được chứa khoảng trắng.' };
    return { ok: true, path: withoutTrailingSlash(raw) || '/' };
  }
  return { ok: false, message: 'Đường dẫn mới phải bắt đầu bằng "/" hoặc là một địa chỉ http(s) đầy đủ.' };
}

/** Whether a target is another site's address (an absolute URL) rather than a path here. */
export function isExternalTarget(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/**
 * The sources a requested path is looked up under, most specific first, each with what
 * to append to its target: the path itself, then, for a category's later pages and feed
 * (`/chuyen-muc/cu/trang/2`, `/chuyen-muc/cu/rss.xml`), the category's own path, so one
 * row made by renaming the category moves all of them.
 */
export function redirectLookups(path: string): { source: string; suffix: string }[] {
  const lookups = [{ source: path, suffix: '' }];
  const category = /^(\/chuyen-muc\/[^/]+)(\/.+)$/.exec(path);
  if (category) lookups.push({ source: category[1]!, suffix: category[2]! });
  return lookups;
}

/** Where a matched lookup sends the reader: the suffix carries over only to a category path. */
export function redirectDestination(target: string, suffix: string): string {
  if (!suffix) return target;
  return /^\/chuyen-muc\/[^/]+$/.test(target) ? `${target}${suffix}` : target;
}

/**
 * Where a new source → target row should point once chains are collapsed: the target's
 * own final target when the target is itself a stored source. Null when that lands back
 * on the source (a loop, refused).
 */
export function collapsedTarget(source: string, target: string, finalTargetOf: (path: string) => string | undefined): string | null {
  const final = finalTargetOf(target) ?? target;
  return final === source ? null : final;
}

function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
