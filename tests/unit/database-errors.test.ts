import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@/lib/database-errors';
import { databaseUnavailableRecently, noteDatabaseUnavailable, OUTAGE_WINDOW_MS, DATABASE_UNAVAILABLE_AT } from '@/lib/database-outage-hook.mjs';
import { toErrorResponse } from '@/lib/http/errors';
import { failureOf } from '@/lib/actions/result';

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });
/** As drizzle throws it: its own error, the driver's as the cause. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isDatabaseUnavailable', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT', '57P01', '57P03', '08006', '57014', '53300'])(
    'is true for %s, also wrapped by drizzle',
    (code) => {
      expect(isDatabaseUnavailable(withCode(code))).toBe(true);
      expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(true);
    },
  );

  it('is true for a refused connection to every address of a name (AggregateError)', () => {
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED'), new Error('bug')], 'connect'))).toBe(false);
  });

  it('is false for a bug or bad data: unique violation, syntax error, a plain Error, nothing', () => {
    expect(isDatabaseUnavailable(withCode('23505'))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(withCode('42601')))).toBe(false);
    expect(isDatabaseUnavailable(new Error('ECONNREFUSED in a message only'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('does not loop on a cause that points at itself', () => {
    const loop: Error & { cause?: unknown } = new Error('loop');
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});

describe('answers while the database is away', () => {
  it('a route handler answers 503 with Retry-After and a Vietnamese message, not 500', async () => {
    const original = console.warn;
    console.warn = () => {};
    try {
      const response = toErrorResponse(wrapped(withCode('ECONNREFUSED')));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toEqual({ code: 'service_unavailable', message: 'Hệ thống đang tạm mất kết nối tới cơ sở dữ liệu. Vui lòng thử lại sau ít giây.' });
    } finally {
      console.warn = original;
    }
  });

  it('an action returns a service_unavailable failure the editor can retry', () => {
    expect(failureOf(withCode('57P01'))).toMatchObject({ ok: false, code: 'service_unavailable' });
    expect(() => failureOf(new Error('bug'))).toThrow('bug');
  });
});

describe('the outage note', () => {
  it('holds for OUTAGE_WINDOW_MS after the last failure', () => {
    const global = globalThis as Record<symbol, unknown>;
    try {
      expect(databaseUnavailableRecently()).toBe(false);
      noteDatabaseUnavailable(1_000);
      expect(databaseUnavailableRecently(1_000 + OUTAGE_WINDOW_MS)).toBe(true);
      expect(databaseUnavailableRecently(1_001 + OUTAGE_WINDOW_MS)).toBe(false);
    } finally {
      delete global[DATABASE_UNAVAILABLE_AT];
    }
  });
});
