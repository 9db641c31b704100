import { createHash, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';

/**
 * First 16 bytes of SHA-256(daily salt ‖ site ‖ IP ‖ UA). The salt changes
 * every local day and is deleted two days later, so yesterday's hashes cannot
 * be linked to today's and no IP can be recovered.
 */
export function visitorHash(salt: string, site: string, ip: string, userAgent: string): Buffer {
  // A separator that cannot appear in headers keeps ("ab","c") and ("a","bc") apart.
  return createHash('sha256').update([salt, site, ip, userAgent].join('\u0000')).digest().subarray(0, 16);
}

export function newSalt(): string {
  return randomBytes(32).toString('base64url');
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a trailing dotted IPv4 part folded in), or null. */
function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const groups = [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * Who a rate limit counts: the address itself for IPv4 (and anything that is
 * not an IP, such as `unknown`), the /64 network for IPv6, since one
 * subscriber or one server is handed a whole /64 and could otherwise take a
 * fresh address for every request.
 */
export function rateLimitSubject(ip: string): string {
  const groups = ipv6Groups(ip);
  if (!groups) return ip;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/**
 * The rate-limit key of a client address for visit beacons:
 * `visit:` + the first 16 bytes of SHA-256(daily salt ‖ "rate-limit" ‖ subject),
 * base64url. The counters table never holds an address, and once the day's
 * salt is deleted a key cannot be tested against guessed addresses either.
 */
export function visitRateLimitKey(salt: string, ip: string): string {
  const digest = createHash('sha256').update([salt, 'rate-limit', rateLimitSubject(ip)].join('\u0000')).digest();
  return `visit:${digest.subarray(0, 16).toString('base64url')}`;
}
