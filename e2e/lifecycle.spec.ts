/**
 * The server's lifecycle, for real: scripts/serve.mjs (what `npm start` runs) on its own PGlite
 * folder, under a 50-connection load, gets SIGTERM. Every request it had accepted must be
 * answered in full; it then closes the database (releasing the folder's lock) and exits 0.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from '../tests/support/ports';

const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

type Outcome = 'answered' | 'refused' | 'closed before answering' | 'cut mid-response';

/** One GET on a keep-alive agent, classified: answered in full, never accepted, or cut after its answer began. */
function get(agent: http.Agent, port: number, pathname: string): Promise<{ outcome: Outcome; connectionClose?: boolean; error?: string }> {
  return new Promise((resolve) => {
    let answering = false;
    const request = http.get({ host: '127.0.0.1', port, path: pathname, agent, headers: { 'user-agent': chrome } }, (response) => {
      answering = true;
      const expected = Number(response.headers['content-length'] ?? NaN);
      let received = 0;
      response.on('data', (chunk: Buffer) => (received += chunk.length));
      response.on('end', () => {
        const complete = response.complete && (Number.isNaN(expected) || received === expected);
        resolve({ outcome: complete ? 'answered' : 'cut mid-response', connectionClose: response.headers.connection === 'close' });
      });
      response.on('aborted', () => resolve({ outcome: 'cut mid-response', error: 'aborted' }));
      response.on('error', (error) => resolve({ outcome: 'cut mid-response', error: error.message }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (answering) return;
      // Refused: the listener is closed. Reset or hang-up before any byte of an answer: the server closed an
      // idle keep-alive connection as this request was sent, so it never read it (a browser sends it again).
      resolve({ outcome: error.code === 'ECONNREFUSED' ? 'refused' : 'closed before answering', error: error.code ?? error.message });
    });
  });
}

test('SIGTERM under a 50-connection load: every accepted request is answered in full, then the database closes and the process exits 0', async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-lifecycle-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, SITE_URL: `http://localhost:${port}`, SHUTDOWN_GRACE_MS: '10000' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const server = spawn(process.execPath, [path.resolve('scripts/serve.mjs')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (chunk: Buffer) => (log += chunk));
  server.stderr.on('data', (chunk: Buffer) => (log += chunk));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => server.once('exit', (code) => resolve({ code, at: Date.now() })));
  try {
    await expect
      .poll(() => fetch(`http://127.0.0.1:${port}/api/health/ready`).then((r) => r.status, () => 0), { timeout: 60_000, intervals: [250] })
      .toBe(200);
    const lockFile = path.join(dataDir, 'pglite.lock');
    expect(fs.existsSync(lockFile)).toBe(true);

    const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
    // Pages from the caches, and searches that are rendered and queried each time (in flight longer).
    const paths = ['/', '/gioi-thieu', '/chuyen-muc/tin-tuc-su-kien', '/rss.xml'];
    const counts: Record<Outcome, number> = { answered: 0, refused: 0, 'closed before answering': 0, 'cut mid-response': 0 };
    const cuts: string[] = [];
    let closedAnswers = 0;
    let running = true;
    let n = 0;
    const workers = Array.from({ length: 50 }, async (_, worker) => {
      while (running) {
        n += 1;
        const pathname = worker % 5 === 0 ? `/tim-kiem?q=${encodeURIComponent(`lao cai ${n}`)}` : paths[n % paths.length]!;
        const result = await get(agent, port, pathname);
        counts[result.outcome] += 1;
        if (result.outcome === 'cut mid-response') cuts.push(`${pathname}: ${result.error ?? 'incomplete body'}`);
        if (result.outcome === 'answered' && result.connectionClose) closedAnswers += 1;
        // Once the listener is closed there is nothing left to ask.
        if (result.outcome === 'refused') await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const answeredBefore = counts.answered;
    const signalledAt = Date.now();
    server.kill('SIGTERM');
    const { code, at } = await exited;
    running = false;
    await Promise.all(workers);
    agent.destroy();

    console.log(`[lifecycle] ${JSON.stringify(counts)}, ${closedAnswers} answers with Connection: close, exit ${code} after ${at - signalledAt} ms`);
    expect(answeredBefore).toBeGreaterThan(100);
    expect(counts['cut mid-response'], cuts.join('\n')).toBe(0);
    // Requests on connections already open were answered after the signal, each telling its client to go elsewhere
    // (the server keeps idle keep-alive connections open for a second for that, rather than dropping them at once).
    expect(closedAnswers).toBeGreaterThan(25);
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(10_000 + 5_000);
    expect(log).toContain('[tắt máy] đã đóng cơ sở dữ liệu');
    // The folder's lock is released: the next server can open it.
    expect(fs.existsSync(lockFile)).toBe(false);
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
