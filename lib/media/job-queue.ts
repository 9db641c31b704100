import { AppError } from '@/lib/http/errors';

export type BoundedQueueOptions = {
  /** Jobs that may run at the same time. */
  concurrency: number;
  /** Jobs that may wait for a free slot; one more is refused at once. */
  maxWaiting: number;
  /** The Vietnamese message of the refusal (429). */
  busyMessage: string;
  /** Sent as Retry-After with the refusal. */
  retryAfterSeconds: number;
};

/**
 * An in-process limiter: at most `concurrency` jobs run, at most `maxWaiting`
 * wait in arrival order, and a job beyond that is refused at once with
 * `too_many_requests` (details: `{ retryAfterSeconds }`) instead of piling up
 * memory and latency for everyone else. A failed job frees its slot like a
 * finished one.
 */
export class BoundedQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: BoundedQueueOptions) {
    if (!(options.concurrency >= 1) || !(options.maxWaiting >= 0)) throw new Error('invalid queue bounds');
  }

  /** Jobs running and waiting right now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running < this.options.concurrency) {
      this.running++;
    } else {
      if (this.waiting.length >= this.options.maxWaiting) {
        throw new AppError('too_many_requests', this.options.busyMessage, { retryAfterSeconds: this.options.retryAfterSeconds });
      }
      // The finishing job hands its slot over: `running` stays as it is.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
