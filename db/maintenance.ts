import { lt } from 'drizzle-orm';
import type { Executor } from './client';
import { getDb } from './index';
import { loginAttempts } from './schema';

/** Sign-in attempts matter for the 15-minute lockout window; a day of them is kept for the audit trail's sake. */
export const LOGIN_ATTEMPT_RETENTION_MS = 86_400_000;

export async function pruneLoginAttempts(db: Executor, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.createdAt, new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS)))
    .returning({ id: loginAttempts.id });
  return deleted.length;
}

const state = globalThis as unknown as { __maintenanceTimer?: NodeJS.Timeout };

/** Hourly housekeeping inside the server process (not imported through `server-only`: instrumentation loads it). */
export function startMaintenanceTimer(intervalMs = 3_600_000): void {
  if (state.__maintenanceTimer) return;
  const tick = async () => {
    try {
      await pruneLoginAttempts(await getDb());
    } catch (error) {
      console.error('[maintenance] pruning sign-in attempts failed', error);
    }
  };
  state.__maintenanceTimer = setInterval(tick, intervalMs);
  state.__maintenanceTimer.unref();
}
