import { z } from 'zod';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../database-errors';
// Every zod message in Vietnamese, for every schema parsed in a process that answers errors.
import '../validation/vietnamese-errors';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation_failed'
  | 'too_many_requests'
  | 'insufficient_storage'
  | 'service_unavailable';

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  too_many_requests: 429,
  insufficient_storage: 507,
  service_unavailable: 503,
};

export function httpStatusOf(code: ErrorCode): number {
  return statusOf[code];
}

/** The one error type of the app; route handlers turn it into `{code, message}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get status() {
    return httpStatusOf(this.code);
  }
}

export function errorResponse(code: ErrorCode, message: string, details?: unknown): Response {
  return Response.json(details === undefined ? { code, message } : { code, message, details }, {
    status: statusOf[code],
    headers: { 'Cache-Control': 'no-store' },
  });
}

export function validationMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Dữ liệu không hợp lệ.';
}

/** Maps anything thrown in a route handler to a JSON answer; unknown errors are logged, never leaked. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorResponse(error.code, error.message, error.details);
  if (error instanceof z.ZodError) return errorResponse('validation_failed', validationMessage(error), z.flattenError(error));
  // The database is restarting or unreachable: 503, nothing was stored, try again in a few seconds.
  if (isDatabaseUnavailable(error)) {
    console.warn('[db] không dùng được cơ sở dữ liệu:', error instanceof Error ? error.message : error);
    const response = errorResponse('service_unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    response.headers.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    return response;
  }
  console.error(error);
  return Response.json({ code: 'internal', message: 'Đã có lỗi xảy ra, vui lòng thử lại sau.' }, { status: 500 });
}
