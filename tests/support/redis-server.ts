import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/**
 * A private redis-server on 127.0.0.1:`port`, for tests that take Redis down: stop() kills it
 * (a real outage, the process is gone; SIGCONT first in case a test paused it), start() brings
 * it back on the same port, empty, as after a restart without persistence.
 */
export type PrivateRedis = {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** SIGSTOP: the socket stays open and nothing answers (a hung server); resume() is SIGCONT. */
  pause(): void;
  resume(): void;
};

export const REDIS_SERVER = 'redis-server';

/** Whether something on `port` answers PING with PONG. */
export function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(500, () => socket.destroy());
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
  });
}

export async function startPrivateRedis(port: number): Promise<PrivateRedis> {
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
    const endsAt = Date.now() + 10_000;
    while (!(await redisAnswers(port))) {
      if (Date.now() > endsAt || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGCONT');
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop, pause: () => child?.kill('SIGSTOP'), resume: () => child?.kill('SIGCONT') };
}
