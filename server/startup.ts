import { getDatabaseHandle } from '../db/index';
import { migrateDatabase } from '../db/migrate';
import { seedDemoContent } from '../db/seed';
import { env } from '../lib/env';

// No `server-only` in this file or the jobs it starts: instrumentation.ts
// loads them outside the React server graph, where that guard would throw.

/**
 * Parses the environment once (the values are kept for every later reader,
 * lib/env.ts), requires SITE_URL of a deployment and resolves the session secret. Next logs a failed register()
 * and serves 500s anyway: a misconfigured server must not look alive to a
 * load balancer, so it prints the reason and stops instead.
 */
export async function checkConfigurationOrExit(): Promise<void> {
  try {
    const { loadEnv } = await import('../lib/env');
    const config = loadEnv();
    const { missingSiteUrl } = await import('../lib/site-url');
    const siteUrlProblem = missingSiteUrl(config);
    if (siteUrlProblem) throw new Error(siteUrlProblem);
    const { authSecret } = await import('./auth/secret');
    authSecret();
  } catch (error) {
    console.error(`[khởi động] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/**
 * As for the configuration: a server whose database could not be prepared would answer 500 to
 * everything while looking alive; it stops, so a supervisor (or start:cluster) sees it.
 */
export async function prepareDatabaseOrExit(): Promise<void> {
  try {
    await prepareDatabase();
  } catch (error) {
    console.error('[khởi động] Không chuẩn bị được cơ sở dữ liệu:', error);
    process.exit(1);
  }
}

/**
 * Runs inside the server process at start-up, so PGlite is only ever opened
 * by the one process that serves requests; then starts the background jobs.
 */
export async function prepareDatabase(): Promise<void> {
  const started = Date.now();
  const handle = await getDatabaseHandle();
  // Instances started together on one Postgres take turns (db/client.ts `exclusively`): the
  // first migrates and seeds, the others find the tables and the demo content in place.
  const migrateAndSeed = async () => {
    await migrateDatabase(handle);
    if (env().SEED_DEMO) {
      const { seeded } = await seedDemoContent(handle.db);
      if (seeded) console.log('[db] demo content seeded');
    }
  };
  await (handle.exclusively ? handle.exclusively(migrateAndSeed) : migrateAndSeed());
  console.log(`[db] ${handle.driver} ready in ${Date.now() - started} ms`);
  const { startVisitRollupJob, stopVisitRollupJob } = await import('./jobs/visit-rollup');
  startVisitRollupJob();
  const { startHousekeepingJob, stopHousekeepingJob } = await import('./jobs/housekeeping');
  startHousekeepingJob();
  const { startNotificationEmailJob, stopNotificationEmailJob } = await import('./jobs/notification-emails');
  startNotificationEmailJob();
  // At SIGTERM, once scripts/serve.mjs has answered every accepted request: the timers stop
  // (a round in progress finishes), then the database closes, which releases PGlite's folder lock.
  if (handle.driver === 'postgres') {
    const { registerPoolProbe } = await import('../lib/observability-hooks.mjs');
    const { poolConnections } = await import('../db/queries/pool');
    registerPoolProbe(() => poolConnections(handle.db));
  }
  const { onShutdown } = await import('../lib/lifecycle-hooks.mjs');
  onShutdown(async () => {
    const { closeDb } = await import('../db/index');
    await closeDb();
    console.log('[tắt máy] đã đóng cơ sở dữ liệu');
  });
  onShutdown(() => Promise.all([stopVisitRollupJob(), stopHousekeepingJob(), stopNotificationEmailJob()]).then(() => undefined));
}
