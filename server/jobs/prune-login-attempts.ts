// No `server-only`: server/startup.ts starts this job from instrumentation.ts, outside the React server graph.
import { getDb } from '../../db/index';
import { pruneLoginAttempts } from '../../db/queries/housekeeping';

const state = globalThis as unknown as { __loginAttemptPruneTimer?: NodeJS.Timeout };

/** Hourly housekeeping inside the server process: sign-in attempts older than a day go. */
export function startLoginAttemptPruneJob(intervalMs = 3_600_000): void {
  if (state.__loginAttemptPruneTimer) return;
  const tick = async () => {
    try {
      await pruneLoginAttempts(await getDb());
    } catch (error) {
      console.error('[jobs] pruning sign-in attempts failed', error);
    }
  };
  state.__loginAttemptPruneTimer = setInterval(tick, intervalMs);
  state.__loginAttemptPruneTimer.unref();
}
