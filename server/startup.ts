import { getDatabaseHandle } from '../db/index';
import { migrateDatabase } from '../db/migrate';
import { seedDemoContent } from '../db/seed';
import { env } from '../lib/env';

// No `server-only` in this file or the jobs it starts: instrumentation.ts
// loads them outside the React server graph, where that guard would throw.

/**
 * Runs inside the server process at start-up, so PGlite is only ever opened
 * by the one process that serves requests; then starts the background jobs.
 */
export async function prepareDatabase(): Promise<void> {
  const started = Date.now();
  const handle = await getDatabaseHandle();
  await migrateDatabase(handle);
  if (env().SEED_DEMO) {
    const { seeded } = await seedDemoContent(handle.db);
    if (seeded) console.log('[db] demo content seeded');
  }
  console.log(`[db] ${handle.driver} ready in ${Date.now() - started} ms`);
  const { startVisitRollupJob } = await import('./jobs/visit-rollup');
  startVisitRollupJob();
  const { startHousekeepingJob } = await import('./jobs/housekeeping');
  startHousekeepingJob();
}
