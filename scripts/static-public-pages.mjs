// Public pages as plain HTML, without the React runtime.
//
// A reader's page (home, listings, article, search, about, 404) has three interactive bits:
// the visit beacon, the refresh of the statistics widget and the copy-link button. Next
// nevertheless ships its whole client runtime with every page (about 600 KB of JavaScript)
// plus the page again as inline RSC data (half the HTML), and the phone spends seconds
// hydrating a tree that never changes: that was the Lighthouse score (69–72) and most of the
// page weight. Next has no switch to leave the runtime out of an App Router page, so the
// production server (scripts/serve.mjs) does it on the way out: Next still renders, caches
// and revalidates every page exactly as before; this module removes its scripts and script
// preloads from the HTML and adds one small script of ours, public/reader.js, which does the
// three bits. Links become ordinary page loads, as on any news site.
//
// The page's own stylesheets go inline (`<style>`), read once from the build: on a phone the
// separate request for them cost a round trip before the first paint (Lighthouse: FCP 1.7 s,
// Speed Index 3.9 s, "render-blocking resource"), for 7 KB of gzip that now travels with the page.
//
// Left alone: staff areas (/admin, /dang-nhap, /xem-truoc), API routes, the router's own
// requests, anything but HTML, and a page still streaming a Suspense boundary (its content
// needs the runtime to be revealed). JSON-LD blocks are data, not scripts, and stay.
// PUBLIC_PAGES_RUNTIME=next turns this off (the pages then hydrate as usual).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BoundedMap, holdResponseBody, isPlainHtml, isRouterRequest } from './held-response.mjs';

const STAFF_OR_API = /^\/(?:admin|dang-nhap|xem-truoc|api|_next)(?:\/|$)/;

/** Whether the page at `pathname` is a reader's page (every other path of the site is). */
export function isReaderPath(pathname) {
  return !STAFF_OR_API.test(pathname);
}

// Executable scripts: no type, or a JavaScript one. `application/ld+json` is data.
const EXECUTABLE_SCRIPT = /<script\b(?![^>]*\btype="(?!(?:text\/javascript|module)")[^"]*")[^>]*>[\s\S]*?<\/script>/gi;
const LINK = /<link\b[^>]*>/gi;
/** A preload of a script (`rel="preload" as="script"`, in any order) or a module preload. */
const isScriptPreload = (tag) => /\brel="modulepreload"/i.test(tag) || (/\brel="preload"/i.test(tag) && /\bas="script"/i.test(tag));
// React's markers of a boundary still waiting for content that a script would reveal.
const PENDING_BOUNDARY = /<!--\$\?-->|<template id="B:/;

/** The href of a `<link rel="stylesheet">` of the build's own, or null for any other tag. */
function ownStylesheetHref(tag) {
  if (!/\brel="stylesheet"/i.test(tag)) return null;
  const href = /\bhref="([^"]+)"/i.exec(tag)?.[1];
  return href && /^\/_next\/static\/[\w./-]+\.css$/.test(href) && !href.includes('..') ? href : null;
}

/**
 * The page without the client runtime, with `readerTag` at the end of <head>; null when the
 * page must keep its runtime (a boundary is still pending) or is not a full document.
 * `stylesheet(href)` gives the text of one of the build's stylesheets (null: keep the link).
 */
export function withoutClientRuntime(html, readerTag, stylesheet = () => null) {
  if (PENDING_BOUNDARY.test(html) || !html.includes('</head>')) return null;
  const stripped = html.replace(EXECUTABLE_SCRIPT, '').replace(LINK, (tag) => {
    if (isScriptPreload(tag)) return '';
    const href = ownStylesheetHref(tag);
    const css = href ? stylesheet(href) : null;
    // A stylesheet that could close the element early stays a link.
    return css === null || /<\/style/i.test(css) ? tag : `<style data-href="${href}">${css}</style>`;
  });
  return stripped.replace('</head>', `${readerTag}</head>`);
}

/**
 * The stylesheet's relative `url(…)`s (its fonts: `../media/x.woff2`) made absolute paths:
 * inline, they would otherwise resolve against the page's URL.
 */
export function withAbsoluteUrls(css, href) {
  return css.replace(/url\((['"]?)([^'")]+)\1\)/g, (whole, quote, ref) => {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(ref)) return whole;
    return `url(${quote}${new URL(ref, `http://build${href}`).pathname}${quote})`;
  });
}

/** Reads the build's stylesheets (`/_next/static/…` → `<distDir>/static/…`), each once. */
export function buildStylesheets(distDir) {
  const texts = new Map();
  return (href) => {
    if (!texts.has(href)) {
      let css = null;
      try {
        css = withAbsoluteUrls(fs.readFileSync(path.join(distDir, href.slice('/_next'.length)), 'utf8'), href);
      } catch {
        // Not in this build: the link stays and the browser fetches it.
      }
      texts.set(href, css);
    }
    return texts.get(href);
  };
}

/** The tag that loads public/reader.js, with a content hash so it can be cached for a year. */
export function readerScriptTag(publicDir) {
  try {
    const source = fs.readFileSync(path.join(publicDir, 'reader.js'));
    const version = crypto.createHash('sha256').update(source).digest('hex').slice(0, 12);
    return `<script src="/reader.js?v=${version}" defer=""></script>`;
  } catch {
    return null;
  }
}

/** `"abc"` → `"abc-r"`: the transformed page is another representation of Next's. */
const OUR_ETAG_SUFFIX = '-r"';
const ourEtag = (etag) => (etag.endsWith('"') ? `${etag.slice(0, -1)}${OUR_ETAG_SUFFIX}` : etag);

export function createStaticPublicPages({ readerTag, stylesheet = () => null, cacheEntries = 256 }) {
  // Transformed pages by Next's ETag (null: left as it was): a cached page is transformed once, not per request.
  const cache = new BoundedMap(cacheEntries);

  /** Wraps `res` before Next handles `req`. */
  return function serveWithoutRuntime(req, res) {
    if (!readerTag || req.method !== 'GET' || isRouterRequest(req)) return;
    const pathname = (req.url ?? '/').split('?')[0];
    if (!isReaderPath(pathname)) return;
    // A revalidation from a browser that holds our representation: ask Next about its own.
    const inm = req.headers['if-none-match'];
    if (typeof inm === 'string' && inm.includes(OUR_ETAG_SUFFIX)) req.headers['if-none-match'] = inm.split(OUR_ETAG_SUFFIX).join('"');

    holdResponseBody(res, {
      hold: (statusCode) => (statusCode === 200 || statusCode === 404) && isPlainHtml(res),
      finish: (body) => {
        const etag = res.getHeader('etag');
        const key = typeof etag === 'string' ? `${res.statusCode} ${etag}` : null;
        let out = key ? cache.get(key) : undefined;
        if (out === undefined) {
          const html = withoutClientRuntime(body.toString('utf8'), readerTag, stylesheet);
          out = html === null ? null : Buffer.from(html, 'utf8');
          if (key) cache.set(key, out);
        }
        if (out === null) return body;
        if (typeof etag === 'string') res.setHeader('etag', ourEtag(etag));
        return out;
      },
    });
  };
}
