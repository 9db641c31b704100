import { AppError, errorResponse, toErrorResponse } from '@/lib/http/errors';
import { MEDIA_KEY_PATTERN } from '@/lib/media/keys';
import { CROP_PROCESSING } from '@/lib/media/limits';
import { MEDIA_CSP } from '@/lib/security/headers.mjs';
import { currentCropUrl, readMediaFile } from '@/server/media/crops';

type Ctx = { params: Promise<{ key: string[] }> };

/**
 * Uploaded images, and the crops made from them on first request. Keys are
 * random and never reused, and a crop is a fixed function of its original
 * and of the focal point its name carries, so a year of caching is safe.
 * A crop of a focal point the image no longer has (the admin moved it; a
 * page or a share made before still links it) is sent on to the current
 * crop with a short-lived 307, never served stale. nosniff + a CSP that
 * allows nothing keep a crafted file from ever being run as a page, even
 * opened directly.
 * next.config.mjs sends the same policy for /media (lib/security/headers.mjs):
 * config headers replace a route's own.
 */
export async function GET(_request: Request, { params }: Ctx) {
  try {
    const key = (await params).key.join('/');
    if (!MEDIA_KEY_PATTERN.test(key)) return errorResponse('not_found', 'Không tìm thấy ảnh.');
    const file = await readMediaFile(key);
    if (!file) {
      const moved = await currentCropUrl(key);
      if (!moved) return errorResponse('not_found', 'Không tìm thấy ảnh.');
      // Temporary and short: the point may move again, and this answer must not outlive that.
      return new Response(null, { status: 307, headers: { Location: moved, 'Cache-Control': 'public, max-age=60' } });
    }
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
