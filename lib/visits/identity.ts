import { createHash, randomBytes } from 'node:crypto';

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
