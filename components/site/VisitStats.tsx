import { cachedVisitSnapshotForPages } from '@/server/public-data';
import { VisitStatsLive } from './VisitStatsLive';

/**
 * "Thống kê truy cập". The figures rendered here live in the page's route
 * cache (up to two minutes old: a minute in the data cache, a minute in the page's); the client part refreshes them from
 * /api/visits/summary after load, so the page itself stays cached for everyone.
 */
export async function VisitStats() {
  const { online, today, week, total } = await cachedVisitSnapshotForPages();
  return <VisitStatsLive initial={{ online, today, week, total }} />;
}
