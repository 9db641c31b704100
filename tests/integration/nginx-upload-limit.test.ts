/**
 * The shipped deploy/nginx/toa-soan.conf lets a camera file through to the
 * upload route and answers anything larger with the app's own 413 shape, in
 * Vietnamese, without the app ever seeing it. Debian's nginx on loopback in
 * front of a tiny Node server that counts the bytes it receives. Skipped,
 * with a message, where nginx is not installed; .ci/run installs it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_REQUEST_BYTES } from '@/lib/media/limits';
import { prepareNginx, SERVER_NAME, skipWithoutNginx, type TestNginx } from '../support/nginx';

type Answer = { status: number; contentType: string; body: string };

describe.skipIf(skipWithoutNginx('nginx-upload-limit.test'))('the upload size limit of deploy/nginx/toa-soan.conf', () => {
  let backend: http.Server;
  let nginx: TestNginx;
  const reached: { path: string; bytes: number }[] = [];

  beforeAll(async () => {
    backend = http.createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        reached.push({ path: req.url ?? '', bytes });
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'private, no-store');
        res.end(JSON.stringify({ bytes }));
      });
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const backendPort = (backend.address() as AddressInfo).port;
    nginx = await prepareNginx({ prefixName: 'toa-soan-nginx-upload-', masterProcess: false, workerConnections: 64 });
    const site = nginx.rewriteShippedConfig((config) => config.replace(/^(\s*)server 127\.0\.0\.1:300\d\b/gm, `$1server 127.0.0.1:${backendPort}`));
    await nginx.start(site);
  }, 30_000);

  afterAll(async () => {
    await nginx?.stop();
    await new Promise((resolve) => backend?.close(resolve));
  });

  it('passes a 40 MB upload, with its form framing, through to the app', async () => {
    const size = MAX_UPLOAD_BYTES + 200 * 1024;
    const answer = await post('/api/admin/media', size);
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ bytes: size });
    expect(reached.at(-1)).toEqual({ path: '/api/admin/media', bytes: size });
  });

  it('answers a larger upload itself with 413 in the app’s shape and words, and the app never sees it', async () => {
    const before = reached.length;
    const answer = await post('/api/admin/media', MAX_UPLOAD_REQUEST_BYTES + 1);
    expect(answer.status).toBe(413);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, code: 'payload_too_large', message: 'Ảnh vượt quá giới hạn 40 MB. Hãy chọn ảnh nhỏ hơn.' });
    expect(reached.length).toBe(before);
    // A browser sends the body straight away (no Expect): nginx still answers the same, once it has read and dropped it.
    const sentAnyway = await post('/api/admin/media', MAX_UPLOAD_REQUEST_BYTES + 1, { waitForContinue: false });
    expect([sentAnyway.status, JSON.parse(sentAnyway.body).code]).toEqual([413, 'payload_too_large']);
    expect(reached.length).toBe(before);
  });

  it('keeps the small limit everywhere else', async () => {
    const answer = await post('/api/admin/bai-viet/1', 12 * 1024 * 1024);
    expect(answer.status).toBe(413);
  });

  /** POSTs `size` bytes; by default the body goes only once nginx says to go on (Expect: 100-continue), as a refusal comes before it. */
  function post(path: string, size: number, { waitForContinue = true } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: nginx.port,
          method: 'POST',
          path,
          agent: false,
          headers: {
            host: SERVER_NAME,
            'content-type': 'multipart/form-data; boundary=x',
            'content-length': String(size),
            ...(waitForContinue ? { expect: '100-continue' } : {}),
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body }));
        },
      );
      if (waitForContinue) req.on('continue', () => req.end(Buffer.alloc(size, 0x61)));
      else req.end(Buffer.alloc(size, 0x61));
      req.on('error', reject);
    });
  }
});
