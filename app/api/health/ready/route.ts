import { readinessAnswer } from '@/lib/health';
import { isDraining } from '@/lib/lifecycle-hooks.mjs';
import { checkReadiness } from '@/server/health/check-readiness';

// Readiness, for a load balancer or an orchestrator: 200 when this instance can serve (database
// answers within 1 s, every migration applied, Redis answers when REDIS_URL is set), else 503
// naming what failed; 503 too from SIGTERM on (scripts/serve.mjs), while it drains. JSON, never cached.
export const dynamic = 'force-dynamic';

export async function GET() {
  const { status, body } = readinessAnswer(await checkReadiness(), isDraining());
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
