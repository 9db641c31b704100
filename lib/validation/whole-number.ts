import { z } from 'zod';
import { formatViInteger, parseViInteger } from '@/lib/numbers';

/**
 * A whole number from a form: a JSON number, or text as Vietnamese staff write it
 * ("1.784.275", lib/numbers.ts). Out of range or unreadable gets a message in Vietnamese.
 */
export function wholeNumberInput(label: string, min: number, max: number) {
  return z.union([z.number(), z.string()]).transform((value, ctx) => {
    const n = typeof value === 'number' ? value : parseViInteger(value);
    if (n === null || !Number.isInteger(n)) {
      ctx.addIssue({ code: 'custom', message: `${label} phải là một số nguyên, ví dụ ${formatViInteger(1784275)}.` });
      return z.NEVER;
    }
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${label} phải từ ${formatViInteger(min)} đến ${formatViInteger(max)}.` });
      return z.NEVER;
    }
    return n;
  });
}
