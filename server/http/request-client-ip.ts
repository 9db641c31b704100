import 'server-only';
import { env } from '@/lib/env';
import { clientIp, UNKNOWN_CLIENT_IP } from '@/lib/http/client-ip';

/**
 * Set on globalThis by scripts/serve.mjs (scripts/peer-header.mjs) in the
 * process it serves, before the first request: from then on every request's
 * PEER_HEADER is the socket address, written by the server, never the
 * client's. The same process runs the app (Next's custom server), and a
 * symbol cannot be set from outside it.
 */
const PEER_HEADER_STAMPED = Symbol.for('toa-soan.peer-header-stamped');

let warned = false;

/**
 * The client address of the request being served, as everything that needs
 * one (sign-in limits, the audit log, visits) must read it: one rule
 * (lib/http/client-ip.ts), with the deployment's TRUSTED_PROXY_HOPS or
 * TRUSTED_PROXIES.
 *
 * In production the peer header is believed only when scripts/serve.mjs
 * wrote it: served by plain `next start`, a client could send it, so every
 * request is UNKNOWN_CLIENT_IP instead (one shared address: the per-address
 * limit then counts everyone together, it is never bypassed) and a warning
 * says so once. Outside production (next dev, tests) the header is read as
 * it comes.
 */
export function requestClientIp(headers: Headers): string {
  const config = env();
  if (config.NODE_ENV === 'production' && !peerHeaderIsStamped()) {
    if (!warned) {
      warned = true;
      console.warn(
        '[client-ip] Ứng dụng không chạy qua scripts/serve.mjs (npm start) nên không biết địa chỉ kết nối: mọi yêu cầu được coi là cùng một địa chỉ "unknown". Hãy chạy bằng npm start hoặc node scripts/serve.mjs thay cho next start.',
      );
    }
    return UNKNOWN_CLIENT_IP;
  }
  return clientIp(headers, { hops: config.TRUSTED_PROXY_HOPS, proxies: config.TRUSTED_PROXIES });
}

function peerHeaderIsStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_HEADER_STAMPED] === true;
}
