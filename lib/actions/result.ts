import { z } from 'zod';
import { AppError, validationMessage, type ErrorCode } from '@/lib/http/errors';

/**
 * What an admin server action returns. Errors travel as values: Next hides
 * thrown errors' messages in production, and forms need the Vietnamese text.
 */
export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[] | undefined> };

/** Runs an action body; AppError and zod errors become `{ ok: false, code, message }`, anything else is a real bug and is rethrown. */
export async function runAction<T>(body: () => Promise<T>, successMessage?: string): Promise<ActionResult<T>> {
  try {
    const data = await body();
    return successMessage ? { ok: true, data, message: successMessage } : { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
    if (error instanceof z.ZodError) {
      return { ok: false, code: 'validation_failed', message: validationMessage(error), fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[] | undefined> };
    }
    throw error;
  }
}
