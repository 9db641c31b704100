import 'server-only';
import { noteRequestUser } from '@/lib/observability-hooks.mjs';
import { actionResponse, failureOf } from '@/lib/actions/result';
import { requireUser, type SessionUser } from '@/server/auth/session';
import { AppError, toErrorResponse } from '@/lib/http/errors';
import { env } from '@/lib/env';
import { assertSameOrigin } from '@/lib/http/origin';
import { parseIdString } from '@/lib/validation/params';

/**
 * The frame of every admin route handler: same-origin check for writes,
 * then 401 for anonymous; the handler checks 404/403 for its own target.
 * Every failure is an ActionFailure (`{ok: false, code, message}`, the shape
 * admin actions answer) with its HTTP status; nothing is cached.
 */
export async function adminRoute(request: Request, handler: (user: SessionUser) => Promise<Response>): Promise<Response> {
  try {
    assertSameOrigin(request, env().SITE_URL);
    const user = await requireUser();
    noteRequestUser(user.id);
    const response = await handler(user);
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  } catch (error) {
    try {
      return actionResponse(failureOf(error));
    } catch (unexpected) {
      return toErrorResponse(unexpected);
    }
  }
}

/** An article id from the path: digits within int4, anything else 404 (lib/validation/params.ts). */
export function parseIdParam(value: string): number {
  const id = parseIdString(value);
  if (id === null) throw new AppError('not_found', 'Không tìm thấy bài viết.');
  return id;
}

export async function readJson(request: Request, maxBytes = 4 * 1024 * 1024): Promise<unknown> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > maxBytes) throw new AppError('payload_too_large', 'Nội dung gửi lên quá lớn.');
  const text = await request.text();
  if (text.length > maxBytes) throw new AppError('payload_too_large', 'Nội dung gửi lên quá lớn.');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
}
