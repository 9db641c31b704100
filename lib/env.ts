import { z } from 'zod';
import { parseIpRanges, type IpRange } from './http/client-ip';

/**
 * The one reader of the app's environment variables. Every setting is parsed
 * here, with its default, and a wrong value is refused with a Vietnamese
 * message naming the variable instead of being silently replaced by the
 * default. `.env.example` lists every variable (tests/unit/env.test.ts fails
 * when one is missing there).
 *
 * Read directly elsewhere, on purpose: NEXT_RUNTIME and NEXT_PHASE (set by
 * Next.js, they say which process this is, not how to run it), next.config.mjs
 * and scripts/*.mjs (plain .mjs, cannot import TypeScript) and the test, e2e
 * and bench tooling.
 */

export type EnvSource = Record<string, string | undefined>;

/** An empty (or blank) value counts as unset, so `DATABASE_URL=` in a .env file means "no Postgres server". */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function integer(options: { min: number; max?: number; fallback: number; expected: string }) {
  const error = options.expected;
  let schema = z.coerce.number({ error }).int({ error }).min(options.min, { error });
  if (options.max !== undefined) schema = schema.max(options.max, { error });
  return z.preprocess(blankToUndefined, schema.default(options.fallback));
}

function positiveNumber(fallback: number) {
  const error = 'phải là số dương';
  return z.preprocess(blankToUndefined, z.coerce.number({ error }).positive({ error }).default(fallback));
}

/** Only the two words: "0", "yes" or "FALSE" used to be read as something nobody meant. */
const trueOrFalse = () =>
  z.enum(['true', 'false'], { error: 'phải là "true" hoặc "false"' }).transform((value) => value === 'true');

function flag(fallback: boolean) {
  // The default sits inside the preprocess, so a blank value gets it too.
  return z.preprocess(blankToUndefined, trueOrFalse().default(fallback));
}

function optionalFlag() {
  return z.preprocess(blankToUndefined, trueOrFalse().optional());
}

function text() {
  return z.preprocess(blankToUndefined, z.string().optional());
}

