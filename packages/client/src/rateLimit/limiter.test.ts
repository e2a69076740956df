import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { createRateLimiter } from './limiter.js';
import { memoryRateLimitStore } from './memoryStore.js';
import {
  HIGHLEVEL_WINDOWS,
  type Priority,
  type RateLimitStore,
  type RateLimitWindow,
} from './types.js';
import { busiestWindow, quietestWindow } from './windowStats.js';

/** A limiter on a manual clock, logging when each request was granted. */
function setup(
  windows?: readonly RateLimitWindow[],
  store: RateLimitStore = memoryRateLimitStore(),
) {
  const clock = manualClock(0);
  const limiter = createRateLimiter({ clock, store, ...(windows ? { windows } : {}) });
  const grants: Record<string, number[]> = {};
  const request = (key: string, priority?: Priority) =>
    limiter.acquire(key, { priority }).then(({ waitedMs }) => {
      (grants[key] ??= []).push(clock.now());
      return waitedMs;
    });
  return { clock, limiter, grants, request };
}

/** Counts the store's answers, to see that the limiter asks no more often than it must. */
function countingStore(store: RateLimitStore) {
  const calls = { granted: 0, refused: 0 };
  const counted: RateLimitStore = {
    ...store,
    async tryAcquire(key, now, windows) {
      const result = await store.tryAcquire(key, now, windows);
      calls[result.granted ? 'granted' : 'refused']++;
      return result;
    },
  };
  return { store: counted, calls };
}

describe('createRateLimiter: HighLevel burst limit under a saturated queue', () => {
  it('never grants more than 100 in any 10 s, yet sends at the full rate', async () => {
    const { store, calls } = countingStore(memoryRateLimitStore());
    const { clock, grants, request } = setup(HIGHLEVEL_WINDOWS, store);
    const waited = await Promise.all([
      ...Array.from({ length: 1000 }, () => request('loc')),
      clock.runAll(),
    ]);
    const times = grants.loc!;
    expect(times).toHaveLength(1000);
    expect(busiestWindow(times, 10_000)).toBe(100);
    expect(quietestWindow(times, 10_000, 10_000, times.at(-1)!)).toBeGreaterThanOrEqual(95);
    expect(times.at(-1)).toBe(90_000); // 1,000 requests in 10 windows: 100 per 10 s
    expect(waited.slice(0, 1000)).toEqual(times);
    // One refusal per window of waiting, no polling in between.
    expect(calls).toEqual({ granted: 1000, refused: 9 });
    expect(clock.pending()).toBe(0);
  });

  it('by default keeps a 250 ms margin for network jitter and still sends >= 95 per 10 s', async () => {
    const { clock, grants, request } = setup();
    await Promise.all([...Array.from({ length: 1000 }, () => request('loc')), clock.runAll()]);
    const times = grants.loc!;
    expect(busiestWindow(times, 10_000)).toBe(100);
    expect(busiestWindow(times, 10_249)).toBe(100);
    expect(times.at(-1)).toBe(9 * 10_250);
    // Sustained rate over the run: 1,000 requests in 10 windows of 10.25 s.
    const perTenSeconds = (times.length / (times.at(-1)! + 10_250)) * 10_000;
    expect(perTenSeconds).toBeGreaterThanOrEqual(95);
  });

  it('serves two Locations independently', async () => {
    const { clock, grants, request } = setup();
    const busy = Array.from({ length: 300 }, () => request('busy'));
    await clock.advance(5000);
    await expect(request('quiet')).resolves.toBe(0);
    expect(grants.quiet).toEqual([5000]);
    await Promise.all([...busy, clock.runAll()]);
    expect(grants.busy!.filter((t) => t === 0)).toHaveLength(100);
    expect(busiestWindow(grants.busy!, 10_000)).toBe(100);
  });
});

