import { env, type Env } from '../env';

/**
 * Session lifetimes, from the environment (parsed in lib/env.ts):
 * - AUTH_IDLE_TIMEOUT_MINUTES (default 120): a session unused for this long ends.
 *   The JWT cookie is re-issued with a fresh expiry on every authenticated request.
 * - AUTH_ABSOLUTE_TIMEOUT_HOURS (default 12): a session ends this long after
 *   sign-in however active it is.
 */
export type SessionLifetimes = { idleSeconds: number; absoluteSeconds: number };

export function sessionLifetimes(
  config: Pick<Env, 'AUTH_IDLE_TIMEOUT_MINUTES' | 'AUTH_ABSOLUTE_TIMEOUT_HOURS'> = env(),
): SessionLifetimes {
  const absoluteSeconds = Math.round(config.AUTH_ABSOLUTE_TIMEOUT_HOURS * 3600);
  return { idleSeconds: Math.min(Math.round(config.AUTH_IDLE_TIMEOUT_MINUTES * 60), absoluteSeconds), absoluteSeconds };
}

/** Whether a session signed in at `signedInAt` (epoch seconds) has outlived the absolute lifetime. */
export function isPastAbsoluteLifetime(signedInAt: unknown, nowSeconds: number, lifetimes: SessionLifetimes): boolean {
  if (typeof signedInAt !== 'number' || !Number.isFinite(signedInAt)) return true;
  return nowSeconds - signedInAt > lifetimes.absoluteSeconds;
}