export const envSchema = z.object({
  // Set by Next.js (next dev: development; next build / next start: production).
  NODE_ENV: z.preprocess(
    blankToUndefined,
    z.enum(['development', 'production', 'test'], { error: 'phải là development, production hoặc test' }).default('development'),
  ),

  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'phải là chuỗi kết nối postgres://user:pass@host:5432/db' })
      .optional(),
  ),
  DATABASE_POOL_SIZE: integer({ min: 1, fallback: 10, expected: 'phải là số nguyên dương' }),
  /** statement_timeout of the server's Postgres connections (ms; 0: none): db/index.ts. */
  DATABASE_STATEMENT_TIMEOUT_MS: integer({ min: 0, fallback: 5_000, expected: 'phải là số mili giây nguyên, từ 0 trở lên' }),
  /** Read replicas for heavy uncached reads, comma-separated postgres:// URLs (db/client.ts); unset: none. */
  DATABASE_REPLICA_URLS: z.preprocess(blankToUndefined, z.string().optional()).transform((value, ctx): string[] => {
    const urls = (value ?? '').split(',').map((url) => url.trim()).filter(Boolean);
    const invalid = urls.filter((url) => !/^postgres(ql)?:\/\//.test(url));
    if (invalid.length === 0) return urls;
    ctx.addIssue({ code: 'custom', message: 'phải là danh sách chuỗi kết nối postgres://user:pass@host:5432/db cách nhau bằng dấu phẩy' });
    return z.NEVER;
  }),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('data')),
  /** Unset: DATA_DIR/pglite. */
  PGLITE_DATA_DIR: text(),
  MIGRATIONS_DIR: z.preprocess(blankToUndefined, z.string().default('drizzle')),
  SEED_DEMO: flag(true),

  PORT: integer({ min: 1, max: 65535, fallback: 3000, expected: 'phải là số cổng từ 1 đến 65535' }),
  /** Unset: http://localhost:PORT. */
  SITE_URL: z.preprocess(
    blankToUndefined,
    z.url({ protocol: /^https?$/, error: 'phải là địa chỉ http(s) đầy đủ, ví dụ https://laocai.gov.vn' }).optional(),
  ),
  /** Reverse proxies in front of the app (0: none, the app is reached directly); lib/http/client-ip.ts. */
  TRUSTED_PROXY_HOPS: integer({ min: 0, max: 32, fallback: 0, expected: 'phải là số nguyên từ 0 đến 32 (0: không có reverse proxy)' }),
  /** Addresses and CIDR ranges of the reverse proxies, comma-separated; unset: none (lib/http/client-ip.ts). */
  TRUSTED_PROXIES: z.preprocess(blankToUndefined, z.string().optional()).transform((value, ctx): IpRange[] => {
    const { ranges, invalid } = parseIpRanges(value ?? '');
    if (invalid.length === 0) return ranges;
    ctx.addIssue({
      code: 'custom',
      message: `phải là danh sách địa chỉ IP hoặc dải CIDR (IPv4, IPv6) cách nhau bằng dấu phẩy, ví dụ 127.0.0.1, 10.0.0.0/8, ::1; mục sai: ${invalid.slice(0, 5).map((entry) => JSON.stringify(entry.slice(0, 60))).join(', ')}`,
    });
    return z.NEVER;
  }),

  /** Unset: generated and kept in DATA_DIR/auth-secret, except in production with DATABASE_URL (server/auth/secret.ts). */
  AUTH_SECRET: z.preprocess(
    blankToUndefined,
    z.string().min(32, { error: 'quá ngắn: cần ít nhất 32 ký tự (ví dụ: openssl rand -base64 32)' }).optional(),
  ),
  /**
   * Read by `next build` and every instance (Next's own variable): the key that encrypts server
   * actions' bound data. The same value at build and at run time on every instance, so a form
   * rendered by one instance can be posted to another. Unset: Next makes one per build.
   */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && [16, 24, 32].includes(Buffer.from(value, 'base64').length), {
        error: 'phải là khóa AES base64 dài 16, 24 hoặc 32 byte (ví dụ: openssl rand -base64 32)',
      })
      .optional(),
  ),
  /** Unset: Secure cookies exactly when NODE_ENV is production. */
  AUTH_COOKIE_SECURE: optionalFlag(),
  AUTH_IDLE_TIMEOUT_MINUTES: positiveNumber(120),
  AUTH_ABSOLUTE_TIMEOUT_HOURS: positiveNumber(12),

  /** Unset: DATA_DIR/media. */
  MEDIA_DIR: text(),
  /** Set: uploaded media live in this S3-compatible bucket instead of MEDIA_DIR (server/media/s3-storage.ts). */
  S3_BUCKET: text(),
  /** Unset: AWS's own endpoint for S3_REGION; set for any other S3-compatible store. */
  S3_ENDPOINT: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: 'phải là địa chỉ http(s) của kho S3, ví dụ http://127.0.0.1:9000' }).optional()),
  S3_REGION: z.preprocess(blankToUndefined, z.string().default('us-east-1')),
  S3_ACCESS_KEY_ID: text(),
  S3_SECRET_ACCESS_KEY: text(),
  /** Path-style URLs (endpoint/bucket/key), which most stores other than AWS need. */
  S3_FORCE_PATH_STYLE: flag(false),

  /** Set: the route and data cache is shared by every instance through this Redis (server/cache/isr-handler.mjs). */
  REDIS_URL: z.preprocess(blankToUndefined, z.string().regex(/^rediss?:\/\//, { error: 'phải là địa chỉ redis://host:6379 (hoặc rediss:// cho TLS)' }).optional()),

  /** Set: the newsroom's notifications also go out by email through this server (smtp://user:pass@host:587, smtps:// for TLS). */
  SMTP_URL: z.preprocess(blankToUndefined, z.string().regex(/^smtps?:\/\//, { error: 'phải là địa chỉ smtp://người-dùng:mật-khẩu@máy:587 (hoặc smtps:// cho TLS)' }).optional()),
  /** The From of those emails; unset: "Tòa soạn <no-reply@host of SITE_URL>". */
  SMTP_FROM: text(),

  /** Read by scripts/observability.mjs too: debug, info, warn or error. */
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(['debug', 'info', 'warn', 'error'], { error: 'phải là debug, info, warn hoặc error' }).default('info')),
  /** Set: GET /api/metrics wants `Authorization: Bearer <this>`; unset: only from this machine, not through a proxy. */
  METRICS_TOKEN: z.preprocess(blankToUndefined, z.string().min(16, { error: 'quá ngắn: cần ít nhất 16 ký tự (ví dụ: openssl rand -hex 24)' }).optional()),
  /** How long scripts/serve.mjs waits, after SIGTERM, for the requests it has accepted (ms). */
  SHUTDOWN_GRACE_MS: integer({ min: 0, fallback: 10_000, expected: 'phải là số mili giây nguyên, từ 0 trở lên' }),
  // A shorter interval would have every instance fight for the rollup lock all the time.
  VISIT_ROLLUP_INTERVAL_MS: integer({ min: 200, fallback: 20_000, expected: 'phải là số mili giây nguyên, từ 200 trở lên' }),
  VISIT_ROLLUP_DISABLED: flag(false),
  /** DEFAULT_RETENTION_DAYS; values under MIN_RETENTION_DAYS are raised to it (lib/visits/rules.ts). */
  VISIT_RETENTION_DAYS: positiveNumber(90),

  /** app/api/noop, the benchmark's ceiling: a production build answers 404 there unless this is set. */
  BENCH_ROUTES_ENABLED: flag(false),
}).superRefine((config, ctx) => {
  // Two answers to "which hops are ours" would disagree: one of them, never both.
  if (config.TRUSTED_PROXY_HOPS > 0 && config.TRUSTED_PROXIES.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['TRUSTED_PROXIES'], message: 'không dùng cùng TRUSTED_PROXY_HOPS: chỉ đặt một trong hai' });
  }
  // Half an S3 configuration would silently keep media on the local disk.
  if (config.S3_BUCKET && (!config.S3_ACCESS_KEY_ID || !config.S3_SECRET_ACCESS_KEY)) {
    ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'cần kèm S3_ACCESS_KEY_ID và S3_SECRET_ACCESS_KEY' });
  }
});

