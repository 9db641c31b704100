import { timingSafeEqual } from 'node:crypto';
import { PEER_HEADER } from './http/client-ip';

/**
 * Who may read GET /api/metrics. With METRICS_TOKEN: a request carrying `Authorization: Bearer
 * <token>`. Without: a request from this machine straight to the instance's port; one that came
 * through a proxy (nginx on the same machine is loopback too) carries X-Forwarded-For and is refused.
 */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function allowedToScrape(headers: Headers, token: string | undefined): boolean {
  if (token) {
    const given = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim();
    return given !== undefined && sameSecret(given, token);
  }
  return LOOPBACK.has(headers.get(PEER_HEADER) ?? '') && !headers.has('x-forwarded-for') && !headers.has('forwarded');
}
