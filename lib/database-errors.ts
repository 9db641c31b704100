/**
 * Whether an error means "the database cannot be reached or refused to work right now" (a
 * restart, a network cut, the statement timeout), as opposed to a bug or bad data: the first is
 * answered 503 with Retry-After (try again shortly; nothing was stored), the second 500. Pure:
 * it reads the error and the chain of its causes (drizzle wraps the driver's error in `cause`).
 */

/** Socket errors of the driver's connection (Node's codes) and postgres.js's own. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * SQLSTATEs of a server going away or refusing work: 08xxx connection exceptions, 57P01–57P03
 * (administrator shutdown, crash shutdown, cannot connect now: starting up or shutting down),
 * 57014 (query canceled: the statement timeout), 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(?:08\d{3}|57P0[123]|57014|53300)$/;

const MAX_CAUSES = 5;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSES && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    // Node's connection errors to several addresses (localhost: ::1 and 127.0.0.1) come as one AggregateError.
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Shared with the production server's 503 page (scripts/service-unavailable-page.mjs). */
export { DATABASE_RETRY_AFTER_SECONDS } from './database-outage-hook.mjs';

export const DATABASE_UNAVAILABLE_MESSAGE = 'Hệ thống đang tạm mất kết nối tới cơ sở dữ liệu. Vui lòng thử lại sau ít giây.';
