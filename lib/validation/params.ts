import { z } from 'zod';

/** The largest value of a Postgres `integer` (every id column): anything above fails in SQL (22003). */
export const INT4_MAX = 2_147_483_647;

/**
 * A row id as it arrives in a URL (path segment or query value): decimal
 * digits, no sign, no leading zero, at most INT4_MAX. Anything else is null,
 * so "1e3", " 7", "0x10" or "2147483648" can never reach a query.
 */
export function parseIdString(value: string | null | undefined): number | null {
  if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= INT4_MAX ? id : null;
}

/** C0 and C1 control characters, NUL included: Postgres refuses NUL in text (22021), and none belongs in a search. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** A query value holding an id, for `z.object` over URLSearchParams: absent or empty is undefined. */
export const idQueryParam = (message: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      const id = parseIdString(value);
      if (id === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return id;
    });

/** The search words of an admin list: at most `max` characters (longer input is cut, as the field's own limit), no control characters. */
export const searchQueryParam = (max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? '').slice(0, max))
    .refine((value) => !CONTROL_CHARACTERS.test(value), message);
