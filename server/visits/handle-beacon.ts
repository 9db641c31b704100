import 'server-only';
import { getDailySalt, recordPageview } from '@/db/queries/visits';
import type { Executor } from '@/db/client';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/http/client-ip';
import { AppError, toErrorResponse } from '@/lib/http/errors';
import { localDay } from '@/lib/time';
import { articleSlugFromPath, beaconBodySchema, MAX_BEACON_BYTES, referrerHost, type BeaconBody } from '@/lib/visits/beacon-body';
import { visitorHash } from '@/lib/visits/identity';
import { classifyRequest, type UncountedReason } from '@/lib/visits/request-filter';

export type BeaconContext = {
  db: Executor;
  now?: Date;
  /** Mixed into the visitor hash so two portals on one database never share visitors. */
  site?: string;
};

/** Accepted and counted (or already counted under this event id): 202 once committed. */
const accepted = () => new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
/** Accepted but deliberately not counted (bot, prefetch, HEAD, staff preview): 204. */
const notCounted = (reason: UncountedReason) =>
  new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store', 'X-Visit-Not-Counted': reason } });

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

/** Counts one pageview described by `body` for the client of `request`. */
export async function countVisit(request: Request, body: BeaconBody, ctx: BeaconContext): Promise<Response> {
  const now = ctx.now ?? new Date();
  try {
    const config = env();
    const site = ctx.site ?? siteName(config.SITE_URL);
    const salt = await getDailySalt(ctx.db, localDay(now));
    const ownHosts = [site, new URL(request.url).hostname];
    await recordPageview(ctx.db, {
      eventId: body.eventId.toLowerCase(),
      visitorHash: visitorHash(salt, site, clientIp(request.headers, config.TRUSTED_PROXY_HOPS), request.headers.get('user-agent') ?? ''),
      path: body.path,
      articleSlug: articleSlugFromPath(body.path),
      referrerHost: referrerHost(body.referrer, ownHosts),
      now,
    });
    return accepted();
  } catch (error) {
    return toErrorResponse(error);
  }
}

/**
 * `POST /api/visits`. Filters first (cheap, header-only), then validates the
 * body, then logs in one committed statement before answering 202.
 */
export async function handleVisitBeacon(request: Request, ctx: BeaconContext): Promise<Response> {
  const verdict = classifyRequest(request.method, request.headers);
  if (!verdict.count) return notCounted(verdict.reason);
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
const pixel = (status: number) =>
  new Response(PIXEL, { status, headers: { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store, private' } });

/**
 * `GET /api/visits/pixel` for readers without JavaScript. The page is the
 * image request's same-origin Referer; the event id is made up here, so a
 * reloaded pixel counts again like a reloaded page would.
 */
export async function handleVisitPixel(request: Request, ctx: BeaconContext): Promise<Response> {
  const verdict = classifyRequest(request.method, request.headers);
  if (!verdict.count) return pixel(200);
  const page = request.headers.get('referer');
  const own = new URL(request.url);
  let path: string | null = null;
  try {
    const ref = page ? new URL(page) : null;
    if (ref && ref.host === own.host) path = ref.pathname;
  } catch {
    path = null;
  }
  const parsed = beaconBodySchema.safeParse({ path, eventId: crypto.randomUUID() });
  if (!parsed.success) return pixel(200);
  const response = await countVisit(request, parsed.data, ctx);
  return pixel(response.status === 202 ? 200 : response.status);
}
