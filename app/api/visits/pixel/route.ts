import { getDb } from '@/db';
import { handleVisitPixel } from '@/lib/visits/handle-beacon';

export const dynamic = 'force-dynamic';

/** `<noscript>` fallback of the visit beacon. */
export async function GET(request: Request) {
  return handleVisitPixel(request, { db: await getDb() });
}
