import { getDatabaseHandle } from './index';
import { migrateDatabase } from './migrate';
import { seedDemoContent } from './seed';

/**
 * Runs inside the server process at start-up, so PGlite is only ever opened
 * by the one process that serves requests.
 */
export async function prepareDatabase(): Promise<void> {
  const started = Date.now();
  const handle = await getDatabaseHandle();
  await migrateDatabase(handle);
  if (process.env.SEED_DEMO !== 'false') {
    const { seeded } = await seedDemoContent(handle.db);
    if (seeded) console.log('[db] demo content seeded');
  }
  console.log(`[db] ${handle.driver} ready in ${Date.now() - started} ms`);
  const { startVisitRollupTimer } = await import('../lib/visits/rollup-timer');
  startVisitRollupTimer();
  const { startMaintenanceTimer } = await import('./maintenance');
  startMaintenanceTimer();
}
