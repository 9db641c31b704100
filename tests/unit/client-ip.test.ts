import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseEnv, resetEnv } from '@/lib/env';
import { clientIp, NO_TRUSTED_PROXY, normalizeIp, parseIpRanges, PEER_HEADER, UNKNOWN_CLIENT_IP, type ClientIpTrust } from '@/lib/http/client-ip';
import { requestClientIp } from '@/server/http/request-client-ip';
import { declarePeerStamping, PEER_HEADER as STAMPED_HEADER, PEER_HEADER_STAMPED, stampPeer } from '@/scripts/peer-header.mjs';

const headers = (peer: string | null, forwardedFor?: string, extra: Record<string, string> = {}) => {
  const h = new Headers(extra);
  if (peer !== null) h.set(PEER_HEADER, peer);
  if (forwardedFor !== undefined) h.set('x-forwarded-for', forwardedFor);
  return h;
};
const proxies = (list: string): ClientIpTrust => ({ hops: 0, proxies: parseIpRanges(list).ranges });
const hops = (n: number): ClientIpTrust => ({ hops: n, proxies: [] });

describe('clientIp with no proxy configured (the default)', () => {
  it('is the peer, whatever the client writes in X-Forwarded-For or X-Real-IP', () => {
    const forged = ['6.6.6.6', '1.1.1.1, 2.2.2.2', '127.0.0.1', 'unknown', '::1', ''];
    for (const xff of forged) {
      expect(clientIp(headers('203.0.113.5', xff, { 'x-real-ip': '9.9.9.9' }), NO_TRUSTED_PROXY)).toBe('203.0.113.5');
    }
  });

  it('is the same default the environment gives', () => {
    const config = parseEnv({});
    expect(clientIp(headers('203.0.113.5', '6.6.6.6'), { hops: config.TRUSTED_PROXY_HOPS, proxies: config.TRUSTED_PROXIES })).toBe('203.0.113.5');
  });

  it('is unknown without a peer: X-Forwarded-For alone is never believed', () => {
    expect(clientIp(headers(null, '203.0.113.5'), NO_TRUSTED_PROXY)).toBe(UNKNOWN_CLIENT_IP);
    expect(clientIp(headers(null, '203.0.113.5'), proxies('127.0.0.1'))).toBe(UNKNOWN_CLIENT_IP);
    expect(clientIp(headers(null, '203.0.113.5'), hops(1))).toBe(UNKNOWN_CLIENT_IP);
    expect(clientIp(new Headers({ 'x-real-ip': '203.0.113.5' }), NO_TRUSTED_PROXY)).toBe(UNKNOWN_CLIENT_IP);
  });

  it('is unknown for a peer that is not an address', () => {
    for (const peer of ['', 'unknown', 'localhost', '1.2.3', '999.1.1.1', '::g', `1.2.3.4${' '.repeat(100)}x`]) {
      expect(clientIp(headers(peer), NO_TRUSTED_PROXY)).toBe(UNKNOWN_CLIENT_IP);
    }
  });
});

