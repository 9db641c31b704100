/**
 * The client's address for rate limiting. `next start` fills X-Forwarded-For
 * with the socket address only when the request has none, so production must
 * sit behind a reverse proxy that appends to it; TRUSTED_PROXY_HOPS (default 1)
 * is how many such proxies there are, and the entry that many places from the
 * right is the one a client cannot forge. The per-account limit holds whatever
 * the address.
 */
export function clientIpFromHeaders(headers: Headers, env: NodeJS.ProcessEnv = process.env): string {
  const hops = Math.max(1, Number(env.TRUSTED_PROXY_HOPS ?? 1) || 1);
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const candidate = forwarded.length ? forwarded[Math.max(0, forwarded.length - hops)] : headers.get('x-real-ip');
  return normalizeIp(candidate ?? '') || 'unknown';
}

function normalizeIp(value: string): string {
  const trimmed = value.trim().slice(0, 64);
  return trimmed.startsWith('::ffff:') ? trimmed.slice(7) : trimmed;
}
