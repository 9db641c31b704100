/** A fixed-window limit: at most `limit` events per `windowMs` for one key. */
export type RateLimit = { limit: number; windowMs: number };

/** The start of the fixed window that `now` falls in (windows are aligned to the epoch, so every instance agrees). */
export function windowStartOf(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Seconds until the window that `now` falls in ends: the Retry-After of a refusal. */
export function secondsUntilWindowEnds(now: Date, windowMs: number): number {
  return Math.max(1, Math.ceil((windowStartOf(now, windowMs).getTime() + windowMs - now.getTime()) / 1000));
}
