import { describe, expect, it } from 'vitest';
import { ResultCache } from '@/lib/cache/result-cache';

/** A cache on a clock the test moves, counting the loads it starts. */
function setup(options: { ttlMs?: number; maxEntries?: number; maxSize?: number } = {}) {
  let now = 1_000_000;
  const cache = new ResultCache<string>({
    ttlMs: options.ttlMs ?? 10_000,
    maxEntries: options.maxEntries ?? 100,
    maxSize: options.maxSize ?? 1_000_000,
    sizeOf: (value) => value.length,
    now: () => now,
  });
  const loads: string[] = [];
  const load = (key: string, value = `v:${key}`) => () => {
    loads.push(key);
    return Promise.resolve(value);
  };
  return { cache, loads, load, advance: (ms: number) => (now += ms) };
}

/** A load the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ResultCache', () => {
  it('serves a result again without loading it within the TTL', async () => {
    const { cache, loads, load, advance } = setup({ ttlMs: 10_000 });
    expect(await cache.get('a', load('a'))).toBe('v:a');
    advance(9_999);
    expect(await cache.get('a', load('a', 'other'))).toBe('v:a');
    expect(loads).toEqual(['a']);
  });

  it('loads again once the TTL has passed since the load started', async () => {
    const { cache, loads, load, advance } = setup({ ttlMs: 10_000 });
    await cache.get('a', load('a'));
    advance(10_000);
    expect(await cache.get('a', load('a', 'fresh'))).toBe('fresh');
    expect(loads).toEqual(['a', 'a']);
  });

  it('counts the TTL from the start of a slow load, not its end', async () => {
    const { cache, advance } = setup({ ttlMs: 10_000 });
    const slow = deferred<string>();
    const first = cache.get('a', () => slow.promise);
    advance(6_000);
    slow.resolve('old');
    await first;
    advance(4_000);
    expect(await cache.get('a', () => Promise.resolve('new'))).toBe('new');
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const { cache, loads, load } = setup({ maxEntries: 2 });
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    await cache.get('a', load('a')); // a is now the most recently used
    await cache.get('c', load('c')); // b goes
    expect(cache.usage.entries).toBe(2);
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps the total size within maxSize and never keeps a result larger than it', async () => {
    const { cache, loads, load } = setup({ maxSize: 10 });
    await cache.get('a', load('a', '1234')); // 4
    await cache.get('b', load('b', '123456')); // 10 in all
    expect(cache.usage).toMatchObject({ entries: 2, size: 10 });
    await cache.get('c', load('c', '12')); // a (least recent) goes: 8
    expect(cache.usage).toMatchObject({ entries: 2, size: 8 });
    expect(await cache.get('big', load('big', 'x'.repeat(11)))).toBe('x'.repeat(11));
    expect(cache.usage).toMatchObject({ entries: 2, size: 8 });
    await cache.get('big', load('big', 'x'.repeat(11)));
    expect(loads.filter((k) => k === 'big')).toHaveLength(2);
  });

  it('shares one load among callers asking for the same key while it runs', async () => {
    const { cache } = setup();
    const pending = deferred<string>();
    let started = 0;
    const load = () => {
      started++;
      return pending.promise;
    };
    const callers = Array.from({ length: 50 }, () => cache.get('a', load));
    expect(cache.usage.loading).toBe(1);
    pending.resolve('shared');
    expect(await Promise.all(callers)).toEqual(Array(50).fill('shared'));
    expect(started).toBe(1);
    expect(await cache.get('a', load)).toBe('shared');
    expect(started).toBe(1);
  });

  it('does not share a load between different keys', async () => {
    const { cache, loads, load } = setup();
    expect(await Promise.all([cache.get('a', load('a')), cache.get('b', load('b'))])).toEqual(['v:a', 'v:b']);
    expect(loads).toEqual(['a', 'b']);
  });

  it('gives a failure to the callers waiting for it, keeps nothing, and lets the next caller load afresh', async () => {
    const { cache } = setup();
    const failing = deferred<string>();
    const waiting = [cache.get('a', () => failing.promise), cache.get('a', () => Promise.resolve('not called'))];
    failing.reject(new Error('database down'));
    for (const result of await Promise.allSettled(waiting)) expect(result).toMatchObject({ status: 'rejected', reason: { message: 'database down' } });
    expect(cache.usage).toMatchObject({ entries: 0, loading: 0 });
    expect(await cache.get('a', () => Promise.resolve('recovered'))).toBe('recovered');
  });

  it('treats a load that throws before returning a promise as a failed load', async () => {
    const { cache } = setup();
    await expect(
      cache.get('a', () => {
        throw new Error('bad input');
      }),
    ).rejects.toThrow('bad input');
    expect(await cache.get('a', () => Promise.resolve('ok'))).toBe('ok');
  });

  it('clear() drops every result', async () => {
    const { cache, loads, load } = setup();
    await cache.get('a', load('a'));
    cache.clear();
    expect(cache.usage).toMatchObject({ entries: 0, size: 0 });
    expect(await cache.get('a', load('a', 'after'))).toBe('after');
    expect(loads).toEqual(['a', 'a']);
  });

  it('clear() during a load: its callers get it, later callers load again, and it is not kept', async () => {
    const { cache } = setup();
    const before = deferred<string>();
    const early = cache.get('a', () => before.promise);
    cache.clear(); // e.g. an article was published while the query ran
    const after = deferred<string>();
    const late = cache.get('a', () => after.promise);
    after.resolve('with the new article');
    expect(await late).toBe('with the new article');
    // The older load finishes last: it must not replace the newer result.
    before.resolve('without the new article');
    expect(await early).toBe('without the new article');
    expect(await cache.get('a', () => Promise.resolve('not called'))).toBe('with the new article');
  });

  it('clear() during a load that nobody follows: the next caller still loads again', async () => {
    const { cache } = setup();
    const before = deferred<string>();
    const early = cache.get('a', () => before.promise);
    cache.clear();
    before.resolve('stale');
    await early;
    expect(await cache.get('a', () => Promise.resolve('fresh'))).toBe('fresh');
  });

  it('refuses bounds that would keep nothing', () => {
    expect(() => new ResultCache<string>({ ttlMs: 0, maxEntries: 1, maxSize: 1, sizeOf: () => 1 })).toThrow();
    expect(() => new ResultCache<string>({ ttlMs: 1, maxEntries: 0, maxSize: 1, sizeOf: () => 1 })).toThrow();
  });
});
