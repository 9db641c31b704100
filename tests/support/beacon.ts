/** A Chrome user agent, which isbot takes for a reader (Playwright's own says "HeadlessChrome"). */
export const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

/**
 * A visit beacon as a reader's browser sends it from one of the site's pages (`siteUrl`), posted
 * to `base` (an instance, or the site itself). The sender is the proxy the instance trusts
 * (TRUSTED_PROXIES=127.0.0.1), so `readerAddress` is the reader's address as that proxy would say it.
 */
export function sendBeacon(base: string, { siteUrl, readerAddress, path, eventId }: { siteUrl: string; readerAddress: string; path: string; eventId: string }): Promise<Response> {
  return fetch(`${base}/api/visits`, {
    method: 'POST',
    headers: {
      'content-type': 'text/plain;charset=UTF-8',
      origin: siteUrl,
      'sec-fetch-site': 'same-origin',
      'user-agent': CHROME_UA,
      'x-forwarded-for': readerAddress,
    },
    body: JSON.stringify({ path, referrer: null, eventId }),
  });
}
