// Holds back a response's body until it is complete, so that a wrapper can send another body
// in its place (scripts/not-found-page.mjs, scripts/static-public-pages.mjs,
// scripts/rendered-page-cache.mjs), and what those wrappers share.
//
// Next sets the status and headers, then either calls writeHead() or flushes the headers just
// before its first chunk, then writes the body. While a body is held back, its headers are too,
// so the wrapper can still change them (length, ETag). A body longer than `maxBytes` is let
// through as it comes, unchanged.

/** writeHead() also takes headers as a flat [name, value, name, value…] array. */
function pairs(flat) {
  const out = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

const toBuffer = (chunk, encoding) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));

/**
 * `hold(statusCode)` decides, when the headers are about to go, whether this response is
 * held; `finish(body)` gets the whole body of a held response and returns what to send
 * (it may set or remove headers; content-length is set to the length of what it returns).
 */
export function holdResponseBody(res, { hold, finish, maxBytes = 1024 * 1024 }) {
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const flushHeaders = res.flushHeaders.bind(res);
  const writeHead = res.writeHead.bind(res);
  /** undefined: not decided yet; null: passing through; an array: holding the body back. */
  let held;
  let heldBytes = 0;
  /** A writeHead() held back with the body, applied when the body goes. */
  let head = null;

  const decide = (statusCode = res.statusCode) => {
    if (held !== undefined) return;
    held = !res.headersSent && hold(statusCode) ? [] : null;
  };
  const applyHead = () => {
    if (!head) return;
    const [statusCode, ...rest] = head;
    head = null;
    const headers = rest.find((arg) => arg && typeof arg === 'object');
    if (headers) for (const [name, value] of Array.isArray(headers) ? pairs(headers) : Object.entries(headers)) res.setHeader(name, value);
    res.statusCode = statusCode;
  };
  const release = () => {
    const chunks = held;
    held = null;
    applyHead();
    for (const chunk of chunks) write(chunk);
  };

  res.writeHead = (statusCode, ...rest) => {
    decide(statusCode);
    if (held === null) return writeHead(statusCode, ...rest);
    head = [statusCode, ...rest];
    return res;
  };
  res.flushHeaders = () => {
    decide();
    if (held === null) flushHeaders();
  };
  res.write = (chunk, encoding, callback) => {
    decide();
    if (held === null) return write(chunk, encoding, callback);
    const buffer = toBuffer(chunk, encoding);
    held.push(buffer);
    heldBytes += buffer.byteLength;
    if (heldBytes > maxBytes) release();
    if (typeof encoding === 'function') encoding();
    else if (typeof callback === 'function') callback();
    return true;
  };
  res.end = (chunk, encoding, callback) => {
    decide();
    if (held === null) return end(chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') held.push(toBuffer(chunk, encoding));
    const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function');
    const body = Buffer.concat(held);
    held = null;
    applyHead();
    const out = finish(body);
    res.setHeader('content-length', String(out.byteLength));
    return end(out, done);
  };
}

/** The client router's own requests (RSC payloads), which are not HTML pages. */
export function isRouterRequest(req) {
  return req.headers.rsc !== undefined || req.headers['next-router-prefetch'] !== undefined || /[?&]_rsc=/.test(req.url ?? '');
}

/** An uncompressed HTML answer (scripts/serve.mjs compresses outside every wrapper). */
export function isPlainHtml(res) {
  return String(res.getHeader('content-type') ?? '').startsWith('text/html') && res.getHeader('content-encoding') === undefined;
}

/** A Map of at most `limit` entries that drops the least recently used one first. */
export class BoundedMap {
  constructor(limit) {
    this.limit = limit;
    this.entries = new Map();
  }
  get size() {
    return this.entries.size;
  }
  get(key) {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key, value) {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value);
  }
  delete(key) {
    this.entries.delete(key);
  }
  clear() {
    this.entries.clear();
  }
}
