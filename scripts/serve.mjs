// Serves the production build, as `next start` would, through Next's custom-server API
// (https://nextjs.org/docs/app/guides/custom-server), for one reason: the app must know the
// address of the connection, and `next start` cannot tell it from a client-sent
// X-Forwarded-For. Every request gets the socket's address in a private header
// (scripts/peer-header.mjs) before Next sees it; lib/http/client-ip.ts starts from there.
// `npm start` (scripts/start.mjs) and the e2e server (scripts/e2e-server.mjs) run this file;
// `node scripts/serve.mjs` serves an existing build on PORT (default 3000), all interfaces.
// The same Next server runs underneath (router server, instrumentation.ts, proxy.ts): the
// custom server's prepare() goes through the same getRequestHandlers() as `next start`.
import http from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readPrerenderedNotFound, replaceErrorShellOn404 } from './not-found-page.mjs';
import { createRenderedPageCache } from './rendered-page-cache.mjs';
import { expireEveryCachedPage, resolvedSiteUrl, siteUrlChanged } from './site-url-marker.mjs';
import { buildStylesheets, createStaticPublicPages, readerScriptTag } from './static-public-pages.mjs';
import { declarePeerStamping, stampPeer } from './peer-header.mjs';
import { keepSingleLocation } from './single-location.mjs';
import { isDraining, markDraining, runShutdownHooks } from '../lib/lifecycle-hooks.mjs';
import { databaseUnavailableRecently } from '../lib/database-outage-hook.mjs';
import { replaceServerErrorDuringOutage } from './service-unavailable-page.mjs';
import { createLogger, createMetrics, createRequestObserver } from './observability.mjs';

// What `next start` does before loading anything: next.config.mjs reads NODE_ENV.
process.env.NODE_ENV ||= 'production';
process.env.NEXT_RUNTIME ||= 'nodejs';
// This server compresses itself, outside the wrappers below that read and rewrite HTML
// (next.config.mjs turns Next's own compression off when it sees this).
process.env.TOA_SOAN_SERVER_COMPRESSES = '1';
// The same compression middleware Next uses.
const compression = createRequire(import.meta.url)('next/dist/compiled/compression');
const compress = compression();

// Logs and metrics (scripts/observability.mjs), set up before Next loads so its own messages are lines of the log too.
const logger = createLogger();
const metrics = createMetrics();
const observe = createRequestObserver({ logger, metrics });

const { default: next } = await import('next');

