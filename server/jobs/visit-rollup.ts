// No `server-only`: server/startup.ts starts this job from instrumentation.ts, outside the React server graph.
import { getDb } from '../../db/index';
import { runVisitRollup } from '../../db/queries/visits';
import { env, type Env } from '../../lib/env';
import { retentionDaysFromEnv } from '../../lib/visits/rules';
import { recordRollup } from '../../lib/observability-hooks.mjs';

const state = globalThis as unknown as { __visitRollupTimer?: NodeJS.Timeout; __visitRollupRound?: Promise<void> };

/**
 * Starts the rollup inside the server process. Every instance may run it:
 * the advisory lock lets exactly one of them write each round. Unref'd so it
 * never keeps the process alive; a round that overruns the interval is skipped.
 */
export function startVisitRollupJob(
  config: Pick<Env, 'VISIT_ROLLUP_DISABLED' | 'VISIT_ROLLUP_INTERVAL_MS' | 'VISIT_RETENTION_DAYS'> = env(),
): void {
  if (state.__visitRollupTimer || config.VISIT_ROLLUP_DISABLED) return;
  const interval = config.VISIT_ROLLUP_INTERVAL_MS;
  const retentionDays = retentionDaysFromEnv(config);
  const tick = () => {
    if (state.__visitRollupRound) return;
    state.__visitRollupRound = (async () => {
      try {
        const started = performance.now();
        const result = await runVisitRollup(await getDb(), { now: new Date(), retentionDays });
        if (result.ran) recordRollup((performance.now() - started) / 1000);
      } catch (error) {
        console.error('[visits] rollup failed', error);
      } finally {
        state.__visitRollupRound = undefined;
      }
    })();
  };
  state.__visitRollupTimer = setInterval(tick, interval);
  state.__visitRollupTimer.unref();
  // A first round right away, so the widget is filled in after a restart.
  setTimeout(tick, 0).unref();
}

/** Stops the timer; resolves once a round in progress has finished (at shutdown, before the database closes). */
export async function stopVisitRollupJob(): Promise<void> {
  if (state.__visitRollupTimer) clearInterval(state.__visitRollupTimer);
  state.__visitRollupTimer = undefined;
  await state.__visitRollupRound;
}
