import { getDb } from '@/db';
import { handleVisitPixel } from '@/server/visits/handle-beacon';

export const dynamic = 'force-dynamic';

/** `<noscript>` fallback of the visit beacon. */
export async function GET(request: Request) {
  return handleVisitPixel(request, { db: await getDb() });
}
