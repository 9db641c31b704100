import { z } from 'zod';
import { ARTICLE_PATH_PREFIX } from '../public-paths';
import { MAX_SLUG_LENGTH, SLUG_SOURCE } from '../slug-pattern.mjs';

/** Beacons are tiny; anything larger is not ours. */
export const MAX_BEACON_BYTES = 2048;
export const MAX_PATH_LENGTH = 512;
export const MAX_REFERRER_LENGTH = 1024;

// RFC 3986 path characters only (percent-encoded as browsers send
// `location.pathname`): no spaces, control characters, `?`, `#` or backslashes.
const PATH_CHARS = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
const NOT_COUNTED_PREFIXES = ['/admin', '/api', '/_next', '/dang-nhap'];
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Why a path is not one of the public site's, or null when it is. */
export function pathProblem(path: string): string | null {
  if (path.length === 0 || path.length > MAX_PATH_LENGTH) return `Đường dẫn phải có từ 1 đến ${MAX_PATH_LENGTH} ký tự.`;
  if (!path.startsWith('/')) return 'Đường dẫn phải bắt đầu bằng "/".';
  if (path.includes('//')) return 'Đường dẫn không được chứa "//" hay địa chỉ trang khác.';
  if (!PATH_CHARS.test(path)) return 'Đường dẫn chứa ký tự không hợp lệ.';
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return 'Đường dẫn không được chứa "." hay "..".';
  const lower = path.toLowerCase();
  if (NOT_COUNTED_PREFIXES.some((prefix) => lower === prefix || lower.startsWith(`${prefix}/`))) {
    return 'Đường dẫn không thuộc trang công khai.';
  }
  return null;
}

const pathSchema = z
  .string({ error: 'Thiếu đường dẫn (path).' })
  .superRefine((value, ctx) => {
    const problem = pathProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const referrerSchema = z
  .string({ error: 'Referrer phải là chuỗi.' })
  .max(MAX_REFERRER_LENGTH, 'Referrer quá dài.')
  .refine((value) => !CONTROL_CHARS.test(value), 'Referrer chứa ký tự điều khiển.')
  .refine((value) => value === '' || URL.canParse(value), 'Referrer không phải là địa chỉ hợp lệ.')
  .nullish();

export const beaconBodySchema = z.object({
  path: pathSchema,
  referrer: referrerSchema,
  eventId: z.uuid({ error: 'Mã sự kiện (eventId) phải là UUID.' }),
});
export type BeaconBody = z.infer<typeof beaconBodySchema>;

// The inverse of articlePath(): the same prefix and slug shape the article route accepts.
const ARTICLE_PAGE_PATH = new RegExp(`^${ARTICLE_PATH_PREFIX}/(${SLUG_SOURCE})/?$`);

/** The slug of an article page path, e.g. `/bai-viet/le-hoi-den-thuong` → `le-hoi-den-thuong`. */
export function articleSlugFromPath(path: string): string | null {
  const slug = ARTICLE_PAGE_PATH.exec(path)?.[1];
  return slug !== undefined && slug.length <= MAX_SLUG_LENGTH ? slug : null;
}

/**
 * The referring site's host name, or null for direct visits and for links
 * from our own pages (internal navigation is not a referrer).
 */
export function referrerHost(referrer: string | null | undefined, ownHosts: readonly string[]): string | null {
  if (!referrer) return null;
  let url: URL;
  try {
    url = new URL(referrer);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '').slice(0, 253);
  if (!host) return null;
  if (ownHosts.some((own) => own.toLowerCase().replace(/^www\./, '') === host)) return null;
  return host;
}
