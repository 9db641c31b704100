import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { env, envSchema, loadEnv, parseEnv, resetEnv } from '@/lib/env';
import { DEFAULT_RETENTION_DAYS } from '@/lib/visits/rules';

const root = path.resolve(__dirname, '../..');

describe('parseEnv', () => {
  it('gives every default when nothing is set', () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: 'development',
      DATABASE_POOL_SIZE: 10,
      DATABASE_STATEMENT_TIMEOUT_MS: 5_000,
      DATABASE_REPLICA_URLS: [],
      DATA_DIR: 'data',
      MIGRATIONS_DIR: 'drizzle',
      SEED_DEMO: true,
      PORT: 3000,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: false,
      TRUSTED_PROXY_HOPS: 0,
      TRUSTED_PROXIES: [],
      AUTH_IDLE_TIMEOUT_MINUTES: 120,
      AUTH_ABSOLUTE_TIMEOUT_HOURS: 12,
      SHUTDOWN_GRACE_MS: 10_000,
      LOG_LEVEL: 'info',
      VISIT_ROLLUP_INTERVAL_MS: 20_000,
      VISIT_ROLLUP_DISABLED: false,
      VISIT_RETENTION_DAYS: DEFAULT_RETENTION_DAYS,
      BENCH_ROUTES_ENABLED: false,
    });
  });

  it('treats an empty or blank value as unset', () => {
    const parsed = parseEnv({ DATABASE_URL: '', PORT: ' ', SEED_DEMO: '', AUTH_SECRET: '  ', DATA_DIR: '' });
    expect(parsed).toMatchObject({ PORT: 3000, SEED_DEMO: true, DATA_DIR: 'data' });
    expect(parsed.DATABASE_URL).toBeUndefined();
    expect(parsed.AUTH_SECRET).toBeUndefined();
  });

  it('reads numbers, flags and addresses', () => {
    expect(
      parseEnv({
        DATABASE_URL: 'postgres://u:p@db:5432/toa_soan',
        DATABASE_POOL_SIZE: '4',
        PORT: '8080',
        SITE_URL: 'https://laocai.gov.vn',
        SEED_DEMO: 'false',
        AUTH_COOKIE_SECURE: 'false',
        AUTH_ABSOLUTE_TIMEOUT_HOURS: '0.5',
        VISIT_ROLLUP_INTERVAL_MS: '200',
        VISIT_ROLLUP_DISABLED: 'true',
        BENCH_ROUTES_ENABLED: 'true',
      }),
    ).toMatchObject({
      DATABASE_URL: 'postgres://u:p@db:5432/toa_soan',
      DATABASE_POOL_SIZE: 4,
      PORT: 8080,
      SITE_URL: 'https://laocai.gov.vn',
      SEED_DEMO: false,
      AUTH_COOKIE_SECURE: false,
      AUTH_ABSOLUTE_TIMEOUT_HOURS: 0.5,
      VISIT_ROLLUP_INTERVAL_MS: 200,
      VISIT_ROLLUP_DISABLED: true,
      BENCH_ROUTES_ENABLED: true,
    });
  });

  it('reads the reverse proxies: a number of hops, or their addresses', () => {
    expect(parseEnv({ TRUSTED_PROXY_HOPS: '1' }).TRUSTED_PROXY_HOPS).toBe(1);
    expect(parseEnv({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8 ::1' }).TRUSTED_PROXIES.map((range) => `${range.version}/${range.prefix}`)).toEqual(['4/32', '4/8', '6/128']);
    expect(parseEnv({ TRUSTED_PROXIES: ' ' }).TRUSTED_PROXIES).toEqual([]);
  });

  it('refuses a wrong value with a Vietnamese message naming the variable and the value', () => {
    expect(() => parseEnv({ DATABASE_POOL_SIZE: 'abc' })).toThrow(
      'Biến môi trường không hợp lệ: DATABASE_POOL_SIZE phải là số nguyên dương (đang là "abc").',
    );
    expect(() => parseEnv({ VISIT_ROLLUP_INTERVAL_MS: '100' })).toThrow(/VISIT_ROLLUP_INTERVAL_MS phải là số mili giây nguyên, từ 200 trở lên \(đang là "100"\)/);
    expect(() => parseEnv({ SEED_DEMO: 'no' })).toThrow(/SEED_DEMO phải là "true" hoặc "false" \(đang là "no"\)/);
    expect(() => parseEnv({ SITE_URL: 'laocai.gov.vn' })).toThrow(/SITE_URL phải là địa chỉ http\(s\) đầy đủ/);
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT phải là số cổng từ 1 đến 65535/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS phải là số nguyên từ 0 đến 32 \(0: không có reverse proxy\) \(đang là "-1"\)/);
    expect(() => parseEnv({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/33, localhost' })).toThrow(
      /TRUSTED_PROXIES phải là danh sách địa chỉ IP hoặc dải CIDR .*mục sai: "10\.0\.0\.0\/33", "localhost" \(đang là "127\.0\.0\.1, 10\.0\.0\.0\/33, localhost"\)/,
    );
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: '1', TRUSTED_PROXIES: '127.0.0.1' })).toThrow(/TRUSTED_PROXIES không dùng cùng TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV phải là development, production hoặc test/);
  });

  it('names every wrong variable at once, once each', () => {
    const message = messageOf(() => parseEnv({ DATABASE_POOL_SIZE: '0.5', VISIT_RETENTION_DAYS: '-1', AUTH_COOKIE_SECURE: 'yes' }));
    expect(message).toMatch(/DATABASE_POOL_SIZE .*; AUTH_COOKIE_SECURE .*; VISIT_RETENTION_DAYS /);
    expect(message.match(/DATABASE_POOL_SIZE/g)).toHaveLength(1);
  });

  it('never prints a secret', () => {
    const message = messageOf(() => parseEnv({ AUTH_SECRET: 'mat-khau-ngan', DATABASE_URL: 'mysql://root:MatKhau@db/x' }));
    expect(message).toContain('AUTH_SECRET quá ngắn: cần ít nhất 32 ký tự');
    expect(message).toContain('DATABASE_URL phải là chuỗi kết nối postgres://');
    expect(message).not.toContain('mat-khau-ngan');
    expect(message).not.toContain('MatKhau');
  });
});

