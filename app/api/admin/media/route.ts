import { z } from 'zod';
import { listMedia } from '@/db/queries/media';
import { actionResponse, failureOf } from '@/lib/actions/result';
import { AppError } from '@/lib/http/errors';
import { idQueryParam, searchQueryParam } from '@/lib/validation/params';
import { adminRoute } from '@/server/http/admin-route';
import { MAX_UPLOAD_BYTES } from '@/server/media/process';
import { takeUploadAllowance, uploadImage } from '@/server/media/upload';

const fieldsSchema = z
  .object({
    caption: z.string().trim().max(500, 'Chú thích tối đa 500 ký tự.').default(''),
    alt: z.string().trim().max(300, 'Mô tả ảnh tối đa 300 ký tự.').default(''),
  })
  .strict();

/** `?q=&before=` of the library; other keys (a cache buster) are ignored. */
const listQuerySchema = z.object({
  q: searchQueryParam(200, 'Từ khóa tìm ảnh không được chứa ký tự điều khiển.'),
  before: idQueryParam('Vị trí trang ảnh không hợp lệ.'),
});

/**
 * Upload one image (multipart: file, caption, alt). Any signed-in newsroom
 * member, at most UPLOAD_RATE_LIMIT per member; 429 with Retry-After over
 * that limit or while the server's image queue is full.
 */
export async function POST(request: Request) {
  return adminRoute(request, async (user) =>
    withRetryAfter(async () => {
      await takeUploadAllowance(user);
      // Refuse early from the header; the file size is checked again below (the header can lie).
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > MAX_UPLOAD_BYTES + 64 * 1024) throw tooLarge();
      let form: FormData;
      try {
        form = await request.formData();
      } catch {
        throw new AppError('bad_request', 'Hãy gửi ảnh dưới dạng multipart/form-data.');
      }
      const file = form.get('file');
      if (!(file instanceof File)) throw new AppError('validation_failed', 'Hãy chọn một tệp ảnh.');
      if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
      const fields = fieldsSchema.parse({
        caption: form.get('caption') ?? undefined,
        alt: form.get('alt') ?? undefined,
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

function tooLarge() {
  return new AppError('payload_too_large', 'Ảnh vượt quá giới hạn 10 MB. Hãy chọn ảnh nhỏ hơn.');
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
