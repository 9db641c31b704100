// No `server-only`: server/startup.ts starts this job from instrumentation.ts, outside the React server graph.
import { getDb } from '../../db/index';
import { runHousekeeping } from '../../db/queries/housekeeping';

const state = globalThis as unknown as { __housekeepingTimer?: NodeJS.Timeout; __housekeepingRound?: Promise<void> };

/**
 * Hourly housekeeping inside the server process: sign-in attempts older than
 * a day and rate-limit windows that started more than a day ago go
 * (db/queries/housekeeping.ts). Every instance may run it: deletes of old
 * rows are idempotent. Unref'd so it never keeps the process alive.
 */
export function startHousekeepingJob(intervalMs = 3_600_000): void {
  if (state.__housekeepingTimer) return;
  const tick = () => {
    if (state.__housekeepingRound) return;
    state.__housekeepingRound = (async () => {
      try {
        await runHousekeeping(await getDb());
      } catch (error) {
        console.error('[jobs] housekeeping failed', error);
      } finally {
        state.__housekeepingRound = undefined;
      }
    })();
  };
  state.__housekeepingTimer = setInterval(tick, intervalMs);
  state.__housekeepingTimer.unref();
}

/** Stops the timer; resolves once a round in progress has finished. */
export async function stopHousekeepingJob(): Promise<void> {
  if (state.__housekeepingTimer) clearInterval(state.__housekeepingTimer);
  state.__housekeepingTimer = undefined;
  await state.__housekeepingRound;
}
