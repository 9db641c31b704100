/**
 * Whether a beacon comes from one of our own pages, as the browser tells it.
 * Only a browser page on another origin is stopped by this (it cannot forge
 * these headers); a script can send anything, which is what the per-address
 * rate limit is for.
 */
import { originOf } from '@/lib/http/origin';

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
