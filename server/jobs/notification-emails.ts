// No `server-only`: server/startup.ts starts this job from instrumentation.ts, outside the React server graph.
import { getDb } from '../../db/index';
import { sendPendingEmails } from '../notifications/send-pending-emails';

const state = globalThis as unknown as { __notificationEmailTimer?: NodeJS.Timeout; __notificationEmailRound?: Promise<void> };

/** One round now, unless one is running (the actions call this after answering: `after()`). */
export function sendNotificationEmailsSoon(): Promise<void> {
  state.__notificationEmailRound ??= (async () => {
    try {
      await sendPendingEmails(await getDb());
    } catch (error) {
      console.error('[jobs] notification emails failed', error);
    } finally {
      state.__notificationEmailRound = undefined;
    }
  })();
  return state.__notificationEmailRound;
}

/**
 * Emails of notifications are sent right after the action that made them; this sweep picks
 * up what a process stopped before sending. Every instance may run it: rows are taken with
 * SKIP LOCKED, so each email goes once. Unref'd so it never keeps the process alive.
 */
export function startNotificationEmailJob(intervalMs = 30_000): void {
  if (state.__notificationEmailTimer) return;
  state.__notificationEmailTimer = setInterval(() => void sendNotificationEmailsSoon(), intervalMs);
  state.__notificationEmailTimer.unref();
}

export async function stopNotificationEmailJob(): Promise<void> {
  if (state.__notificationEmailTimer) clearInterval(state.__notificationEmailTimer);
  state.__notificationEmailTimer = undefined;
  await state.__notificationEmailRound;
}
