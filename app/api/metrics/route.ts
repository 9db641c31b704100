import { env } from '@/lib/env';
import { errorResponse } from '@/lib/http/errors';
import { allowedToScrape } from '@/lib/metrics-access';
import { metricsText } from '@/lib/observability-hooks.mjs';

// Prometheus metrics of this instance (kept by scripts/serve.mjs: scripts/observability.mjs).
// With METRICS_TOKEN: `Authorization: Bearer <token>`. Without: only from this machine, straight
// to the instance's port (a request through nginx carries X-Forwarded-For and is refused).
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const token = env().METRICS_TOKEN;
  if (!allowedToScrape(request.headers, token)) {
    const response = errorResponse('unauthorized', token ? 'Cần khóa đọc số đo (Authorization: Bearer …).' : 'Số đo chỉ đọc được từ chính máy chủ này, hoặc đặt METRICS_TOKEN.');
    if (token) response.headers.set('WWW-Authenticate', 'Bearer');
    return response;
  }
  const metrics = await metricsText();
  if (!metrics) return errorResponse('not_found', 'Máy chủ này không giữ số đo (chỉ có khi chạy bằng npm start / scripts/serve.mjs).');
  return new Response(metrics.body, { headers: { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' } });
}
