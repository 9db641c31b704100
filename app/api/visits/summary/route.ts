import { toErrorResponse } from '@/lib/http/errors';
import { cachedVisitSnapshot } from '@/server/public-data';

export const dynamic = 'force-dynamic';

/** The footer widget's figures, refreshed by the client after a cached page loads. */
export async function GET() {
  try {
    const { online, today, week, total, computedAt } = await cachedVisitSnapshot();
    return Response.json(
      { online, today, week, total, computedAt },
      { headers: { 'Cache-Control': 'public, max-age=5' } },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
