import 'server-only';
import { after } from 'next/server';
import { sendNotificationEmailsSoon } from '@/server/jobs/notification-emails';

/**
 * Sends the emails of the notifications an action just wrote, once its answer has gone out
 * (Next's `after`): the action never waits for SMTP and never fails because of it. Outside a
 * request (a script, a test) nothing is scheduled; the sweep job sends them.
 */
export function emailNotificationsAfterResponse(): void {
  try {
    after(() => sendNotificationEmailsSoon());
  } catch {
    // Not in a request scope.
  }
}
