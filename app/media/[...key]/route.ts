import { AppError, errorResponse, toErrorResponse } from '@/lib/http/errors';
import { MEDIA_KEY_PATTERN } from '@/lib/media/keys';
import { CROP_PROCESSING } from '@/lib/media/limits';
import { MEDIA_CSP } from '@/lib/security/headers.mjs';
import { readMediaFile } from '@/server/media/crops';

type Ctx = { params: Promise<{ key: string[] }> };

/**
 * Uploaded images, and the crops made from them on first request. Keys are
 * random and never reused, and a crop is a fixed function of its original,
 * so a year of caching is safe. nosniff + a CSP that allows nothing keep a
 * crafted file from ever being run as a page, even opened directly.
 * next.config.mjs sends the same policy for /media (lib/security/headers.mjs):
 * config headers replace a route's own.
 */
export async function GET(_request: Request, { params }: Ctx) {
  try {
    const key = (await params).key.join('/');
    if (!MEDIA_KEY_PATTERN.test(key)) return errorResponse('not_found', 'Không tìm thấy ảnh.');
    const file = await readMediaFile(key);
    if (!file) return errorResponse('not_found', 'Không tìm thấy ảnh.');
    return new Response(new Uint8Array(file.data), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(file.data.length),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': MEDIA_CSP,
        'Cross-Origin-Resource-Policy': 'same-site',
        'Cache-Control': 'public, max-age=31536000, immutable',
      },
    });
  } catch (error) {
    const response = toErrorResponse(error);
    // A crop waiting for a full queue: the client may simply ask again.
    if (error instanceof AppError && error.code === 'too_many_requests') response.headers.set('Retry-After', String(CROP_PROCESSING.retryAfterSeconds));
    return response;
  }
}
