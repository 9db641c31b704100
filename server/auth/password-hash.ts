import 'server-only';
import crypto from 'node:crypto';
import os from 'node:os';
import { hash, verify } from '@node-rs/bcrypt';
import { BCRYPT_COST } from '@/lib/auth/password-policy';

/**
 * The one place passwords are hashed and checked. @node-rs/bcrypt runs each
 * hash on the libuv thread pool, so a quarter of a second of bcrypt never
 * holds the event loop (bcryptjs did: 40 failed sign-ins stalled every
 * page). It reads the $2a$/$2b$ hashes bcryptjs wrote, so stored passwords
 * need no migration.
 *
 * At most `MAX_CONCURRENT_HASHES` run at once, the rest queue: the pool has 4
 * threads shared with file and DNS work, and the event loop needs a core.
 */
export const MAX_CONCURRENT_HASHES = Math.max(1, Math.min(3, os.availableParallelism() - 1));

let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/** A bcrypt hash of `password` at BCRYPT_COST. */
export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, BCRYPT_COST));
}

/** Whether `password` matches `passwordHash`; a malformed hash matches nothing. */
export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  try {
    return await limited(() => verify(password, passwordHash));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password at BCRYPT_COST, made once per process on first
 * use: checked against when the email is unknown, so that answer costs as much
 * as a real account's (and no fixed string in the source says which one it is).
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(crypto.randomBytes(24).toString('base64url')).catch((error: unknown) => {
    dummy = undefined;
    throw error;
  });
  return dummy;
}
