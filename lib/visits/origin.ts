/**
 * Whether a beacon comes from one of our own pages, as the browser tells it.
 * Only a browser page on another origin is stopped by this (it cannot forge
 * these headers); a script can send anything, which is what the per-address
 * rate limit is for.
 */

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origins our pages are served from: the request's own URL, the Host it
 * was sent to (and X-Forwarded-Host/-Proto, as a proxy rewrites them; a page
 * on another site cannot set those on a beacon) and SITE_URL.
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

export type BeaconSource = 'same_origin' | 'cross_site' | 'no_origin';

/**
 * A browser sends `Sec-Fetch-Site` on every request and `Origin` on every
 * POST (sendBeacon and fetch alike; "null" from sandboxed frames). Either one
 * pointing elsewhere refuses the beacon; with neither, the client is not a
 * browser page at all (curl, a script) and is not counted as a reader.
 */
export function beaconSource(headers: Headers, own: ReadonlySet<string>): BeaconSource {
  const site = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  if (site === null && origin === null) return 'no_origin';
  if (site !== null && site.trim().toLowerCase() !== 'same-origin') return 'cross_site';
  if (origin !== null) {
    const normalized = originOf(origin.trim());
    if (!normalized || !own.has(normalized)) return 'cross_site';
  }
  return 'same_origin';
}

export type PixelSource = { path: string } | { reason: 'no_referer' | 'cross_site' };

/**
 * The page a `<noscript>` pixel was loaded from: its same-origin Referer (our
 * Referrer-Policy sends the full URL to our own origin). A missing Referer,
 * another origin's, or Fetch Metadata saying the image was requested by
 * another site is not counted.
 */
export function pixelPage(headers: Headers, own: ReadonlySet<string>): PixelSource {
  const site = headers.get('sec-fetch-site');
  if (site !== null && site.trim().toLowerCase() !== 'same-origin') return { reason: 'cross_site' };
  const referer = headers.get('referer');
  if (!referer) return { reason: 'no_referer' };
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return { reason: 'cross_site' };
  }
  if (!own.has(url.origin)) return { reason: 'cross_site' };
  return { path: url.pathname };
}
