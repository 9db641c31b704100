import 'server-only';
import { getDailySalt } from '@/db/queries/visits';
import type { Executor } from '@/db/client';
import { env } from '@/lib/env';
import { AppError, errorResponse, toErrorResponse } from '@/lib/http/errors';
import { secondsUntilWindowEnds, windowStartOf } from '@/lib/rate-limit';
import { localDay } from '@/lib/time';
import { articleSlugFromPath, beaconBodySchema, MAX_BEACON_BYTES, referrerHost, type BeaconBody } from '@/lib/visits/beacon-body';
import { visitorHash, visitRateLimitKey } from '@/lib/visits/identity';
import { ownOrigins } from '@/lib/http/origin';
import { beaconSource, pixelPage } from '@/lib/visits/origin';
import { classifyRequest, type UncountedReason } from '@/lib/visits/request-filter';
import { VISIT_RATE_LIMIT } from '@/lib/visits/rules';
import { requestClientIp } from '@/server/http/request-client-ip';
import { recordPageviewInBatch } from '@/server/visits/pageview-batcher';

export type BeaconContext = {
  db: Executor;
  now?: Date;
  /** Mixed into the visitor hash so two portals on one database never share visitors. */
  site?: string;
};

/** Accepted and counted (or already counted under this event id): 202 once committed. */
const accepted = () => new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
/** Accepted but deliberately not counted (bot, prefetch, HEAD, staff preview, not a browser page): 204. */
const notCounted = (reason: UncountedReason) =>
  new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store', 'X-Visit-Not-Counted': reason } });
/** Sent by a page on another origin: refused, not counted. */
const crossSite = () => errorResponse('forbidden', 'Lượt xem chỉ được nhận từ các trang của chính trang báo này.');

function tooManyRequests(retryAfterSeconds: number): Response {
  const response = errorResponse(
    'too_many_requests',
    `Địa chỉ của bạn đã gửi quá ${VISIT_RATE_LIMIT.limit} lượt xem trong một phút; vui lòng thử lại sau ${retryAfterSeconds} giây.`,
  );
  response.headers.set('Retry-After', String(retryAfterSeconds));
  return response;
}

/** lib/env.ts has checked that SITE_URL, when set, is a full http(s) address. */
function siteName(siteUrl: string | undefined): string {
  return siteUrl ? new URL(siteUrl).hostname : 'localhost';
}

class BodyTooLarge extends Error {}

/** Reads at most `limit` bytes; a body that is longer (whatever Content-Length said) is refused. */
async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const tooLarge = () => new AppError('payload_too_large', `Dữ liệu gửi lên vượt quá ${MAX_BEACON_BYTES} byte.`);

/** Parses and validates a beacon body; throws the AppError (413, 400 or 422) to answer with. */
export async function parseBeaconBody(request: Request): Promise<BeaconBody> {
  const declared = request.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= MAX_BEACON_BYTES)) throw tooLarge();
  let bytes: Uint8Array;
  try {
    bytes = await readLimitedBody(request, MAX_BEACON_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw tooLarge();
    throw new AppError('bad_request', 'Không đọc được dữ liệu gửi lên.');
  }
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch {
    throw new AppError('bad_request', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
  const parsed = beaconBodySchema.safeParse(json);
  if (!parsed.success) throw new AppError('validation_failed', parsed.error.issues[0]?.message ?? 'Dữ liệu không hợp lệ.');
  return parsed.data;
}

/** The origins of our own pages for this request (lib/http/origin.ts). */
function ownOriginsOf(request: Request): Set<string> {
  return ownOrigins(request.url, request.headers, env().SITE_URL);
}

/**
 * Counts one pageview described by `body` for the client of `request`: 202
 * once committed, 429 (with Retry-After, nothing stored) when the client's
 * address is over VISIT_RATE_LIMIT. The limiter's counter is bumped in the
 * same statement as the pageview, which is written together with the beacons
 * that arrived meanwhile (server/visits/pageview-batcher.ts).
 */
export async function countVisit(request: Request, body: BeaconBody, ctx: BeaconContext): Promise<Response> {
  const now = ctx.now ?? new Date();
  try {
    const config = env();
    const site = ctx.site ?? siteName(config.SITE_URL);
    const salt = await getDailySalt(ctx.db, localDay(now));
    const ownHosts = [site, new URL(request.url).hostname];
    const ip = requestClientIp(request.headers);
    const outcome = await recordPageviewInBatch(ctx.db, {
      eventId: body.eventId.toLowerCase(),
      visitorHash: visitorHash(salt, site, ip, request.headers.get('user-agent') ?? ''),
      path: body.path,
      articleSlug: articleSlugFromPath(body.path),
      referrerHost: referrerHost(body.referrer, ownHosts),
      now,
      rateLimit: { key: visitRateLimitKey(salt, ip), windowStart: windowStartOf(now, VISIT_RATE_LIMIT.windowMs), limit: VISIT_RATE_LIMIT.limit },
    });
    if (outcome.limited) return tooManyRequests(secondsUntilWindowEnds(now, VISIT_RATE_LIMIT.windowMs));
    return accepted();
  } catch (error) {
    return toErrorResponse(error);
  }
}

/**
 * `POST /api/visits`. Filters first (cheap, header-only: bots and previews
 * 204, another origin 403, no Origin nor Sec-Fetch-Site 204), then validates
 * the body, then logs in one committed statement before answering 202.
 */
export async function handleVisitBeacon(request: Request, ctx: BeaconContext): Promise<Response> {
  const verdict = classifyRequest(request.method, request.headers);
  if (!verdict.count) return notCounted(verdict.reason);
  const source = beaconSource(request.headers, ownOriginsOf(request));
  if (source === 'cross_site') return crossSite();
  if (source === 'no_origin') return notCounted('no_origin');
  let body: BeaconBody;
  try {
    body = await parseBeaconBody(request);
  } catch (error) {
    return toErrorResponse(error);
  }
  return countVisit(request, body, ctx);
}

// A 1×1 transparent GIF for the <noscript> fallback.
const PIXEL = Uint8Array.from(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
function pixel(status: number, extra: Record<string, string> = {}): Response {
  return new Response(PIXEL, { status, headers: { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store, private', ...extra } });
}

/**
 * `GET /api/visits/pixel` for readers without JavaScript. The page is the
 * image request's same-origin Referer; without one (or from another site)
 * the image is served and nothing is counted. The event id is made up here,
 * so a reloaded pixel counts again like a reloaded page would; it shares the
 * beacon's per-address limit (429 with the image and Retry-After).
 */
export async function handleVisitPixel(request: Request, ctx: BeaconContext): Promise<Response> {
  const verdict = classifyRequest(request.method, request.headers);
  if (!verdict.count) return pixel(200, { 'X-Visit-Not-Counted': verdict.reason });
  const page = pixelPage(request.headers, ownOriginsOf(request));
  if ('reason' in page) return pixel(200, { 'X-Visit-Not-Counted': page.reason });
  const parsed = beaconBodySchema.safeParse({ path: page.path, eventId: crypto.randomUUID() });
  if (!parsed.success) return pixel(200, { 'X-Visit-Not-Counted': 'not_public_path' });
  const response = await countVisit(request, parsed.data, ctx);
  if (response.status === 202) return pixel(200);
  if (response.status === 429) {
    return pixel(429, { 'X-Visit-Not-Counted': 'rate_limited', 'Retry-After': response.headers.get('retry-after') ?? '60' });
  }
  return pixel(response.status);
}