describe('env()', () => {
  afterEach(() => {
    resetEnv();
    vi.unstubAllEnvs();
  });

  it('reads process.env as it is until start-up loads it, then keeps what was loaded', () => {
    vi.stubEnv('PORT', '4100');
    expect(env().PORT).toBe(4100);
    expect(loadEnv().PORT).toBe(4100);
    vi.stubEnv('PORT', '4200');
    expect(env().PORT).toBe(4100);
    resetEnv();
    expect(env().PORT).toBe(4200);
  });

  it('stops start-up on a wrong value', () => {
    vi.stubEnv('DATABASE_POOL_SIZE', 'abc');
    expect(() => loadEnv()).toThrow(/DATABASE_POOL_SIZE/);
  });
});

describe('BENCH_ROUTES_ENABLED', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('keeps the benchmark route a 404 unless the bench turns it on', async () => {
    const noop = await import('@/app/api/noop/route');
    const post = () => new Request('http://localhost/api/noop', { method: 'POST', body: '{}' });
    const off = noop.GET();
    expect(off.status).toBe(404);
    expect(await off.json()).toEqual({ code: 'not_found', message: 'Không tìm thấy.' });
    expect((await noop.POST(post())).status).toBe(404);
    vi.stubEnv('BENCH_ROUTES_ENABLED', 'true');
    expect(noop.GET().status).toBe(204);
    expect((await noop.POST(post())).status).toBe(204);
  });
});

