import { getDb } from '@/db';
import { handleVisitBeacon } from '@/server/visits/handle-beacon';

/** The visit beacon: see server/visits/handle-beacon.ts and README "Thống kê truy cập". */
export async function POST(request: Request) {
  return handleVisitBeacon(request, { db: await getDb() });
}

/** HEAD is never counted (link checkers, monitors). */
export function HEAD() {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store', 'X-Visit-Not-Counted': 'head' } });
}
