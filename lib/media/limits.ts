import type { RateLimit } from '@/lib/rate-limit';

/** Uploads one newsroom member may start in a window, counted in Postgres across instances. */
export const UPLOAD_RATE_LIMIT: RateLimit = { limit: 30, windowMs: 10 * 60_000 };

/**
 * The largest file an upload may be: a camera's full-size JPEG (a 45-Mpx
 * body at fine quality is 25–35 MB). It is re-encoded and downscaled, so
 * what is stored is a small fraction of it.
 */
export const MAX_UPLOAD_MB = 40;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
/**
 * The whole multipart request: the file plus its form framing and the text
 * fields. deploy/nginx/toa-soan.conf lets exactly this much through to the
 * upload route (`client_max_body_size 41m`, tests/unit/media-upload-limits.test.ts).
 */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

/** The longest side of a stored image: larger uploads are scaled down to it, never refused for their size in pixels. */
export const MAX_STORED_SIDE = 2560;

/** The words of an image, in characters (lib/validation/media.ts; the forms' maxLength). */
export const MEDIA_CAPTION_MAX = 500;
export const MEDIA_ALT_MAX = 300;
export const MEDIA_CREDIT_MAX = 200;

/** The refusal of a file over MAX_UPLOAD_BYTES (413), the same words from the route, the processing and the page. */
export const UPLOAD_TOO_LARGE_MESSAGE = `Ảnh vượt quá giới hạn ${MAX_UPLOAD_MB} MB. Hãy chọn ảnh nhỏ hơn.`;

/**
 * Image processing in one server process: one decode at a time (sharp's
 * libvips work runs on libuv's thread pool, which file and DNS I/O share),
 * a few more waiting, the rest refused with 429.
 */
export const IMAGE_PROCESSING = { concurrency: 1, maxWaiting: 4, retryAfterSeconds: 10 } as const;

/**
 * Crops made on a reader's first request (server/media/crops.ts): a queue of
 * their own, so a burst of crawler requests never refuses a journalist's
 * upload. Each crop is made once and stored, so the work is bounded anyway.
 */
export const CROP_PROCESSING = { concurrency: 1, maxWaiting: 8, retryAfterSeconds: 5 } as const;
