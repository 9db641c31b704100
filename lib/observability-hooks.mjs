// What the production server (scripts/serve.mjs, scripts/observability.mjs) shares with the app's
// modules inside Next's bundles: the request being served (an AsyncLocalStorage the server runs
// every request in, so a log line or a handler knows its request id and can name its signed-in
// user) and the Prometheus metrics it keeps. Registered symbols: the same in every bundle of the
// process. Without that server (next dev, tests) every call here is a no-op.
export const REQUEST_CONTEXT = Symbol.for('toa-soan.request-context');
export const METRICS = Symbol.for('toa-soan.metrics');
export const POOL_PROBE = Symbol.for('toa-soan.pool-probe');

/** Lets the metrics read the database pool's connections when scraped: `probe()` → { open, active }. */
export function registerPoolProbe(probe) {
  globalThis[POOL_PROBE] = probe;
}

/** The request being served: { id, userId? }, or undefined outside one. */
export function currentRequest() {
  return globalThis[REQUEST_CONTEXT]?.getStore();
}

/** Names the signed-in user of the request being served (admin pages, actions, routes), for its log line. */
export function noteRequestUser(userId) {
  const request = currentRequest();
  if (request && typeof userId === 'number') request.userId = userId;
}

/** Counts one visit beacon by its outcome: accepted, not_counted, refused, limited, unavailable. */
export function countBeacon(outcome) {
  globalThis[METRICS]?.visitBeacons.inc({ outcome });
}

/** Records one visit rollup round that wrote (its duration in seconds). */
export function recordRollup(seconds) {
  const metrics = globalThis[METRICS];
  if (!metrics) return;
  metrics.rollupDuration.observe(seconds);
  metrics.rollupLastRun.set(Date.now() / 1000);
}

/** The metrics in Prometheus's text format, or null where the server keeps none. */
export async function metricsText() {
  const metrics = globalThis[METRICS];
  if (!metrics) return null;
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
