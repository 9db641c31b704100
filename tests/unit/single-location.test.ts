import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepSingleLocation } from '../../scripts/single-location.mjs';

describe('keepSingleLocation', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      keepSingleLocation(res);
      res.statusCode = 308;
      res.setHeader('location', '/moi');
      // What Next does on a first render: the same header appended from its cache metadata.
      res.appendHeader('location', '/moi');
      res.appendHeader('set-cookie', 'a=1');
      res.appendHeader('set-cookie', 'b=2');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends one Location value, and leaves other repeated headers alone', async () => {
    const response = await fetch(`${base}/cu`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/moi');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });
});
