/**
 * A real cluster for the cluster tests and `npm run bench:cluster`: `npm run start:cluster`
 * (N instances of scripts/serve.mjs behind Debian's nginx with the shipped config) on a fresh
 * database of the Postgres server, a private redis-server the caller can stop and start again,
 * and, when asked, an S3-protocol server (s3rver) for the media. Everything on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { startPrivateRedis } from './redis-server';
import { startS3Server, type TestS3Server } from './s3-server';

const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type ClusterInstance = { url: string; port: number; pid: number };

export type RunningCluster = {
  /** nginx, reached as http://127.0.0.1:port with `Host: localhost` (see `proxyGet`). */
  proxyPort: number;
  siteUrl: string;
  instances: ClusterInstance[];
  databaseUrl: string;
  /** The media bucket, when started with `s3: true`. */
  s3?: { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string };
  /** Stops the cluster's redis-server (a real outage: the process is gone). */
  stopRedis(): Promise<void>;
  /** Starts it again on the same port, empty, as after a restart without persistence. */
  startRedis(): Promise<void>;
  /** Everything the cluster printed so far (instances, nginx). */
  output(): string;
  /** nginx's error log so far (retries, upstreams that failed). */
  nginxErrors(): string;
  stop(): Promise<void>;
};

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** `count` consecutive free ports (nginx on the first, the instances after it). */
async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    let free = true;
    for (let p = base; p < base + count && free; p++) free = await portIsFree(p);
    if (free) return base;
  }
  throw new Error('no run of free ports found');
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A GET (or HEAD) through the cluster's nginx, which answers only `Host: localhost`. */
export function proxyGet(
  proxyPort: number,
  pathname: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; raw: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: proxyPort, path: pathname, headers: { host: 'localhost', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: raw.toString('utf8'), raw });
      });
      response.on('error', reject);
    });
    request.setTimeout(15_000, () => request.destroy(new Error(`GET ${pathname} through nginx timed out`)));
    request.on('error', reject);
  });
}

/**
 * `build: true` lets start:cluster build first when the build is stale (the benchmark); otherwise
 * it serves .next as it is (`--no-build`: the end-to-end run has just built it, and a rebuild
 * would pull the files from under its own server).
 */
export async function startCluster(options: { instances: number; s3?: boolean; build?: boolean; env?: Record<string, string> }): Promise<RunningCluster> {
  const port = await freePortRun(options.instances + 2);
  const redisPort = port + options.instances + 1;
  const siteUrl = `http://localhost:${port}`;
  const cleanups: (() => Promise<void>)[] = [];
  let log = '';

  // A database of its own on the test server, dropped at the end.
  const database = `toa_soan_cluster_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${database}`);
  cleanups.push(async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end({ timeout: 5 });
  });
  const databaseUrl = Object.assign(new URL(TEST_SERVER_URL), { pathname: `/${database}` }).toString();

  const redis = await startPrivateRedis(redisPort);
  cleanups.push(redis.stop);

  let s3: TestS3Server | undefined;
  if (options.s3) {
    s3 = await startS3Server(['toa-soan-cluster']);
    cleanups.push(() => s3!.close());
  }
  const s3Env: Record<string, string> = s3
    ? {
        S3_BUCKET: 'toa-soan-cluster',
        S3_ENDPOINT: s3.endpoint,
        S3_REGION: 'us-east-1',
        S3_ACCESS_KEY_ID: s3.configFor('toa-soan-cluster').accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.configFor('toa-soan-cluster').secretAccessKey,
        S3_FORCE_PATH_STYLE: 'true',
      }
    : {};

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...s3Env,
    PORT: String(port),
    SITE_URL: siteUrl,
    DATABASE_URL: databaseUrl,
    DATABASE_REPLICA_URLS: '',
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64'),
    ...options.env,
  };
  const args = [path.resolve('scripts/start-cluster.mjs'), '--instances', String(options.instances), ...(options.build ? [] : ['--no-build'])];
  const cluster = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  cluster.stdout.on('data', (chunk: Buffer) => (log += chunk));
  cluster.stderr.on('data', (chunk: Buffer) => (log += chunk));
  const clusterExited = new Promise<void>((resolve) => cluster.once('exit', () => resolve()));
  cleanups.push(async () => {
    if (cluster.exitCode === null && cluster.signalCode === null) {
      cluster.kill('SIGTERM');
      const stopped = await Promise.race([clusterExited.then(() => true), new Promise((r) => setTimeout(() => r(false), 20_000))]);
      // Whatever is left of the group (an instance that would not stop): gone.
      if (!stopped) process.kill(-cluster.pid!, 'SIGKILL');
    }
  });

  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };

  try {
    const instances: ClusterInstance[] = [];
    await until(
      'the cluster to print its instances',
      async () => {
        if (cluster.exitCode !== null) throw new Error(`start:cluster exited (${cluster.exitCode}):\n${log}`);
        const found = [...log.matchAll(/instance \d+: (http:\/\/127\.0\.0\.1:(\d+)) \(pid (\d+)\)/g)];
        if (found.length < options.instances) return false;
        instances.splice(0, instances.length, ...found.map((m) => ({ url: m[1]!, port: Number(m[2]), pid: Number(m[3]) })));
        return true;
      },
      options.build ? 20 * 60_000 : 30_000,
    );
    for (const instance of instances) {
      await until(
        `${instance.url} to answer`,
        async () => {
          if (cluster.exitCode !== null) throw new Error(`start:cluster exited (${cluster.exitCode}):\n${log}`);
          return fetch(`${instance.url}/robots.txt`).then((r) => r.ok, () => false);
        },
        120_000,
      );
    }
    await until('nginx to answer', () => proxyGet(port, '/robots.txt').then((r) => r.status === 200, () => false), 20_000);
    const bucket = s3 && { endpoint: s3.endpoint, bucket: s3Env.S3_BUCKET!, accessKeyId: s3Env.S3_ACCESS_KEY_ID!, secretAccessKey: s3Env.S3_SECRET_ACCESS_KEY! };
    const errorLog = /nhật ký nginx: (\S+error\.log)/.exec(log)?.[1];
    const nginxErrors = () => (errorLog && fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '');
    return { proxyPort: port, siteUrl, instances, databaseUrl, s3: bucket, stopRedis: redis.stop, startRedis: redis.start, output: () => log, nginxErrors, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
