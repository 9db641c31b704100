import { AppError } from './errors';

/** The origin (`https://host:port`) of an http(s) URL, or null for anything else. */
export function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origins our pages are served from, for this request: its own URL, the
 * Host it was sent to (and X-Forwarded-Host/-Proto, as a proxy rewrites them;
 * a page on another site cannot set those on a browser request) and SITE_URL.
 * Admin route handlers and the visit beacon both judge `Origin` against it.
 */
export function ownOrigins(requestUrl: string, headers: Headers, siteUrl?: string): Set<string> {
  const origins = new Set<string>();
  const url = new URL(requestUrl);
  origins.add(url.origin);
  const proto = (headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '')).split(',')[0]!.trim();
  for (const host of [headers.get('x-forwarded-host'), headers.get('host')]) {
    const first = host?.split(',')[0]?.trim();
    const origin = first ? originOf(`${proto}://${first}`) : null;
    if (origin) origins.add(origin);
  }
  const site = siteUrl ? originOf(siteUrl) : null;
  if (site) origins.add(site);
  return origins;
}

/**
 * Refuses cross-site requests to state-changing route handlers (server actions
 * get the same check from Next itself). A browser sends Sec-Fetch-Site on every
 * request and Origin on every POST; a request with neither is not from a
 * browser page (curl, server to server) and carries no ambient cookie risk.
 */
export function assertSameOrigin(request: Request, siteUrl?: string): void {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw crossSite();
  const origin = request.headers.get('origin');
  if (origin === null) return;
  const normalized = originOf(origin.trim());
  if (!normalized || !ownOrigins(request.url, request.headers, siteUrl).has(normalized)) throw crossSite();
}

function crossSite() {
  return new AppError('forbidden', 'Yêu cầu từ trang web khác bị từ chối.');
}
