import { getDb } from '@/db';
import { countBeacon } from '@/lib/observability-hooks.mjs';
import { handleVisitBeacon } from '@/server/visits/handle-beacon';

/** The visit beacon: see server/visits/handle-beacon.ts and README "Thống kê truy cập". */
export async function POST(request: Request) {
  const response = await handleVisitBeacon(request, { db: await getDb() });
  countBeacon(beaconOutcome(response.status));
  return response;
}

/** The metric's name for what became of a beacon (scripts/observability.mjs). */
function beaconOutcome(status: number) {
  if (status === 202) return 'accepted' as const;
  if (status === 204) return 'not_counted' as const;
  if (status === 429) return 'limited' as const;
  if (status === 503) return 'unavailable' as const;
  return 'refused' as const;
}

/** HEAD is never counted (link checkers, monitors). */
export function HEAD() {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store', 'X-Visit-Not-Counted': 'head' } });
}
