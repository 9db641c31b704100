import { expect, test } from '@playwright/test';
import { loadCorpus } from '../tests/support/corpus';

/** Percent-encodes every UTF-8 byte; lone surrogates become U+FFFD as any browser would send them. */
function encodeForUrl(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}

const corpus = loadCorpus('sqli-and-bad-input.txt');

test('every bad-input string through the search page and API gets a normal page or a clear 4xx', async ({ request }) => {
  for (const line of corpus) {
    const page = await request.get(`/tim-kiem?q=${encodeForUrl(line)}`);
    expect(page.status(), `search page for ${JSON.stringify(line)}`).toBe(200);

    const api = await request.get(`/api/search?q=${encodeForUrl(line)}`);
    expect([200, 400], `search API for ${JSON.stringify(line)}`).toContain(api.status());
    const body = await api.json();
    if (api.status() === 400) expect(body).toEqual({ code: 'bad_request', message: expect.any(String) });
    else expect(Array.isArray(body.items)).toBe(true);
  }
});

test('every bad-input string as an article slug or page number is a 4xx, never a 5xx', async ({ request }) => {
  for (const line of corpus) {
    const encoded = encodeForUrl(line).slice(0, 6000);
    for (const path of [`/bai-viet/${encoded}`, `/chuyen-muc/kinh-te/trang/${encoded}`]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), `${path} for ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(300);
      expect(response.status(), `${path} for ${JSON.stringify(line)}`).toBeLessThan(500);
    }
  }
});
