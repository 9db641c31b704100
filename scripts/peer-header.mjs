// The one header through which the app learns the address of the connection (lib/http/client-ip.ts).
// `next start` gives the app no way to tell the socket's address from a client-sent
// X-Forwarded-For (it fills that header only when the request has none), so
// scripts/serve.mjs calls stampPeer() on every request before Next sees it.

/** Same name as PEER_HEADER in lib/http/client-ip.ts (tests/unit/client-ip.test.ts checks). */
export const PEER_HEADER = 'x-toa-soan-peer';

/** Same symbol as in server/http/request-client-ip.ts: "this process stamps every request". */
export const PEER_HEADER_STAMPED = Symbol.for('toa-soan.peer-header-stamped');

/**
 * Replaces whatever the client sent under PEER_HEADER (any letter case, any
 * number of copies) with the socket's remote address; without one (a closed
 * socket), leaves no header at all, which the app reads as "unknown".
 * @param {import('node:http').IncomingMessage} req
 */
export function stampPeer(req) {
  for (const name of Object.keys(req.headers)) {
    if (name.toLowerCase() === PEER_HEADER) delete req.headers[name];
  }
  // Next builds its requests from req.headers; rawHeaders is cleaned too, for anything that reads it.
  if (Array.isArray(req.rawHeaders)) {
    const raw = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      if (String(req.rawHeaders[i]).toLowerCase() !== PEER_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
    req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
  }
  const address = req.socket?.remoteAddress;
  if (typeof address === 'string' && address !== '') {
    req.headers[PEER_HEADER] = address;
    req.rawHeaders?.push(PEER_HEADER, address);
  }
}

/** Tells the app (same process) that every request's PEER_HEADER is stamped: call once, before serving. */
export function declarePeerStamping(scope = globalThis) {
  scope[PEER_HEADER_STAMPED] = true;
}
