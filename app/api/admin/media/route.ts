import { z } from 'zod';
import { listMedia } from '@/db/queries/media';
import { adminRoute } from '@/server/http/admin-route';
import { AppError } from '@/lib/http/errors';
import { MAX_UPLOAD_BYTES } from '@/server/media/process';
import { uploadImage } from '@/server/media/upload';

const fieldsSchema = z
  .object({
    caption: z.string().trim().max(500, 'Chú thích tối đa 500 ký tự.').default(''),
    alt: z.string().trim().max(300, 'Mô tả ảnh tối đa 300 ký tự.').default(''),
  })
  .strict();

/** Upload one image (multipart: file, caption, alt). Any signed-in newsroom member. */
export async function POST(request: Request) {
  return adminRoute(request, async (user) => {
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
  });
}

/** The library for the editor's picker: GET ?q=&before=. */
export async function GET(request: Request) {
  return adminRoute(request, async () => {
    const url = new URL(request.url);
    const q = (url.searchParams.get('q') ?? '').slice(0, 200);
    const before = Number(url.searchParams.get('before'));
    return Response.json(await listMedia({ q, before: Number.isInteger(before) && before > 0 ? before : undefined }));
  });
}

function tooLarge() {
  return new AppError('payload_too_large', 'Ảnh vượt quá giới hạn 10 MB. Hãy chọn ảnh nhỏ hơn.');
}
