import { isbot } from 'isbot';

export type UncountedReason =
  | 'head'
  | 'prefetch'
  | 'bot'
  | 'empty_user_agent'
  | 'staff_preview'
  /** Neither Origin nor Sec-Fetch-Site: not a browser page (lib/visits/origin.ts). */
  | 'no_origin'
  /** The pixel without a Referer. */
  | 'no_referer'
  /** The pixel loaded from another site's page (a beacon from another site is refused with 403 instead). */
  | 'cross_site'
  /** The pixel's Referer is one of ours but not a public page (/admin, /dang-nhap…). */
  | 'not_public_path'
  /** The pixel over the per-address limit (answered 429, as the beacon is). */
  | 'rate_limited';
export type RequestVerdict = { count: true } | { count: false; reason: UncountedReason };

/** next-auth v5 session cookies (chunked as `.0`, `.1` when large) and Next's draft-mode cookie. */
const STAFF_COOKIES = [/^(__Secure-)?authjs\.session-token(\.\d+)?$/, /^__prerender_bypass$/];

export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  return !userAgent || !userAgent.trim() || isbot(userAgent);
}

/** `Sec-Purpose: prefetch;prerender` (Chromium), `Purpose: prefetch` (older browsers, link prefetch). */
export function isPrefetch(headers: Headers): boolean {
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''} ${headers.get('x-purpose') ?? ''}`.toLowerCase();
  return purpose.includes('prefetch') || purpose.includes('prerender') || purpose.includes('preview');
}

export function cookieNames(cookieHeader: string | null): string[] {
  if (!cookieHeader) return [];
  return cookieHeader
    .split(';')
    .map((part) => part.split('=')[0]?.trim() ?? '')
    .filter(Boolean);
}

/** A signed-in editor (or a draft-mode preview) reading the site is not a reader. */
export function isStaffPreview(headers: Headers): boolean {
  return cookieNames(headers.get('cookie')).some((name) => STAFF_COOKIES.some((re) => re.test(name)));
}

/** Decides, from method and headers only, whether a beacon may be counted. Cheap checks first. */
export function classifyRequest(method: string, headers: Headers): RequestVerdict {
  if (method.toUpperCase() === 'HEAD') return { count: false, reason: 'head' };
  if (isPrefetch(headers)) return { count: false, reason: 'prefetch' };
  const userAgent = headers.get('user-agent');
  if (!userAgent || !userAgent.trim()) return { count: false, reason: 'empty_user_agent' };
  if (isbot(userAgent)) return { count: false, reason: 'bot' };
  if (isStaffPreview(headers)) return { count: false, reason: 'staff_preview' };
  return { count: true };
}
