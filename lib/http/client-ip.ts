/** Used when no header names the client (nothing in front of the app): every such request shares it. */
export const UNKNOWN_CLIENT_IP = 'unknown';

/**
 * The client's address, for the sign-in rate limit and the visitor hash (only
 * ever hashed there, never stored). `next start` fills X-Forwarded-For with the
 * socket address only when the request has none, so production must sit behind
 * a reverse proxy that appends to it. `trustedProxyHops` (TRUSTED_PROXY_HOPS) is
 * how many such proxies there are: the entry that many places from the right
 * is the one a client cannot forge; whatever a reader writes further left is
 * ignored. Without X-Forwarded-For, X-Real-IP.
 */
export function clientIp(headers: Headers, trustedProxyHops: number): string {
  const hops = Math.max(1, trustedProxyHops);
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const candidate = forwarded.length ? forwarded[Math.max(0, forwarded.length - hops)] : headers.get('x-real-ip');
  return normalizeIp(candidate ?? '') || UNKNOWN_CLIENT_IP;
}

/** An IPv4 client seen through an IPv6 socket is the same client. */
function normalizeIp(value: string): string {
  const trimmed = value.trim().slice(0, 64);
  return trimmed.startsWith('::ffff:') ? trimmed.slice(7) : trimmed;
}