export type Env = z.infer<typeof envSchema>;
export type EnvName = keyof typeof envSchema.shape;

/** Never echoed in an error message: they are or contain passwords. */
const SECRET_NAMES: ReadonlySet<string> = new Set<EnvName>(['AUTH_SECRET', 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY', 'METRICS_TOKEN', 'DATABASE_URL', 'DATABASE_REPLICA_URLS', 'S3_SECRET_ACCESS_KEY', 'S3_ACCESS_KEY_ID', 'REDIS_URL', 'SMTP_URL']);

/** Parses `source`; throws one Error naming every wrong variable, in Vietnamese. */
export function parseEnv(source: EnvSource): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0]);
    // One complaint per variable: "0.5" breaks both "integer" and "≥ 1", which say the same thing.
    if (problems.has(name)) continue;
    const shown = SECRET_NAMES.has(name) ? '' : ` (đang là ${JSON.stringify(String(source[name]).slice(0, 200))})`;
    problems.set(name, `${name} ${issue.message}${shown}`);
  }
  throw new Error(`Biến môi trường không hợp lệ: ${[...problems.values()].join('; ')}. Xem .env.example.`);
}

// On globalThis: Next.js bundles instrumentation.ts and the app separately, so a
// module-level variable would exist once per bundle; the process has one environment.
const loaded = globalThis as unknown as { __toaSoanEnv?: Env };

/**
 * Parses process.env and keeps the result for the rest of the process.
 * instrumentation.ts calls it first, so a wrong value stops start-up.
 */
export function loadEnv(): Env {
  loaded.__toaSoanEnv = parseEnv(process.env);
  return loaded.__toaSoanEnv;
}

/**
 * The validated environment: the one loaded at start-up; in a process that
 * did not start through instrumentation.ts (scripts, tests, `next build`
 * workers) process.env as it is now, so a test or script may set a variable
 * before the code that reads it runs.
 */
export function env(): Env {
  return loaded.__toaSoanEnv ?? parseEnv(process.env);
}

/** Tests only: forget what loadEnv() kept. */
export function resetEnv(): void {
  loaded.__toaSoanEnv = undefined;
}
