// Security headers, shared by next.config.mjs (static headers for every
// response) and proxy.ts (the per-request, nonce-based policy of /admin and
// /dang-nhap). Plain ESM so next.config.mjs can import it; types in headers.d.mts.

/** Paths whose pages render per request and get a nonce-based policy from proxy.ts. */
export const NONCE_PATH_PREFIXES = ['/admin', '/dang-nhap'];

/** Where uploaded images are served (app/media/[...key]/route.ts). */
export const MEDIA_PATH_PREFIX = '/media';

/**
 * Uploaded files are images, never pages: even a crafted file opened directly
 * may run nothing, load nothing but itself, and is sandboxed (unique origin,
 * no scripts, no forms). Stricter than the public policy, which must never
 * replace it (next.config.mjs headers are applied over the route's own).
 */
export const MEDIA_CSP = "default-src 'none'; img-src 'self'; style-src 'none'; sandbox";

/**
 * Directives both policies share: first-party everything, no plugins.
 * @param {boolean} dev
 */
function sharedDirectives(dev) {
  return {
    'style-src': ["'self'", "'unsafe-inline'"],
    // Article bodies may show https images the sanitizer let through.
    'img-src': ["'self'", 'data:', 'blob:', 'https:'],
    // The only embeds the sanitizer keeps: YouTube's privacy-enhanced player.
    'frame-src': ['https://www.youtube-nocookie.com'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(dev ? ['ws:'] : [])],
    'media-src': ["'self'"],
    'object-src': ["'none'"],
  };
}

/**
 * Public pages are served from Next's full route cache: one HTML for every
 * reader, so no per-request nonce is possible (a nonce forces dynamic
 * rendering: measured ~196 req/s against ~1,130–1,430 for the cached pages).
 * Hashes are no way out either: Next streams the RSC payload as inline
 * `self.__next_f.push(...)` scripts whose text differs per page and per
 * deploy. So the public policy allows inline scripts but nothing else: no
 * third-party origin anywhere, no plugins, no <base> hijack, no framing, forms
 * only to this site. No upgrade-insecure-requests: `npm start` may be served
 * over plain HTTP on a LAN address, and HSTS covers production over HTTPS.
 *
 * Measured on this build (shared 2-core machine, autocannon 20 connections,
 * 5 s): cached home page ~280 req/s; the nonce-rendered /dang-nhap ~50 req/s.
 * The home page carries 9 inline scripts (~55 KB) that differ per page.
 */
export function buildPublicCsp({ dev = false } = {}) {
  return serialize({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    ...sharedDirectives(dev),
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  });
}

/**
 * /admin and /dang-nhap render per request anyway (they read the session), so
 * they get a strict policy: scripts only with this response's nonce (Next adds
 * it to its own scripts when it sees the nonce in the request's CSP header),
 * 'strict-dynamic' for the chunks those scripts load, no inline script.
 * Inline styles stay allowed: React style attributes and the editor need them.
 */
export function buildNonceCsp(nonce, { dev = false } = {}) {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('invalid CSP nonce');
  return serialize({
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ...sharedDirectives(dev),
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  });
}

/** Headers for every response, public or not. */
export function baseSecurityHeaders({ production = false } = {}) {
  const headers = [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
    },
    { key: 'X-Frame-Options', value: 'DENY' },
  ];
  if (production) headers.push({ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' });
  return headers;
}

/**
 * next.config.mjs `headers()`: base headers everywhere; exactly one CSP for
 * every other path: the media policy under /media, the public policy
 * elsewhere, none under the nonce paths (proxy.ts sets theirs per request).
 * Next matches these sources case-insensitively, later rules overriding earlier ones.
 */
export function nextConfigHeaders({ production = false, dev = false } = {}) {
  const excluded = [...NONCE_PATH_PREFIXES, MEDIA_PATH_PREFIX].map((p) => p.slice(1)).join('|');
  return [
    { source: '/:path*', headers: baseSecurityHeaders({ production }) },
    {
      // Everything except /admin…, /dang-nhap… and /media…
      source: `/((?!(?:${excluded})(?:/|$)).*)`,
      headers: [{ key: 'Content-Security-Policy', value: buildPublicCsp({ dev }) }],
    },
    { source: `${MEDIA_PATH_PREFIX}/:path*`, headers: [{ key: 'Content-Security-Policy', value: MEDIA_CSP }] },
    // Readers' pages load it as /reader.js?v=<content hash> (scripts/static-public-pages.mjs).
    { source: '/reader.js', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] },
  ];
}

function serialize(directives) {
  return Object.entries(directives)
    .map(([name, values]) => (values.length ? `${name} ${values.join(' ')}` : name))
    .join('; ');
}
