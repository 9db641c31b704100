import type { RateLimit } from '@/lib/rate-limit';

/** Uploads one newsroom member may start in a window, counted in Postgres across instances. */
export const UPLOAD_RATE_LIMIT: RateLimit = { limit: 30, windowMs: 10 * 60_000 };

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
