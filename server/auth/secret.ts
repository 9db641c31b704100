import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * AUTH_SECRET signs the session cookie. Production on a real Postgres server
 * must set it explicitly (several instances must share it; a generated one would
 * silently differ). Everywhere else (development, the PGlite `npm start`, e2e)
 * one is generated once and kept in the data folder with mode 0600.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.AUTH_SECRET?.trim();
  if (explicit) {
    if (explicit.length < 32) throw new Error('AUTH_SECRET quá ngắn: cần ít nhất 32 ký tự (ví dụ: openssl rand -base64 32).');
    return explicit;
  }
  if (env.NODE_ENV === 'production' && env.DATABASE_URL) {
    throw new Error(
      'Thiếu AUTH_SECRET: môi trường production với DATABASE_URL phải đặt AUTH_SECRET ' +
        '(tạo bằng `openssl rand -base64 32`), nếu không phiên đăng nhập không thể được ký an toàn.',
    );
  }
  return readOrCreateSecretFile(path.join(path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR ?? 'data'), 'auth-secret'));
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