describe('createRateLimiter: priorities', () => {
  const one = [{ limit: 1, intervalMs: 1000 }];

  it.each<[string, Array<[string, Priority]>, string[]]>([
    [
      'interactive, then normal, then bulk',
      [
        ['b1', 'bulk'],
        ['b2', 'bulk'],
        ['n1', 'normal'],
        ['i1', 'interactive'],
        ['b3', 'bulk'],
        ['i2', 'interactive'],
      ],
      ['i1', 'i2', 'n1', 'b1', 'b2', 'b3'],
    ],
    [
      'first come first served within a priority',
      [
        ['n1', 'normal'],
        ['n2', 'normal'],
        ['n3', 'normal'],
      ],
      ['n1', 'n2', 'n3'],
    ],
  ])('%s', async (_name, arrivals, expected) => {
    const { clock, limiter } = setup(one);
    const served: string[] = [];
    const all = arrivals.map(([name, priority]) =>
      limiter.acquire('loc', { priority }).then(() => served.push(name)),
    );
    await Promise.all([...all, clock.runAll()]);
    expect(served).toEqual(expected);
  });

  it('lets a live call that arrives later jump the backfill already waiting', async () => {
    const { clock, request, grants } = setup(one);
    const backfill = Array.from({ length: 5 }, () => request('loc', 'bulk'));
    await clock.advance(1500);
    const call = request('loc', 'interactive');
    await clock.advance(500);
    await expect(call).resolves.toBe(500);
    await Promise.all([...backfill, clock.runAll()]);
    expect(grants.loc).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
  });
});

describe('createRateLimiter: what counts as waiting', () => {
  it('does not report a slow store round trip (a database query) as a rate-limit wait', async () => {
    const clock = manualClock(0);
    const memory = memoryRateLimitStore();
    const slowStore: RateLimitStore = {
      ...memory,
      async tryAcquire(key, now, windows) {
        await clock.sleep(5);
        return memory.tryAcquire(key, now, windows);
      },
    };
    const limiter = createRateLimiter({
      clock,
      store: slowStore,
      windows: [{ limit: 1, intervalMs: 1000 }],
    });
    const first = limiter.acquire('loc');
    const second = limiter.acquire('loc');
    await clock.runAll();
    expect((await first).waitedMs).toBe(0);
    expect((await second).waitedMs).toBeGreaterThanOrEqual(1000);
  });
});

describe('createRateLimiter: giving up', () => {
  it('rejects an aborted waiter with the reason and serves the next one in its place', async () => {
    const { clock, limiter, grants, request } = setup([{ limit: 1, intervalMs: 1000 }]);
    const first = request('loc');
    const controller = new AbortController();
    const second = limiter.acquire('loc', { signal: controller.signal });
    const third = request('loc');
    await clock.advance(300);
    const reason = new Error('caller hung up');
    controller.abort(reason);
    await expect(second).rejects.toBe(reason);
    await Promise.all([first, third, clock.runAll()]);
    expect(grants.loc).toEqual([0, 1000]);
  });

  it('leaves no timer behind when the last waiter gives up', async () => {
    const { clock, limiter, request } = setup([{ limit: 1, intervalMs: 60_000 }]);
    await Promise.all([request('loc'), clock.advance(0)]);
    const controller = new AbortController();
    const waiting = limiter.acquire('loc', { signal: controller.signal });
    await clock.advance(10);
    expect(clock.pending()).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    await clock.advance(0);
    expect(clock.pending()).toBe(0);
  });

  it('rejects at once, using no slot, when the signal is already aborted', async () => {
    const { clock, limiter, request } = setup([{ limit: 1, intervalMs: 1000 }]);
    const reason = new Error('too late');
    await expect(limiter.acquire('loc', { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
    await Promise.all([expect(request('loc')).resolves.toBe(0), clock.advance(0)]);
  });

  it('refuses an unknown priority without disturbing the queue of the key', async () => {
    const { clock, limiter, request } = setup();
    await expect(limiter.acquire('loc', { priority: 'urgent' as Priority })).rejects.toThrow(
      RangeError,
    );
    await Promise.all([expect(request('loc')).resolves.toBe(0), clock.advance(0)]);
  });

  it('passes a store failure to the waiter first in line and keeps serving the rest', async () => {
    const store = memoryRateLimitStore();
    let failNext = true;
    const flaky: RateLimitStore = {
      ...store,
      tryAcquire(key, now, windows) {
        if (!failNext) return store.tryAcquire(key, now, windows);
        failNext = false;
        return Promise.reject(new Error('database unavailable'));
      },
    };
    const { clock, request } = setup(undefined, flaky);
    await Promise.all([
      expect(request('loc')).rejects.toThrow('database unavailable'),
      expect(request('loc')).resolves.toBe(0),
      clock.advance(0),
    ]);
  });
});
