/**
 * The client's address, for everything that needs one: the sign-in limits,
 * the audit log ("Nhật ký"), the visitor hash. Read it through
 * server/http/request-client-ip.ts (`requestClientIp`), which supplies the
 * deployment's trust settings.
 *
 * The starting point is the peer: the address of the TCP connection, which
 * scripts/serve.mjs (`npm start`) writes into PEER_HEADER after deleting any
 * copy the client sent. Nothing a client writes is believed unless the
 * deployment says which hops in front of the app are its own proxies:
 * - no proxy (TRUSTED_PROXY_HOPS=0 and no TRUSTED_PROXIES, the default): the
 *   peer, and X-Forwarded-For is ignored;
 * - TRUSTED_PROXIES (addresses or CIDR ranges): walking X-Forwarded-For from
 *   the right, starting at the peer, every address in the list is a proxy of
 *   ours; the first one that is not is the client. X-Forwarded-For is read
 *   only when the peer itself is in the list;
 * - TRUSTED_PROXY_HOPS=N (N proxies in front, each appending to
 *   X-Forwarded-For or, like deploy/nginx/toa-soan.conf, replacing it): the
 *   entry N places from the right (the peer being the nearest of the N).
 * When every hop is trusted, the furthest one is the client. An entry that is
 * not an address where the client should be, or no peer at all, gives
 * UNKNOWN_CLIENT_IP. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is the IPv4 address;
 * IPv6 is written in its canonical form, so one client is one string.
 */

/** No usable address (no peer, or a proxy wrote garbage): every such request shares it. */
export const UNKNOWN_CLIENT_IP = 'unknown';

/** Written by scripts/serve.mjs (scripts/peer-header.mjs) on every request: the socket's remote address. */
export const PEER_HEADER = 'x-toa-soan-peer';

/** An address or CIDR range: 2 (IPv4) or 8 (IPv6) 16-bit words and a prefix length. Plain data (env() keeps it). */
export interface IpRange {
  readonly version: 4 | 6;
  readonly words: readonly number[];
  readonly prefix: number;
}

export interface ClientIpTrust {
  /** Proxies in front of the app (0: none). Used when `proxies` is empty. */
  readonly hops: number;
  /** The proxies' addresses (TRUSTED_PROXIES); when not empty, `hops` is not used. */
  readonly proxies: readonly IpRange[];
}

export const NO_TRUSTED_PROXY: ClientIpTrust = { hops: 0, proxies: [] };

/** Longer than any written address (with port and zone): refused unread. */
const MAX_ADDRESS_TEXT = 100;
/** X-Forwarded-For entries examined at most; a longer chain of trusted hops is not a real deployment. */
const MAX_HOPS = 32;

interface Address {
  readonly version: 4 | 6;
  readonly words: readonly number[];
  readonly text: string;
}

export function clientIp(headers: Headers, trust: ClientIpTrust): string {
  const peer = parseAddress(headers.get(PEER_HEADER));
  if (!peer) return UNKNOWN_CLIENT_IP;
  const byList = trust.proxies.length > 0;
  const hops = Math.min(MAX_HOPS, Math.max(0, Math.floor(trust.hops) || 0));
  if (!byList && hops === 0) return peer.text;

  const forwarded = (headers.get('x-forwarded-for') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  // Right to left: the peer, then what the nearest proxy wrote, then what the one before it wrote…
  let current = peer;
  for (let hop = 0; ; hop++) {
    const trusted = byList ? trust.proxies.some((range) => inRange(current, range)) : hop < hops;
    if (!trusted) return current.text;
    if (hop >= MAX_HOPS) return UNKNOWN_CLIENT_IP;
    const next = forwarded.pop();
    // Every hop is ours: the furthest one is the client.
    if (next === undefined) return current.text;
    const address = parseAddress(next);
    if (!address) return UNKNOWN_CLIENT_IP;
    current = address;
  }
}

/**
 * TRUSTED_PROXIES: addresses and CIDR ranges, IPv4 or IPv6, separated by
 * commas or spaces (`127.0.0.1, 10.0.0.0/8, ::1, fd00::/8`). Host bits below
 * the prefix are ignored. Returns the ranges and the entries that are neither.
 */
export function parseIpRanges(text: string): { ranges: IpRange[]; invalid: string[] } {
  const ranges: IpRange[] = [];
  const invalid: string[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const range = parseRange(entry);
    if (range) ranges.push(range);
    else invalid.push(entry);
  }
  return { ranges, invalid };
}

/** The canonical text of an address (`::ffff:10.0.0.1` → `10.0.0.1`, `2001:DB8:0::1` → `2001:db8::1`), or null. */
export function normalizeIp(value: string): string | null {
  return parseAddress(value)?.text ?? null;
}

function parseRange(entry: string): IpRange | null {
  const slash = entry.indexOf('/');
  const addressText = slash === -1 ? entry : entry.slice(0, slash);
  const address = parseBareAddress(addressText);
  if (!address) return null;
  const bits = address.version === 4 ? 32 : 128;
  let prefix = bits;
  if (slash !== -1) {
    const prefixText = entry.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText)) return null;
    prefix = Number(prefixText);
    // An IPv4-mapped range (::ffff:10.0.0.0/104) was turned into IPv4 (10.0.0.0): its prefix loses the 96 bits of the mapping.
    if (address.version === 4 && addressText.includes(':')) prefix -= 96;
    if (prefix < 0 || prefix > bits) return null;
  }
  return { version: address.version, words: masked(address.words, prefix), prefix };
}

