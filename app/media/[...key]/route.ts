import { errorResponse, toErrorResponse } from '@/lib/http/errors';
import { MEDIA_CSP } from '@/lib/security/headers.mjs';
import { getMediaStorage, MEDIA_KEY_PATTERN } from '@/server/media/storage';

type Ctx = { params: Promise<{ key: string[] }> };

/**
 * Uploaded images. Keys are random and never reused, so a year of caching is
 * safe. nosniff + a CSP that allows nothing keep a crafted file from ever
 * being run as a page, even opened directly. next.config.mjs sends the same
 * policy for /media (lib/security/headers.mjs): config headers replace a route's own.
 */
export async function GET(_request: Request, { params }: Ctx) {
  try {
    const key = (await params).key.join('/');
    if (!MEDIA_KEY_PATTERN.test(key)) return errorResponse('not_found', 'Không tìm thấy ảnh.');
    const file = await getMediaStorage().get(key);
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
    return toErrorResponse(error);
  }
}