describe('clientIp with TRUSTED_PROXIES', () => {
  it('takes the right-most entry that is not a trusted proxy', () => {
    expect(clientIp(headers('127.0.0.1', '6.6.6.6, 203.0.113.5'), proxies('127.0.0.1'))).toBe('203.0.113.5');
    expect(clientIp(headers('10.0.0.7', '6.6.6.6, 203.0.113.5, 10.1.2.3'), proxies('127.0.0.1, 10.0.0.0/8'))).toBe('203.0.113.5');
    expect(clientIp(headers('::1', '2001:DB8:0:0::1'), proxies('::1'))).toBe('2001:db8::1');
    expect(clientIp(headers('fd12::3', '198.51.100.2, fd00::9'), proxies('fd00::/8'))).toBe('198.51.100.2');
  });

  it('reads X-Forwarded-For only when the peer itself is a trusted proxy', () => {
    expect(clientIp(headers('203.0.113.5', '127.0.0.1'), proxies('127.0.0.1'))).toBe('203.0.113.5');
    expect(clientIp(headers('11.0.0.1', '203.0.113.9'), proxies('10.0.0.0/8'))).toBe('11.0.0.1');
  });

  it('gives the furthest hop when every hop is trusted, the peer without X-Forwarded-For', () => {
    expect(clientIp(headers('127.0.0.1', '127.0.0.1'), proxies('127.0.0.1'))).toBe('127.0.0.1');
    expect(clientIp(headers('127.0.0.1', '10.0.0.1, 127.0.0.1'), proxies('127.0.0.0/8, 10.0.0.0/8'))).toBe('10.0.0.1');
    expect(clientIp(headers('127.0.0.1'), proxies('127.0.0.1'))).toBe('127.0.0.1');
  });

  it('matches an IPv4-mapped peer against IPv4 ranges, and mapped ranges against IPv4 peers', () => {
    expect(clientIp(headers('::ffff:127.0.0.1', '203.0.113.5'), proxies('127.0.0.1'))).toBe('203.0.113.5');
    expect(clientIp(headers('10.2.3.4', '203.0.113.5'), proxies('::ffff:10.0.0.0/104'))).toBe('203.0.113.5');
  });

  it('is unknown when a trusted proxy wrote something that is not an address where the client should be', () => {
    expect(clientIp(headers('127.0.0.1', 'garbage'), proxies('127.0.0.1'))).toBe(UNKNOWN_CLIENT_IP);
    expect(clientIp(headers('127.0.0.1', '203.0.113.5, unknown'), proxies('127.0.0.1'))).toBe(UNKNOWN_CLIENT_IP);
    // What the client wrote further left is never read.
    expect(clientIp(headers('127.0.0.1', 'garbage, <script>, 203.0.113.5'), proxies('127.0.0.1'))).toBe('203.0.113.5');
  });

  it('gives up on an absurdly long chain of trusted hops', () => {
    const chain = Array.from({ length: 40 }, () => '127.0.0.1').join(', ');
    expect(clientIp(headers('127.0.0.1', `203.0.113.5, ${chain}`), proxies('127.0.0.1'))).toBe(UNKNOWN_CLIENT_IP);
  });
});

describe('clientIp with TRUSTED_PROXY_HOPS', () => {
  it('takes the entry that many places from the right, the peer being the nearest proxy', () => {
    expect(clientIp(headers('127.0.0.1', '6.6.6.6, 203.0.113.5'), hops(1))).toBe('203.0.113.5');
    expect(clientIp(headers('127.0.0.1', '203.0.113.5'), hops(1))).toBe('203.0.113.5');
    expect(clientIp(headers('10.0.0.1', '6.6.6.6, 203.0.113.5, 10.0.0.2'), hops(2))).toBe('203.0.113.5');
  });

  it('gives the furthest entry when the chain is shorter than the hops, the peer without X-Forwarded-For', () => {
    expect(clientIp(headers('10.0.0.1', '203.0.113.5'), hops(3))).toBe('203.0.113.5');
    expect(clientIp(headers('127.0.0.1'), hops(1))).toBe('127.0.0.1');
  });

  it('reads every X-Forwarded-For header a request carries, in order', () => {
    const h = headers('127.0.0.1');
    h.append('x-forwarded-for', '6.6.6.6');
    h.append('x-forwarded-for', '203.0.113.5');
    expect(clientIp(h, hops(1))).toBe('203.0.113.5');
  });
});

describe('addresses', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:7f00:1', '127.0.0.1'],
    ['203.0.113.5:51234', '203.0.113.5'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['[::1]', '::1'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::', '::'],
    ['1::', '1::'],
    ['  198.51.100.2  ', '198.51.100.2'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });

  it.each([['01.2.3.4'], ['1.2.3.256'], ['1.2.3'], ['1.2.3.4.5'], ['1:2:3:4:5:6:7:8:9'], ['1::2::3'], [':::'], ['12345::'], ['example.org'], ['x'.repeat(101)]])(
    'refuses %s',
    (input) => {
      expect(normalizeIp(input)).toBeNull();
    },
  );
});

