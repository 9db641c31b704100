/**
 * Debian's nginx on loopback running the shipped deploy/nginx/toa-soan.conf,
 * rewritten only for the listen address, the app instances' ports and the
 * cache folders, from a private temp prefix. .ci/run installs nginx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { onLoopback } from '../../scripts/cluster-nginx.mjs';
import { freePort } from './ports';

const SHIPPED_CONFIG = path.resolve(__dirname, '../..', 'deploy', 'nginx', 'toa-soan.conf');
/** The server_name of the shipped file. */
export const SERVER_NAME = 'toa-soan.example.vn';

const nginxBinary = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((candidate) => fs.existsSync(candidate));

/**
 * Whether a suite needing nginx is skipped: only on a developer machine without
 * it. Under CI (which installs it) a missing binary fails the suite instead, in
 * prepareNginx. Warns, under `testName`, when nginx is missing.
 */
export function skipWithoutNginx(testName: string): boolean {
  if (!nginxBinary) {
    console.warn(`[${testName}] Bỏ qua: máy này không có nginx (apt-get install -y nginx-light). CI cài nó trong .ci/run.`);
  }
  return !nginxBinary && !process.env.CI;
}

export interface NginxOptions {
  /** Start of the temp prefix's name. */
  prefixName: string;
  /**
   * With a master process nginx also runs the cache manager, which drops
   * entries after `inactive` (and so bounds the age of a stale copy): it runs
   * only under a master.
   */
  masterProcess: boolean;
  workerConnections: number;
}

export interface TestNginx {
  /** The free port on 127.0.0.1 nginx is to listen on. */
  readonly port: number;
  /** nginx's error log so far ('' before it writes one). */
  readLog(): string;
  /**
   * The shipped file listening on `port` only, its caches in the prefix;
   * `upstreams` rewrites the app instances' addresses.
   */
  rewriteShippedConfig(upstreams: (config: string) => string): string;
  /** Writes `site` and an nginx.conf including it into the prefix, starts nginx and waits until it listens. */
  start(site: string): Promise<void>;
  /** `nginx -t` on the written config. */
  checkConfig(): Promise<{ code: number | null; output: string }>;
  /** Stops nginx if it runs, then deletes the prefix. */
  stop(): Promise<void>;
}

/**
 * A free port and a temp prefix (the folder nginx runs in: its configs, error
 * log, temp files and caches) for nginx; nothing runs until `start`.
 */
export async function prepareNginx({ prefixName, masterProcess, workerConnections }: NginxOptions): Promise<TestNginx> {
  if (!nginxBinary) throw new Error('nginx không có trên máy CI: .ci/run phải cài nginx-light.');
  const binary = nginxBinary;
  const port = await freePort();
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), prefixName));
  const log = path.join(prefix, 'error.log');
  const mainConfig = path.join(prefix, 'nginx.conf');
  const args = ['-p', prefix, '-c', mainConfig, '-e', log];
  const readLog = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');
  let nginx: ChildProcess | undefined;

  return {
    port,
    readLog,

    rewriteShippedConfig(upstreams) {
      // The same rewrite as the local cluster's (scripts/cluster-nginx.mjs); the caches live in the temp prefix.
      return upstreams(onLoopback(fs.readFileSync(SHIPPED_CONFIG, 'utf8'), { port, prefix }));
    },

    async start(site) {
      fs.writeFileSync(path.join(prefix, 'toa-soan.conf'), site);
      const temp = (name: string) => path.join(prefix, 'tmp', name);
      fs.mkdirSync(path.join(prefix, 'tmp'));
      fs.writeFileSync(
        mainConfig,
        [
          'daemon off;',
          ...(masterProcess
            ? [
                'master_process on;',
                'worker_processes 1;',
                // As root nginx would run its workers as `nobody`, who cannot write into this private temp folder.
                process.getuid?.() === 0 ? 'user root;' : '',
              ]
            : ['master_process off;']),
          `pid ${path.join(prefix, 'nginx.pid')};`,
          `error_log ${log} warn;`,
          `events { worker_connections ${workerConnections}; }`,
          'http {',
          '  access_log off;',
          `  client_body_temp_path ${temp('body')}; proxy_temp_path ${temp('proxy')};`,
          `  fastcgi_temp_path ${temp('fastcgi')}; uwsgi_temp_path ${temp('uwsgi')}; scgi_temp_path ${temp('scgi')};`,
          `  include ${path.join(prefix, 'toa-soan.conf')};`,
          '}',
          '',
        ].join('\n'),
      );
      nginx = spawn(binary, args, { stdio: ['ignore', 'inherit', 'inherit'] });
      await waitForPort(port, nginx, readLog);
    },

    async checkConfig() {
      const check = spawn(binary, ['-t', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      check.stdout!.on('data', (chunk) => (output += chunk));
      check.stderr!.on('data', (chunk) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => check.on('exit', resolve));
      return { code, output };
    },

    async stop() {
      // With a master, SIGTERM to it stops its worker and cache manager before it exits.
      if (nginx?.pid && nginx.exitCode === null && nginx.signalCode === null) {
        const running = nginx;
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && server.exitCode === null) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${port}: ${log()}`);
}
