/**
 * Where to go after signing in (the sign-in page's `callbackUrl`, the sign-in
 * action's `redirectTo`, next-auth's `callbacks.redirect`): one rule, here.
 *
 * The address is normalised first (as a browser would resolve it against this
 * site) and only then judged, so a form that normalising turns into another
 * host (`/.//evil`, `/..//evil`, `/%2e%2e//evil` all become `//evil`) cannot
 * slip through. Accepted: a same-origin path of plain segments
 * (`/admin/bai-viet/12?trang=2`) — `/admin` and below, and the public pages —
 * written exactly as its normalised form (the app never writes dot segments or
 * encoded characters in a path). Refused, falling back to /admin:
 * - anything that is not a path beginning with exactly one `/` (`//evil`,
 *   `///evil`, `https://…`, `javascript:`, `data:`, `evil.example`);
 * - whitespace, control characters and backslashes anywhere (browsers drop
 *   tabs and newlines and read `\` as `/`);
 * - a path with an empty segment, a dot segment, a percent sign (encoded or
 *   double-encoded slashes), `@`, `:` or any character outside
 *   `A–Z a–z 0–9 - . _ ~` (unicode slashes arrive percent-encoded);
 * - the sign-in page itself (`/dang-nhap…`, a loop), `/api/…` (route handlers,
 *   among them next-auth's `/api/auth/…`) and `/_next/…` (not pages);
 * - anything longer than 2000 characters.
 * The query and fragment are kept, as normalised (they cannot change the host
 * once the path is fixed).
 */
export const DEFAULT_AFTER_SIGN_IN = '/admin';

/** Sign-out's destination (app/(auth)/actions.ts): the one time next-auth may send someone to the sign-in page. */
export const SIGN_IN_PATH = '/dang-nhap';

const MAX_LENGTH = 2000;
const BASE = 'http://toa-soan.invalid';
/** Whitespace of any kind (\s covers U+00A0, U+2028, U+3000, U+FEFF…), C0/C1 controls, DEL, backslash. */
const FORBIDDEN_CHARACTER = /[\s\u0000-\u001f\u007f-\u009f\\]/u;
/** One leading slash, then non-empty segments of unreserved characters; `/` alone is the home page. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9._~-]+)*\/?$/;
/** Not destinations: the sign-in page (a loop), route handlers, Next's own files. Case-insensitive on purpose. */
const NOT_A_DESTINATION = /^\/(?:dang-nhap|api|_next)(?:\/|$)/i;

export function sanitizeCallbackUrl(raw: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  const target = normalisedTarget(raw);
  return target !== null && !NOT_A_DESTINATION.test(target.pathname) ? target.href : fallback;
}

/**
 * next-auth's `callbacks.redirect`: `url` is what the flow asks for (our own
 * `redirectTo`, else the Referer, else a cookie), relative or absolute;
 * `baseUrl` the site's origin. Returns an absolute address on that origin.
 */
export function authRedirectTarget(url: string, baseUrl: string): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  let path: string = url;
  if (!url.startsWith('/')) {
    // An absolute address (the Referer): only one on this origin, and only its path is kept, then judged like any other.
    try {
      const absolute = new URL(url);
      if (absolute.origin !== origin) return `${origin}${DEFAULT_AFTER_SIGN_IN}`;
      path = `${absolute.pathname}${absolute.search}${absolute.hash}`;
    } catch {
      return `${origin}${DEFAULT_AFTER_SIGN_IN}`;
    }
  }
  if (path === SIGN_IN_PATH) return `${origin}${SIGN_IN_PATH}`;
  return `${origin}${sanitizeCallbackUrl(path)}`;
}

/** The normalised same-origin path (and it with query and fragment), or null when `raw` is not an acceptable one. */
function normalisedTarget(raw: unknown): { pathname: string; href: string } | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  if (!raw.startsWith('/') || FORBIDDEN_CHARACTER.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE || url.username !== '' || url.password !== '') return null;
  // Judged after normalising: this is the path a browser would request.
  if (!PLAIN_PATH.test(url.pathname)) return null;
  // …and it must be what was written: only a crafted address has dot segments or encoded characters.
  const written = raw.replace(/[?#][\s\S]*$/, '');
  if (url.pathname !== written) return null;
  const href = `${url.pathname}${url.search}${url.hash}`;
  return href.length <= MAX_LENGTH ? { pathname: url.pathname, href } : null;
}
