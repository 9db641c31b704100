// Where the app notes that the database could not be reached while serving a request
// (instrumentation.ts onRequestError), so that the production server (scripts/serve.mjs,
// scripts/service-unavailable-page.mjs) answers the page that failed with a Vietnamese 503 and
// Retry-After instead of a 500. A registered symbol: the same in every bundle of the process.
export const DATABASE_UNAVAILABLE_AT = Symbol.for('toa-soan.database-unavailable-at');

/** What a client is told to wait before trying again while the database is away (s): a Postgres restart takes a few. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** How long after the last failure a page's 500 is still taken for the outage (ms). */
export const OUTAGE_WINDOW_MS = 10_000;

export function noteDatabaseUnavailable(now = Date.now()) {
  globalThis[DATABASE_UNAVAILABLE_AT] = now;
}

export function databaseUnavailableRecently(now = Date.now()) {
  const at = globalThis[DATABASE_UNAVAILABLE_AT];
  return typeof at === 'number' && now - at <= OUTAGE_WINDOW_MS;
}
