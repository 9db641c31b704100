import { z } from 'zod';
import { listMedia } from '@/db/queries/media';
import { actionResponse, failureOf } from '@/lib/actions/result';
import { AppError } from '@/lib/http/errors';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_REQUEST_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from '@/lib/media/limits';
import { uploadFieldsSchema } from '@/lib/validation/media';
import { idQueryParam, searchQueryParam } from '@/lib/validation/params';
import { adminRoute } from '@/server/http/admin-route';
import { readUploadForm } from '@/server/media/upload-request';
import { takeUploadAllowance, uploadImage } from '@/server/media/upload';

/** `?q=&before=` of the library; other keys (a cache buster) are ignored. */
const listQuerySchema = z.object({
  q: searchQueryParam(200, 'Từ khóa tìm ảnh không được chứa ký tự điều khiển.'),
  before: idQueryParam('Vị trí trang ảnh không hợp lệ.'),
});

/**
 * Upload one image (multipart: file, caption, alt, credit), up to
 * MAX_UPLOAD_BYTES (a camera's full-size file; stored downscaled). Any
 * signed-in newsroom member, at most UPLOAD_RATE_LIMIT per member; 429 with
 * Retry-After over that limit or while the server's image queue is full; 413
 * `{code, message}` in Vietnamese for a file over the limit. The library page
 * sends each file of a batch as its own request (upload progress per file).
 */
export async function POST(request: Request) {
  return adminRoute(request, async (user) =>
    withRetryAfter(async () => {
      await takeUploadAllowance(user);
      const form = await readUploadForm(request, MAX_UPLOAD_REQUEST_BYTES);
      const file = form.get('file');
      if (!(file instanceof File)) throw new AppError('validation_failed', 'Hãy chọn một tệp ảnh.');
      if (file.size > MAX_UPLOAD_BYTES) throw new AppError('payload_too_large', UPLOAD_TOO_LARGE_MESSAGE);
      const fields = uploadFieldsSchema.parse({
        caption: form.get('caption') ?? undefined,
        alt: form.get('alt') ?? undefined,
        credit: form.get('credit') ?? undefined,
      });
      const media = await uploadImage(user, { data: Buffer.from(await file.arrayBuffer()), ...fields });
      return Response.json(media, { status: 201 });
    }),
  );
}

/** The library for the editor's picker: GET ?q=&before=. */
export async function GET(request: Request) {
  return adminRoute(request, async () => {
    const query = listQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await listMedia(query));
  });
}

/** A 429 (rate limit, full queue) answers like any failure, plus the Retry-After its details carry. */
async function withRetryAfter(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    const retryAfter = error instanceof AppError && error.code === 'too_many_requests' ? (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds : undefined;
    if (typeof retryAfter !== 'number') throw error;
    const response = actionResponse(failureOf(error));
    response.headers.set('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    return response;
  }
}
