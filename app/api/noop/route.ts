import { env } from '@/lib/env';
import { errorResponse } from '@/lib/http/errors';

// Benchmark only: the framework's ceiling for a route handler (bench/visits.ts
// compares POST /api/visits against it). It touches nothing and returns 204.
// A production build contains it too, so it answers only where the bench
// starts the server with BENCH_ROUTES_ENABLED=true; everywhere else it is a 404.

export const dynamic = 'force-dynamic';

const notFound = () => errorResponse('not_found', 'Không tìm thấy.');

export function GET() {
  if (!env().BENCH_ROUTES_ENABLED) return notFound();
  return new Response(null, { status: 204 });
}

export async function POST(request: Request) {
  if (!env().BENCH_ROUTES_ENABLED) return notFound();
  // Read the body like the beacon does, so the comparison is fair.
  await request.text();
  return new Response(null, { status: 204 });
}
