/**
 * Session lifetimes, from the environment:
 * - AUTH_IDLE_TIMEOUT_MINUTES (default 120): a session unused for this long ends.
 *   The JWT cookie is re-issued with a fresh expiry on every authenticated request.
 * - AUTH_ABSOLUTE_TIMEOUT_HOURS (default 12): a session ends this long after
 *   sign-in however active it is.
 */
export type SessionLifetimes = { idleSeconds: number; absoluteSeconds: number };

export function sessionLifetimes(env: NodeJS.ProcessEnv = process.env): SessionLifetimes {
  const idleMinutes = positiveNumber(env.AUTH_IDLE_TIMEOUT_MINUTES, 120);
  const absoluteHours = positiveNumber(env.AUTH_ABSOLUTE_TIMEOUT_HOURS, 12);
  const absoluteSeconds = Math.round(absoluteHours * 3600);
  return { idleSeconds: Math.min(Math.round(idleMinutes * 60), absoluteSeconds), absoluteSeconds };
}

/** Whether a session signed in at `signedInAt` (epoch seconds) has outlived the absolute lifetime. */
export function isPastAbsoluteLifetime(signedInAt: unknown, nowSeconds: number, lifetimes: SessionLifetimes): boolean {
  if (typeof signedInAt !== 'number' || !Number.isFinite(signedInAt)) return true;
  return nowSeconds - signedInAt > lifetimes.absoluteSeconds;
}

function positiveNumber(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value > 0 ? value : fallback;
}