const port = Number(process.env.PORT ?? '3000');
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT phải là số cổng từ 1 đến 65535 (đang là ${JSON.stringify(process.env.PORT)}).`);
  process.exit(1);
}

// Next's handler, the prerendered not-found page and the reader pages' transform; set below, before the server listens.
let handle;
let notFoundHtml = null;
let withoutRuntime = () => {};
// A cached page or a repeated search is answered from the finished pages kept for a moment
// (scripts/rendered-page-cache.mjs), without asking Next.
const renderedPages = createRenderedPageCache();
async function respond(req, res) {
  if (renderedPages.serve(req, res)) return;
  // Wrappers run in the reverse order of their installation: Next writes through the last one,
  // so the page kept above is the one sent, after the wrappers below.
  // Readers' pages go out without Next's client runtime (scripts/static-public-pages.mjs) …
  withoutRuntime(req, res);
  // … and a page's notFound() as a readable page, not Next's empty error shell (scripts/not-found-page.mjs) …
  replaceErrorShellOn404(req, res, notFoundHtml);
  // … and a page that failed because the database is away as a 503 with Retry-After (scripts/service-unavailable-page.mjs).
  replaceServerErrorDuringOutage(req, res, databaseUnavailableRecently);
  // … and a page's redirect with one Location header (scripts/single-location.mjs).
  keepSingleLocation(res);
  try {
    await handle(req, res);
  } catch (error) {
    console.error(`Không xử lý được yêu cầu ${req.url}`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end('Internal Server Error');
  }
}
const server = http.createServer((req, res) =>
  observe(req, res, () => {
    // Draining: this answer is the connection's last, so a keep-alive client opens its next one elsewhere.
    if (isDraining()) res.setHeader('Connection', 'close');
    stampPeer(req);
    compress(req, res, () => void respond(req, res));
  }),
);

const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port, httpServer: server });
handle = app.getRequestHandler();
try {
  await app.prepare();
} catch (error) {
  // No build, or a broken next.config.mjs: as `next start`, print and stop.
  console.error(error);
  process.exit(1);
}
const distDir = process.env.NEXT_DIST_DIR || '.next';
// Pages cached under another SITE_URL carry its absolute URLs: none of them is served (scripts/site-url-marker.mjs).
const siteUrl = resolvedSiteUrl(process.env);
// A shared Redis store keeps its entries under the build's and the address's own namespace instead.
if (siteUrlChanged(path.resolve(distDir), siteUrl) && !process.env.REDIS_URL) await expireEveryCachedPage();
notFoundHtml = readPrerenderedNotFound(distDir);
if (process.env.PUBLIC_PAGES_RUNTIME !== 'next') {
  withoutRuntime = createStaticPublicPages({
    readerTag: readerScriptTag(path.join(process.cwd(), 'public')),
    stylesheet: buildStylesheets(path.resolve(distDir)),
  });
}
// From here on every request is stamped (server/http/request-client-ip.ts believes the header only then).
declarePeerStamping();

server.on('error', (error) => {
  console.error('Không khởi động được máy chủ:', error);
  process.exit(1);
});
server.listen(port, () => {
  // As `next start` does: Next forwards a server action's redirect to this origin, not to the public host.
  const NEXT_PRIVATE_ORIGIN = '__NEXT_PRIVATE_ORIGIN';
  process.env[NEXT_PRIVATE_ORIGIN] = `http://localhost:${port}`;
  console.log(`▲ Tòa soạn đang chạy: http://localhost:${port} (scripts/serve.mjs)`);
});

// SIGTERM (or Ctrl-C): stop accepting, answer every request already accepted (up to SHUTDOWN_GRACE_MS,
// default 10 s; lib/env.ts has validated it at start-up), then stop the app's timers and close the
// database (lib/lifecycle-hooks.mjs), close Next and exit 0. From the signal on, /api/health/ready
// answers 503, and each answer closes its keep-alive connection.
/** How long open keep-alive connections may still bring a request after SIGTERM (ms). */
const IDLE_LINGER_MS = 1_000;
const graceMs = /^\d+$/.test(process.env.SHUTDOWN_GRACE_MS ?? '') ? Number(process.env.SHUTDOWN_GRACE_MS) : 10_000;
let closing = false;
async function shutDown(signal) {
  if (closing) return;
  closing = true;
  markDraining();
  const started = Date.now();
  console.log(`[tắt máy] nhận ${signal}: ngừng nhận kết nối, chờ các yêu cầu đang xử lý (tối đa ${graceMs} ms)`);
  // net.Server's close: stop listening, but leave the open keep-alive connections be for a moment
  // (http.Server's close would also drop the idle ones at once). A client that has just been
  // answered sends its next request on the same connection: dropped now, that request would be
  // lost on the way; answered, with Connection: close, its client goes elsewhere. After the
  // moment, connections still idle are closed (and every 100 ms, as answers finish).
  const drained = new Promise((resolve) => net.Server.prototype.close.call(server, () => resolve(true)));
  let idleSweep;
  const linger = setTimeout(() => {
    server.closeIdleConnections();
    idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  }, Math.min(IDLE_LINGER_MS, graceMs));
  let timer;
  const graceOver = new Promise((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
  const finished = await Promise.race([drained, graceOver]);
  clearTimeout(linger);
  clearInterval(idleSweep);
  clearTimeout(timer);
  if (!finished) {
    console.warn(`[tắt máy] hết ${graceMs} ms: đóng các kết nối còn lại`);
    server.closeAllConnections();
  }
  await runShutdownHooks();
  await app.close().catch((error) => console.error(error));
  console.log(`[tắt máy] xong sau ${Date.now() - started} ms`);
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void shutDown(signal));
