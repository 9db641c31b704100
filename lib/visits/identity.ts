import { createHash, randomBytes } from 'node:crypto';

/** Used when no proxy header names the client; every such hit then shares one identity per UA. */
export const UNKNOWN_IP = '0.0.0.0';

/**
 * The client address as the reverse proxy reports it. Only ever hashed, never
 * stored. Behind no proxy both headers are absent and a constant is used.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) {
    const first = forwarded.split(',')[0]?.trim();
    if (first) return first.slice(0, 100);
  }
  const real = headers.get('x-real-ip')?.trim();
  return real ? real.slice(0, 100) : UNKNOWN_IP;
}

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
