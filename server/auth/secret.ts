// No `server-only`: instrumentation.ts and proxy.ts (through config.ts) load this file outside the React server graph.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env, type Env } from '../../lib/env';

/**
 * AUTH_SECRET signs the session cookie. Production on a real Postgres server
 * must set it explicitly (several instances must share it; a generated one would
 * silently differ). Everywhere else (development, the PGlite `npm start`, e2e)
 * one is generated once and kept in the data folder with mode 0600.
 */
export function resolveAuthSecret(config: Pick<Env, 'AUTH_SECRET' | 'NODE_ENV' | 'DATABASE_URL' | 'DATA_DIR'> = env()): string {
  // lib/env.ts has already refused one shorter than 32 characters.
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  // Not a rule of lib/env.ts: `next build` runs as production too and needs no secret.
  if (config.NODE_ENV === 'production' && config.DATABASE_URL) {
    throw new Error(
      'Thiếu AUTH_SECRET: môi trường production với DATABASE_URL phải đặt AUTH_SECRET ' +
        '(tạo bằng `openssl rand -base64 32`), nếu không phiên đăng nhập không thể được ký an toàn.',
    );
  }
  return readOrCreateSecretFile(path.join(path.resolve(/*turbopackIgnore: true*/ config.DATA_DIR), 'auth-secret'));
}

function readOrCreateSecretFile(file: string): string {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  try {
    // 'wx': if two processes race, the first file wins and both read it back.
    fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file, 'utf8').trim();
  }
}

let cached: string | undefined;
/** The process's secret, resolved once. */
export function authSecret(): string {
  cached ??= resolveAuthSecret();
  return cached;
}