describe('parseIpRanges (TRUSTED_PROXIES)', () => {
  it('reads addresses and CIDR ranges, IPv4 and IPv6, separated by commas or spaces', () => {
    const { ranges, invalid } = parseIpRanges('127.0.0.1, 10.0.0.0/8 ::1,fd00::/8  192.168.1.77/24');
    expect(invalid).toEqual([]);
    expect(ranges.map((r) => [r.version, r.prefix])).toEqual([
      [4, 32],
      [4, 8],
      [6, 128],
      [6, 8],
      [4, 24],
    ]);
    // Host bits below the prefix are ignored.
    expect(clientIp(headers('192.168.1.3', '203.0.113.5'), { hops: 0, proxies: ranges })).toBe('203.0.113.5');
  });

  it('names every entry that is neither', () => {
    expect(parseIpRanges('10.0.0.0/33, abc, 1.2.3, ::1/129, 01.2.3.4, 10.0.0.0/, /8, 127.0.0.1').invalid).toEqual([
      '10.0.0.0/33',
      'abc',
      '1.2.3',
      '::1/129',
      '01.2.3.4',
      '10.0.0.0/',
      '/8',
    ]);
  });
});

describe('requestClientIp', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnv();
    delete (globalThis as Record<symbol, unknown>)[PEER_HEADER_STAMPED];
  });

  it('uses the deployment settings', () => {
    vi.stubEnv('TRUSTED_PROXIES', '127.0.0.1');
    expect(requestClientIp(headers('127.0.0.1', '6.6.6.6, 203.0.113.5'))).toBe('203.0.113.5');
    vi.stubEnv('TRUSTED_PROXIES', '');
    expect(requestClientIp(headers('127.0.0.1', '6.6.6.6, 203.0.113.5'))).toBe('127.0.0.1');
  });

  it('in production, believes the peer header only in a process that stamps it (scripts/serve.mjs)', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(requestClientIp(headers('203.0.113.5'))).toBe(UNKNOWN_CLIENT_IP);
    expect(requestClientIp(headers('198.51.100.2'))).toBe(UNKNOWN_CLIENT_IP);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('scripts/serve.mjs');
    declarePeerStamping();
    expect(requestClientIp(headers('203.0.113.5'))).toBe('203.0.113.5');
    warn.mockRestore();
  });
});

describe('scripts/peer-header.mjs (the custom server stamping)', () => {
  const fakeRequest = (headerList: Record<string, string>, remoteAddress: string | undefined, rawHeaders: string[] = []) =>
    ({ headers: { ...headerList }, rawHeaders: [...rawHeaders], socket: { remoteAddress } }) as unknown as http.IncomingMessage;

  it('uses the same header name as the app', () => {
    expect(STAMPED_HEADER).toBe(PEER_HEADER);
  });

  it('replaces a client-sent copy with the socket address', () => {
    const req = fakeRequest({ [PEER_HEADER]: '6.6.6.6', 'x-forwarded-for': '6.6.6.6', host: 'localhost' }, '::ffff:203.0.113.5', [
      'Host',
      'localhost',
      'X-Toa-Soan-Peer',
      '6.6.6.6',
      'x-toa-soan-peer',
      '7.7.7.7',
    ]);
    stampPeer(req);
    expect(req.headers[PEER_HEADER]).toBe('::ffff:203.0.113.5');
    expect(req.headers['x-forwarded-for']).toBe('6.6.6.6');
    expect(req.rawHeaders).toEqual(['Host', 'localhost', PEER_HEADER, '::ffff:203.0.113.5']);
    const seen = new Headers(req.headers as Record<string, string>);
    expect(clientIp(seen, NO_TRUSTED_PROXY)).toBe('203.0.113.5');
  });

  it('removes the header, any letter case, when the socket has no address', () => {
    const req = fakeRequest({ 'X-Toa-Soan-Peer': '6.6.6.6' }, undefined);
    stampPeer(req);
    expect(Object.keys(req.headers)).toEqual([]);
    expect(clientIp(new Headers(req.headers as Record<string, string>), NO_TRUSTED_PROXY)).toBe(UNKNOWN_CLIENT_IP);
  });

  it('tells the process that requests are stamped', () => {
    const scope: Record<symbol, unknown> = {};
    declarePeerStamping(scope);
    expect(scope[Symbol.for('toa-soan.peer-header-stamped')]).toBe(true);
  });

  it('over a real socket: a forged peer header and X-Forwarded-For give way to the connection address', async () => {
    const server = http.createServer((req, res) => {
      stampPeer(req);
      const seen = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') seen.set(name, value);
      res.end(clientIp(seen, NO_TRUSTED_PROXY));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_HEADER]: '6.6.6.6', 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.6' },
      });
      expect(await response.text()).toBe('127.0.0.1');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
