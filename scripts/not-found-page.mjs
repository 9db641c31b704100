// A 404 that readers without JavaScript and crawlers can read.
//
// When a page calls notFound() (an unknown article, category, tag, author or a page number
// past the last), Next 16 answers 404 with an empty error shell — `<html id="__next_error__">`,
// no `lang`, a hidden empty body — and draws the not-found page in the browser only
// (vercel/next.js#62228: React's server renderer does not run the client error boundary that
// would draw it). An unknown URL, on the other hand, gets the prerendered not-found page
// (app/not-found.tsx: header, "Không tìm thấy trang", search box, footer, noindex), and so
// do the malformed slugs next.config.mjs rewrites to it. This module gives the first kind the
// same page: it holds back a 404 HTML answer until it is complete and, when it is the error
// shell, sends the prerendered page instead. Every other answer passes through untouched,
// as do the router's own requests (RSC), which the client renders itself.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const ERROR_SHELL = /^<!DOCTYPE html><html id="__next_error__"/i;
/** The error shell is about 20 KB; a 404 longer than this is a real page and is let through. */
const MAX_HELD_BYTES = 256 * 1024;

/** The prerendered not-found page of the build in `distDir`, or null when there is none. */
export function readPrerenderedNotFound(distDir) {
  try {
    return fs.readFileSync(path.join(distDir, 'server', 'app', '_not-found.html'));
  } catch {
    return null;
  }
}

// Next compresses its answers (next.config `compress`) below this wrapper, so the body
// arrives here encoded; it is decoded to be recognised and the page sent the same way.
const CODECS = {
  gzip: { decode: zlib.gunzipSync, encode: zlib.gzipSync },
  deflate: { decode: zlib.inflateSync, encode: zlib.deflateSync },
  br: { decode: zlib.brotliDecompressSync, encode: zlib.brotliCompressSync },
};

/** The opening of `body` as sent with `encoding`, or null when it cannot be read. */
function decodedOpening(body, encoding) {
  if (!encoding || encoding === 'identity') return body;
  const codec = CODECS[encoding];
  if (!codec) return null;
  try {
    return codec.decode(body);
  } catch {
    return null;
  }
}

/** Whether an answer's opening bytes are Next's empty error shell. */
export function isErrorShell(body) {
  return ERROR_SHELL.test(body.subarray(0, 64).toString('latin1'));
}

/** writeHead() also takes headers as a flat [name, value, name, value…] array. */
function pairs(flat) {
  const out = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

function isRouterRequest(req) {
  return req.headers.rsc !== undefined || req.headers['next-router-prefetch'] !== undefined || /[?&]_rsc=/.test(req.url ?? '');
}

/** The not-found page compressed once per encoding (it is the same page for every request). */
const encodedPages = {};

/**
 * Wraps `res` so that a 404 error shell is replaced by `notFoundHtml`. Call before Next
 * handles the request; a no-op for requests other than a browser's GET.
 */
export function replaceErrorShellOn404(req, res, notFoundHtml) {
  if (!notFoundHtml || req.method !== 'GET' || isRouterRequest(req)) return;
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const encoded = (encoding) => (encodedPages[encoding] ??= CODECS[encoding].encode(notFoundHtml));
  const flushHeaders = res.flushHeaders.bind(res);
  const writeHead = res.writeHead.bind(res);
  /** A writeHead() held back with the body: its status code and headers, applied when the body goes. */
  let head = null;
  /** undefined: not decided yet; null: passing through; an array: holding the body back. */
  let held;
  let heldBytes = 0;

  const decide = (statusCode = res.statusCode) => {
    if (held !== undefined) return;
    const type = String(res.getHeader('content-type') ?? '');
    held = !res.headersSent && statusCode === 404 && type.startsWith('text/html') ? [] : null;
  };
  const sendHead = () => {
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
    sendHead();
    for (const chunk of chunks) write(chunk);
  };
  const toBuffer = (chunk, encoding) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));

  // Next sets the status with writeHead() before the body, or flushes the headers just before
  // its first chunk; while the body is held back, so are they.
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
    if (heldBytes > MAX_HELD_BYTES) release();
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
    sendHead();
    const contentEncoding = String(res.getHeader('content-encoding') ?? '').trim().toLowerCase();
    const opening = decodedOpening(body, contentEncoding);
    if (opening && isErrorShell(opening)) {
      const page = contentEncoding && contentEncoding !== 'identity' ? encoded(contentEncoding) : notFoundHtml;
      res.removeHeader('etag');
      res.setHeader('content-length', String(page.byteLength));
      return end(page, done);
    }
    if (res.getHeader('content-length') === undefined) res.setHeader('content-length', String(body.byteLength));
    return end(body, done);
  };
}
