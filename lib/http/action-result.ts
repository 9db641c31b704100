import { z } from 'zod';
import { AppError, validationMessage, type ErrorCode } from './errors';

/**
 * What an editorial server action answers, in the admin's common shape
 * (`{ ok: false, code, message }`, see lib/actions/result.ts) plus `details`:
 * the editor needs the server's version to show a 409 conflict side by side.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; details?: unknown; fieldErrors?: Record<string, string[] | undefined> };

/** Expected failures become values; anything else is a real bug and is rethrown (Next logs it). */
export function actionError(error: unknown): ActionResult<never> {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, details: error.details };
  if (error instanceof z.ZodError) {
    return {
      ok: false,
      code: 'validation_failed',
      message: validationMessage(error),
      fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[] | undefined>,
    };
  }
  throw error;
}
