import 'server-only';
import { AppError } from '@/lib/http/errors';
import { UPLOAD_TOO_LARGE_MESSAGE } from '@/lib/media/limits';

/**
 * The multipart form of an upload, read while counting: a request whose
 * Content-Length says more than `maxBytes` is refused (413) before a byte of
 * it is read, and one that sends more than it said, or no length at all
 * (chunked), is cut off as soon as it passes `maxBytes`, so a body of any
 * size never sits in memory whole.
 */
export async function readUploadForm(request: Request, maxBytes: number): Promise<FormData> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw new AppError('payload_too_large', UPLOAD_TOO_LARGE_MESSAGE);
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type) || !request.body) throw new AppError('bad_request', 'Hãy gửi ảnh dưới dạng multipart/form-data.');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError('payload_too_large', UPLOAD_TOO_LARGE_MESSAGE);
    }
    chunks.push(value);
  }
  const body = Buffer.concat(chunks, total);
  chunks.length = 0;
  try {
    return await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new AppError('bad_request', 'Hãy gửi ảnh dưới dạng multipart/form-data.');
  }
}
