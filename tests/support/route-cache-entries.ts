// Values shaped as Next hands them to the route cache handler (`set(key, data, ctx)`), shared by
// the file-store and Redis-store tests: an app page with its Buffer and Map fields, and a data
// (`unstable_cache`) entry.
export const pageKey = (p: string) => `/route-cache/APP_PAGE/0123abcd/$${p}`;
export const pageCtx = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false };
export const setPageCtx = { ...pageCtx, cacheControl: { revalidate: 60, expire: 31_536_000 } };

export function page(status: number, slug: string) {
  return {
    kind: 'APP_PAGE',
    html: `<html lang="vi"><body>${slug} ${status}</body></html>`,
    rscData: Buffer.from(`rsc ${slug}`),
    headers: { 'x-next-cache-tags': `_N_T_/bai-viet/${slug},article:${slug},articles` },
    status,
    postponed: undefined,
    segmentData: new Map([
      ['/_tree', Buffer.from('tree')],
      ['/_full', Buffer.from('full')],
    ]),
  };
}

export function data(result: unknown, revalidate = 60) {
  return { kind: 'FETCH', data: { headers: {}, body: JSON.stringify(result), status: 200, url: '' }, revalidate };
}
