// Liveness: the process is up and its event loop answers. No I/O, so a database outage never
// makes a supervisor restart a process that would recover by itself (see /api/health/ready).
export const dynamic = 'force-dynamic';

const startedAt = Date.now();

export function GET() {
  return Response.json(
    { status: 'live', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export const HEAD = () => new Response(null, { headers: { 'Cache-Control': 'no-store' } });
