export type ResultCacheOptions<V> = {
  /** How long a result is served after its load started. */
  ttlMs: number;
  /** Results kept at most; the least recently used goes first. */
  maxEntries: number;
  /** Total of `sizeOf` over the kept results at most; a single larger result is not kept. */
  maxSize: number;
  sizeOf: (value: V) => number;
  /** Milliseconds; injected so tests can move time. */
  now?: () => number;
};

type Entry<V> = { value: V; size: number; expiresAt: number };
type Load<V> = { promise: Promise<V>; generation: number };

/**
 * An in-process cache of results by key: each result is served for `ttlMs`,
 * the whole stays within `maxEntries` and `maxSize` (least recently used
 * out first), and callers asking for a key whose load is under way share
 * that one load instead of starting their own.
 *
 * A failed load is not kept: the callers that were waiting for it get its
 * error, the next caller starts afresh. `clear()` drops every result and
 * detaches the loads under way, whose results were read before the change
 * that called for the clear: their waiting callers still get them, but they
 * are not kept and later callers start a new load.
 */
export class ResultCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loads = new Map<string, Load<V>>();
  private totalSize = 0;
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: ResultCacheOptions<V>) {
    if (!(options.ttlMs > 0) || !(options.maxEntries >= 1) || !(options.maxSize > 0)) throw new Error('invalid cache bounds');
    this.now = options.now ?? Date.now;
  }

  /** Results kept right now and their total size. */
  get usage(): { entries: number; size: number; loading: number } {
    return { entries: this.entries.size, size: this.totalSize, loading: this.loads.size };
  }

  /** The kept result for `key`, else the load under way for it, else a new `load()`. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry) {
      if (entry.expiresAt > this.now()) {
        // Map order is the recency order: re-inserting makes it the newest.
        this.entries.delete(key);
        this.entries.set(key, entry);
        return Promise.resolve(entry.value);
      }
      this.remove(key, entry);
    }
    const running = this.loads.get(key);
    if (running) return running.promise;
    return this.start(key, load);
  }

  /** Forgets every result, and every load under way (see the class comment). */
  clear(): void {
    this.entries.clear();
    this.loads.clear();
    this.totalSize = 0;
    this.generation++;
  }

  private start(key: string, load: () => Promise<V>): Promise<V> {
    const startedAt = this.now();
    const generation = this.generation;
    // A load that throws synchronously is a failed load like any other.
    const promise = Promise.resolve().then(load);
    const current: Load<V> = { promise, generation };
    this.loads.set(key, current);
    const settled = () => {
      if (this.loads.get(key) === current) this.loads.delete(key);
    };
    promise.then(
      (value) => {
        settled();
        if (generation === this.generation) this.keep(key, value, startedAt + this.options.ttlMs);
      },
      settled,
    );
    return promise;
  }

  private keep(key: string, value: V, expiresAt: number): void {
    if (expiresAt <= this.now()) return;
    const size = this.options.sizeOf(value);
    if (!(size <= this.options.maxSize)) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, { value, size, expiresAt });
    this.totalSize += size;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.totalSize <= this.options.maxSize) break;
      this.remove(oldestKey, oldest);
    }
  }

  private remove(key: string, entry: Entry<V>): void {
    this.entries.delete(key);
    this.totalSize -= entry.size;
  }
}
