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
import { holdResponseBody, isPlainHtml, isRouterRequest } from './held-response.mjs';

const ERROR_SHELL = /^<!DOCTYPE html><html id="__next_error__"/i;

/** The prerendered not-found page of the build in `distDir`, or null when there is none. */
export function readPrerenderedNotFound(distDir) {
  try {
    return fs.readFileSync(path.join(distDir, 'server', 'app', '_not-found.html'));
  } catch {
    return null;
  }
}

/** Whether an answer's opening bytes are Next's empty error shell. */
export function isErrorShell(body) {
  return ERROR_SHELL.test(body.subarray(0, 64).toString('latin1'));
}

/**
 * Wraps `res` so that a 404 error shell is replaced by `notFoundHtml`. Call before Next
 * handles the request; a no-op for requests other than a browser's GET.
 */
export function replaceErrorShellOn404(req, res, notFoundHtml) {
  if (!notFoundHtml || req.method !== 'GET' || isRouterRequest(req)) return;
  holdResponseBody(res, {
    // The error shell is about 20 KB; a longer 404 is a real page and goes through as it comes.
    maxBytes: 256 * 1024,
    hold: (statusCode) => statusCode === 404 && isPlainHtml(res),
    finish: (body) => {
      if (!isErrorShell(body)) return body;
      res.removeHeader('etag');
      return notFoundHtml;
    },
  });
}