/** Set by Next.js; they say which process this is, and runtime code may read them directly. */
const FRAMEWORK_VARIABLES = ['NODE_ENV', 'NEXT_RUNTIME', 'NEXT_PHASE'];
/** Read by the production server script (scripts/serve.mjs) and next.config.mjs, outside the app. */
const SERVER_SCRIPT_VARIABLES = ['PUBLIC_PAGES_RUNTIME', 'TOA_SOAN_SERVER_COMPRESSES'];
/** Read only by the build configuration and the test, e2e and bench tooling, never by the running app. */
const TOOLING_VARIABLES = [
  'NEXT_DIST_DIR',
  'TEST_DATABASE_URL',
  'TEST_DB_DRIVER',
  'E2E_PORT',
  'E2E_DATA_DIR',
  'E2E_SKIP_BUILD',
  'CHROMIUM_PATH',
  'CI',
  'BENCH_ARTICLES',
  'BENCH_PORT',
  'BENCH_DATA_DIR',
  'BENCH_PG_URL',
  'BENCH_EVENTS',
  'BENCH_SKIP_BUILD',
  'BENCH_WORDS',
  'BENCH_KEYSTROKES',
  'BENCH_URL',
  'BENCH_RUNS',
  'BENCH_ROUNDS',
];
/** Runtime code that may bypass lib/env.ts, and only for these: instrumentation.ts must know the runtime before parsing anything. */
const READ_DIRECTLY_AT_RUN_TIME = ['NEXT_RUNTIME', 'NEXT_PHASE'];
// The route cache handler is plain ESM that Next loads outside the bundle, so it cannot import
// lib/env.ts; start-up still validates REDIS_URL there (a wrong value stops the server first).
const READ_BY_THE_CACHE_HANDLER = new Set(['server/cache/isr-handler.mjs: REDIS_URL', 'server/cache/redis-store.mjs: REDIS_URL']);
const RUNTIME_CODE = ['app', 'components', 'lib', 'db', 'server', 'proxy.ts', 'instrumentation.ts'];

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'data', 'drizzle', 'public', 'test-results', 'playwright-report', 'results']);
const SOURCE_FILE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;
const ENV_READ = /process\.env(?:\.([A-Za-z_]\w*)|\[\s*(['"`])([A-Za-z_]\w*)\2\s*\])/g;

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.next') ? [] : sourceFiles(full);
    return SOURCE_FILE.test(entry.name) ? [full] : [];
  });
}

/** Every variable read straight from the process environment (dot or quoted-bracket form), with the files that read it. */
function directReads(): Map<string, Set<string>> {
  const reads = new Map<string, Set<string>>();
  for (const file of sourceFiles(root)) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(ENV_READ)) {
      const name = match[1] ?? match[3]!;
      const relative = path.relative(root, file).split(path.sep).join('/');
      reads.set(name, (reads.get(name) ?? new Set()).add(relative));
    }
  }
  return reads;
}

function exampleVariables(): string[] {
  return [...fs.readFileSync(path.join(root, '.env.example'), 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
}

function readmeVariables(): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Biến môi trường\n');
  expect(start, 'README.md has a section "## Biến môi trường"').toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]!);
}

describe('.env.example', () => {
  const schemaNames = Object.keys(envSchema.shape);

  it('lists every variable the code reads and every key of the schema', () => {
    const documented = new Set(exampleVariables());
    const reads = directReads();
    const missing = [...new Set([...reads.keys(), ...schemaNames])]
      .filter((name) => !documented.has(name))
      .map((name) => `${name} (${[...(reads.get(name) ?? ['lib/env.ts'])].join(', ')})`);
    expect(missing, 'variables read in code but missing from .env.example').toEqual([]);
  });

  it('lists nothing else: every variable is in the schema or is a framework or tooling one', () => {
    const known = new Set([...schemaNames, ...FRAMEWORK_VARIABLES, ...SERVER_SCRIPT_VARIABLES, ...TOOLING_VARIABLES]);
    expect(exampleVariables().filter((name) => !known.has(name))).toEqual([]);
  });

  it('names each variable once, under one line of meaning', () => {
    const lines = fs.readFileSync(path.join(root, '.env.example'), 'utf8').split('\n');
    const variable = /^#?\s*[A-Z][A-Z0-9_]*=/;
    const undocumented = lines.flatMap((line, i) => {
      const above = lines[i - 1] ?? '';
      return variable.test(line) && !(above.startsWith('# ') && !variable.test(above) && above.length > 10) ? [line] : [];
    });
    expect(undocumented).toEqual([]);
    const names = exampleVariables();
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('matches the table in README.md', () => {
    expect([...readmeVariables()].sort()).toEqual([...exampleVariables()].sort());
  });

  it('is the only way runtime code reads a setting', () => {
    const bypasses = [...directReads()].flatMap(([name, files]) =>
      [...files]
        .filter((file) => file !== 'lib/env.ts' && RUNTIME_CODE.some((place) => file === place || file.startsWith(`${place}/`)))
        .filter(() => !READ_DIRECTLY_AT_RUN_TIME.includes(name))
        .map((file) => `${file}: ${name}`)
        .filter((read) => !READ_BY_THE_CACHE_HANDLER.has(read)),
    );
    expect(bypasses, 'read these through env() from lib/env.ts').toEqual([]);
  });
});

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}