function inRange(address: Address, range: IpRange): boolean {
  if (address.version !== range.version) return false;
  const words = masked(address.words, range.prefix);
  return words.every((word, i) => word === range.words[i]);
}

function masked(words: readonly number[], prefix: number): number[] {
  return words.map((word, i) => {
    const keep = Math.min(16, Math.max(0, prefix - i * 16));
    return keep === 0 ? 0 : word & ((0xffff << (16 - keep)) & 0xffff);
  });
}

/** As proxies and sockets write them: `1.2.3.4`, `1.2.3.4:5678`, `::1`, `[::1]`, `[::1]:5678`, `fe80::1%eth0`. */
function parseAddress(value: string | null): Address | null {
  if (value === null) return null;
  let text = value.trim();
  if (text.length === 0 || text.length > MAX_ADDRESS_TEXT) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.indexOf(':'));
  return parseBareAddress(text);
}

function parseBareAddress(text: string): Address | null {
  if (!text.includes(':')) {
    const v4 = parseIPv4(text);
    return v4 ? ipv4Address(v4) : null;
  }
  // A zone (fe80::1%eth0) names the interface, not the client.
  const words = parseIPv6(text.replace(/%[\w.-]+$/, ''));
  if (!words) return null;
  // ::ffff:a.b.c.d, the IPv4-mapped form: the same client as a.b.c.d.
  if (words.slice(0, 5).every((word) => word === 0) && words[5] === 0xffff) {
    return ipv4Address([words[6]! >> 8, words[6]! & 0xff, words[7]! >> 8, words[7]! & 0xff]);
  }
  return { version: 6, words, text: formatIPv6(words) };
}

function ipv4Address(bytes: number[]): Address {
  return { version: 4, words: [(bytes[0]! << 8) | bytes[1]!, (bytes[2]! << 8) | bytes[3]!], text: bytes.join('.') };
}

/** Four decimal bytes, no leading zeros (`010` is octal to some parsers: refused rather than guessed). */
function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return null;
    const byte = Number(part);
    if (byte > 255) return null;
    bytes.push(byte);
  }
  return bytes;
}

function parseIPv6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const words = (parts: string[], last: boolean): number[] | null => {
    const out: number[] = [];
    for (const [i, part] of parts.entries()) {
      if (last && i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIPv4(part);
        if (!v4) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
        out.push(parseInt(part, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const compressed = halves.length === 2;
  const first = words(head, !compressed);
  const second = words(tail, true);
  if (!first || !second) return null;
  const missing = 8 - first.length - second.length;
  if (compressed ? missing < 1 : missing !== 0) return null;
  return [...first, ...new Array<number>(missing).fill(0), ...second];
}

/** RFC 5952: lower case, no leading zeros, the longest run of two or more zero words as `::` (the first, on a tie). */
function formatIPv6(words: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (list: readonly number[]) => list.map((word) => word.toString(16)).join(':');
  if (bestStart === -1) return hex(words);
  return `${hex(words.slice(0, bestStart))}::${hex(words.slice(bestStart + bestLength))}`;
}
