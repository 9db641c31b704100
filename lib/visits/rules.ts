import { env, type Env } from '../env';

/** A visit ends after this much idle time (Matomo's and GA's convention). */
export const VISIT_IDLE_MS = 30 * 60_000;
/** "Đang online": distinct visitors seen within this window. */
export const ONLINE_WINDOW_MS = 5 * 60_000;
/** Presence rows idle longer than this can go: the next hit starts a new visit either way. */
export const PRESENCE_KEEP_MS = 2 * 60 * 60_000;
/** Raw events are kept this many days by default (VISIT_RETENTION_DAYS, lib/env.ts); daily aggregates are kept for ever. */
export const DEFAULT_RETENTION_DAYS = 90;
/**
 * The rollup recomputes today and yesterday from raw events, so at least two
 * days must stay; a shorter setting would zero yesterday's totals.
 */
export const MIN_RETENTION_DAYS = 3;

/** A hit starts a new visit when the visitor was never seen or was idle more than 30 minutes. */
export function isNewVisit(lastSeen: Date | null, now: Date): boolean {
  if (!lastSeen) return true;
  return now.getTime() - lastSeen.getTime() > VISIT_IDLE_MS;
}

/** VISIT_RETENTION_DAYS in whole days; a shorter setting is raised to MIN_RETENTION_DAYS, as documented in .env.example. */
export function retentionDaysFromEnv(config: Pick<Env, 'VISIT_RETENTION_DAYS'> = env()): number {
  return Math.max(MIN_RETENTION_DAYS, Math.floor(config.VISIT_RETENTION_DAYS));
}
