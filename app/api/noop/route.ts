// Benchmark only: the framework's ceiling for a route handler (bench/visits.ts
// compares POST /api/visits against it). It touches nothing and returns 204.

export const dynamic = 'force-dynamic';

export function GET() {
  return new Response(null, { status: 204 });
}

export async function POST(request: Request) {
  // Read the body like the beacon does, so the comparison is fair.
  await request.text();
  return new Response(null, { status: 204 });
}
