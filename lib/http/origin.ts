import { AppError } from './errors';

/**
 * Refuses cross-site requests to state-changing route handlers (server actions
 * get the same check from Next itself). A browser sends Sec-Fetch-Site on every
 * request and Origin on every POST; a request with neither is not from a
 * browser page (curl, server to server) and carries no ambient cookie risk.
 */
export function assertSameOrigin(request: Request): void {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw crossSite();
  const origin = request.headers.get('origin');
  if (origin === null) return;
  if (origin === 'null') throw crossSite();
  const expected = expectedOrigins(request);
  if (!expected.has(origin)) throw crossSite();
}

function expectedOrigins(request: Request): Set<string> {
  const origins = new Set<string>();
  const url = new URL(request.url);
  origins.add(url.origin);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (host) {
    const proto = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '');
    origins.add(`${proto}://${host}`);
  }
  return origins;
}

function crossSite() {
  return new AppError('forbidden', 'Yêu cầu từ trang web khác bị từ chối.');
}
