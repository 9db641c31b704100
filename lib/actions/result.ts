import { z } from 'zod';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/database-errors';
import { AppError, httpStatusOf, validationMessage, type ErrorCode } from '@/lib/http/errors';

/**
 * The one answer of every admin server action and of the admin route handlers
 * that stand in for one (the editor's save endpoint). Errors travel as values:
 * Next hides thrown errors' messages in production, and forms need the
 * Vietnamese text. `details` carries what a failure needs to be shown (the
 * server's version in a 409 conflict).
 */
export type ActionResult<T = null> = ActionSuccess<T> | ActionFailure;
export type ActionSuccess<T> = { ok: true; data: T; message?: string };
export type ActionFailure = {
  ok: false;
  code: ErrorCode;
  message: string;
  details?: unknown;
  fieldErrors?: Record<string, string[] | undefined>;
};

/** Expected failures (AppError, zod) become values; anything else is a real bug (or Next's redirect) and is rethrown. */
export function failureOf(error: unknown): ActionFailure {
  if (error instanceof AppError) {
    return error.details === undefined
      ? { ok: false, code: error.code, message: error.message }
      : { ok: false, code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof z.ZodError) {
    return {
      ok: false,
      code: 'validation_failed',
      message: validationMessage(error),
      fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[] | undefined>,
    };
  }
  // A restart or outage of the database: a clear failure the editor retries (its local copy stays), not a 500.
  if (isDatabaseUnavailable(error)) return { ok: false, code: 'service_unavailable', message: DATABASE_UNAVAILABLE_MESSAGE };
  throw error;
}

/** A route handler's answer in the same shape as an action's, with the failure's HTTP status. */
export function actionResponse<T>(result: ActionResult<T>): Response {
  return Response.json(result, { status: result.ok ? 200 : httpStatusOf(result.code), headers: { 'Cache-Control': 'no-store' } });
}
