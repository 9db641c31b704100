import { getDb } from '../../db/index';
import { runVisitRollup } from '../../db/queries/visits';
import { retentionDaysFromEnv } from '../../lib/visits/rules';

const DEFAULT_INTERVAL_MS = 20_000;
const state = globalThis as unknown as { __visitRollupTimer?: NodeJS.Timeout };

/**
 * Starts the rollup inside the server process. Every instance may run it:
 * the advisory lock lets exactly one of them write each round. Unref'd so it
 * never keeps the process alive; a round that overruns the interval is skipped.
 */
export function startVisitRollupJob(env: NodeJS.ProcessEnv = process.env): void {
  if (state.__visitRollupTimer || env.VISIT_ROLLUP_DISABLED === 'true') return;
  const configured = Number(env.VISIT_ROLLUP_INTERVAL_MS);
  const interval = Number.isFinite(configured) && configured >= 200 ? configured : DEFAULT_INTERVAL_MS;
  const retentionDays = retentionDaysFromEnv(env);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runVisitRollup(await getDb(), { now: new Date(), retentionDays });
    } catch (error) {
      console.error('[visits] rollup failed', error);
    } finally {
      running = false;
    }
  };
  state.__visitRollupTimer = setInterval(tick, interval);
  state.__visitRollupTimer.unref();
  // A first round right away, so the widget is filled in after a restart.
  setTimeout(tick, 0).unref();
}
