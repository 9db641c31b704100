// Logs and metrics of the production server (scripts/serve.mjs).
//
// Logs: one JSON line per event (pino), on stdout: a line per request when it ends (request id,
// method, route pattern, status, duration, the signed-in user's id on staff requests), and every
// console.* call of the app and of Next turned into a line of the same shape, with the id of the
// request it happened in. Never a cookie, a token, a password, a query string or an address: the
// request line is built from named fields only, and the known secret-bearing keys are redacted in
// anything logged as an object. LOG_LEVEL (debug, info, warn, error; default info). With
// NODE_ENV=development the lines are short readable text instead of JSON.
//
// Metrics: Prometheus (prom-client), read at /api/metrics (app/api/metrics/route.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import util from 'node:util';
import { METRICS, POOL_PROBE, REQUEST_CONTEXT } from '../lib/observability-hooks.mjs';
import { routeLabel } from '../lib/route-label.mjs';

const require = createRequire(import.meta.url);
const pino = require('pino');
const client = require('prom-client');

const LEVELS = new Set(['debug', 'info', 'warn', 'error']);
/** Keys whose values never reach a log line, wherever they appear in a logged object. */
export const REDACTED_KEYS = ['password', 'passwordHash', 'token', 'secret', 'cookie', 'cookies', 'authorization', 'set-cookie', 'ip', 'x-forwarded-for', 'email'];

/** fast-redact paths for REDACTED_KEYS at the top and two levels down; keys with a dash in brackets. */
function redactPaths() {
  return REDACTED_KEYS.flatMap((key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? [key, `*.${key}`, `*.*.${key}`] : [`*["${key}"]`, `*.*["${key}"]`]));
}

const redactedKey = new Set(REDACTED_KEYS.map((key) => key.toLowerCase()));

/** A copy of a plain object or array with the values of REDACTED_KEYS replaced, to two levels; anything else as it is. */
export function censored(value, depth = 0) {
  if (depth > 2 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => censored(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactedKey.has(key.toLowerCase()) ? '[ẩn]' : censored(item, depth + 1)]));
}

function readableLine(chunk) {
  try {
    const entry = JSON.parse(chunk);
    const time = new Date(entry.time).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
    const level = pino.levels.labels[entry.level] ?? entry.level;
    const fields = Object.entries(entry)
      .filter(([key]) => !['time', 'level', 'msg', 'pid', 'hostname'].includes(key))
      .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : value}`)
      .join(' ');
    return `${time} ${level.toUpperCase().padEnd(5)} ${entry.msg ?? ''}${fields ? ` ${fields}` : ''}\n`;
  } catch {
    return chunk;
  }
}

/** The server's logger: JSON lines on stdout, readable lines in development. */
export function createLogger(env = process.env, destination = process.stdout) {
  const level = LEVELS.has(env.LOG_LEVEL ?? '') ? env.LOG_LEVEL : 'info';
  const options = {
    level,
    base: undefined,
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactPaths(), censor: '[ẩn]' },
  };
  if (env.NODE_ENV === 'development') {
    return pino({ ...options, formatters: {} }, { write: (chunk) => destination.write(readableLine(chunk)) });
  }
  return pino(options, destination);
}

/** The metrics the server keeps (registered under METRICS for the app: lib/observability-hooks.mjs). */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'toa_soan_' });
  const metrics = {
    registry,
    requests: new client.Counter({ name: 'toa_soan_http_requests_total', help: 'Requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    duration: new client.Histogram({
      name: 'toa_soan_http_request_duration_seconds',
      help: 'Time from the request to the end of its answer, by route pattern',
      labelNames: ['route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    cache: new client.Counter({
      name: 'toa_soan_cache_responses_total',
      help: 'Pages answered by a cache layer: the server’s kept pages (page) and the route cache (route), by result',
      labelNames: ['layer', 'result'],
      registers: [registry],
    }),
    visitBeacons: new client.Counter({ name: 'toa_soan_visit_beacons_total', help: 'Visit beacons by outcome', labelNames: ['outcome'], registers: [registry] }),
    rollupDuration: new client.Histogram({ name: 'toa_soan_visit_rollup_duration_seconds', help: 'Visit rollup rounds that wrote', buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30], registers: [registry] }),
    rollupLastRun: new client.Gauge({ name: 'toa_soan_visit_rollup_last_run_timestamp_seconds', help: 'When this instance last wrote the visit rollup (Unix time)', registers: [registry] }),
    inFlight: new client.Gauge({ name: 'toa_soan_http_requests_in_flight', help: 'Requests being answered', registers: [registry] }),
    pool: new client.Gauge({
      name: 'toa_soan_db_pool_connections',
      help: 'This process’s connections to the Postgres server: open, and running a statement (active)',
      labelNames: ['state'],
      registers: [registry],
      // Read when scraped, through the probe the app registered (PGlite: none, the gauge stays empty).
      async collect() {
        const probe = globalThis[POOL_PROBE];
        if (typeof probe !== 'function') return;
        try {
          const { open, active } = await probe();
          this.set({ state: 'open' }, open);
          this.set({ state: 'active' }, active);
        } catch {
          // The database is away: no figure rather than a wrong one (its errors are counted elsewhere).
          this.reset();
        }
      },
    }),
  };
  globalThis[METRICS] = metrics;
  return metrics;
}

/**
 * Runs `handle(req, res)` inside the request's context, gives it an id (X-Request-Id on the
 * answer), and logs and counts it when its answer ends.
 */
export function createRequestObserver({ logger, metrics }) {
  const context = new AsyncLocalStorage();
  globalThis[REQUEST_CONTEXT] = context;

  // Every console.* of the app and of Next becomes a line of the log, with its request's id; objects
  // passed along are formatted with their secret-bearing keys censored first.
  const toLog = (level) => (...args) => {
    const request = context.getStore();
    logger[level](request ? { reqId: request.id } : {}, util.format(...args.map((arg) => censored(arg))));
  };
  console.log = toLog('info');
  console.info = toLog('info');
  console.warn = toLog('warn');
  console.error = toLog('error');
  console.debug = toLog('debug');

  return (req, res, handle) => {
    const started = process.hrtime.bigint();
    const request = { id: crypto.randomUUID() };
    res.setHeader('X-Request-Id', request.id);
    metrics.inFlight.inc();
    res.once('close', () => {
      metrics.inFlight.dec();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pathname = (req.url ?? '/').split('?')[0];
      const route = routeLabel(pathname);
      const status = res.statusCode;
      metrics.requests.inc({ method: req.method, route, status: String(status) });
      metrics.duration.observe({ route }, seconds);
      const kept = res.getHeader('x-page-cache');
      if (kept) metrics.cache.inc({ layer: 'page', result: String(kept).toLowerCase() });
      const routeCache = res.getHeader('x-nextjs-cache');
      if (routeCache) metrics.cache.inc({ layer: 'route', result: String(routeCache).toLowerCase() });
      const line = { reqId: request.id, method: req.method, route, status, ms: Math.round(seconds * 1000) };
      if (request.userId !== undefined) line.userId = request.userId;
      if (!res.writableFinished) line.aborted = true;
      // Probes every few seconds would drown the rest.
      const level = route.startsWith('/api/health/') ? 'debug' : status >= 500 ? 'error' : 'info';
      logger[level](line, 'request');
    });
    context.run(request, () => handle(req, res));
  };
}
