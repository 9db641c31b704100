// A page that failed (500) because the database could not be reached (a restart, a network cut,
// the statement timeout: instrumentation.ts notes it, lib/database-outage-hook.mjs) goes out as
// a Vietnamese 503 with Retry-After, never cached: a reader, a crawler or nginx (which then
// serves its last good copy, proxy_cache_use_stale http_503) knows to come back in a few seconds.
// Pages in the route cache do not fail at all: they are served from it while the database is away.
import { DATABASE_RETRY_AFTER_SECONDS } from '../lib/database-outage-hook.mjs';
import { holdResponseBody, isPlainHtml, isRouterRequest } from './held-response.mjs';

export const SERVICE_UNAVAILABLE_HTML = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Tạm thời gián đoạn</title>
<style>body{margin:0;font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2937;background:#f8fafc}
main{max-width:36rem;margin:12vh auto;padding:0 1.25rem}h1{font-size:1.5rem;color:#9b1c1c}a{color:#1d4ed8}</style></head>
<body><main><h1>Trang tạm thời chưa hiển thị được</h1>
<p>Hệ thống đang tạm mất kết nối tới cơ sở dữ liệu. Vui lòng tải lại trang sau ít giây.</p>
<p><a href="/">Về trang chủ</a></p></main></body></html>
`;

/** Wraps `res` so that a 500 HTML page, finished while `isOutage()` holds, is replaced by the 503 page. */
export function replaceServerErrorDuringOutage(req, res, isOutage) {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || isRouterRequest(req)) return;
  holdResponseBody(res, {
    maxBytes: 512 * 1024,
    hold: (statusCode) => statusCode === 500 && isPlainHtml(res),
    finish: (body) => {
      if (!isOutage()) return body;
      res.statusCode = 503;
      res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      res.setHeader('cache-control', 'no-store');
      res.removeHeader('etag');
      return Buffer.from(SERVICE_UNAVAILABLE_HTML);
    },
  });
}
