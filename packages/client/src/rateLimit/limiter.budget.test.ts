import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { createRateLimiter } from './limiter.js';
import { memoryRateLimitStore } from './memoryStore.js';
import type { RateLimitStore, RateLimitWindow } from './types.js';
import { busiestWindow } from './windowStats.js';

const burst: RateLimitWindow = { limit: 10, intervalMs: 1000 };
const daily: RateLimitWindow = { limit: 50, intervalMs: 100_000 };

/**
 * The two ways a store takes in HighLevel's headers: with its next decision (the memory store,
 * the database store), or through `used` and `recordExternal` (a store without
 * `tryAcquireReporting`, as one written before it existed). The limiter must behave the same.
 */
const stores: Array<[string, () => RateLimitStore]> = [
  ['reports with the next decision', () => memoryRateLimitStore()],
  [
    'reads its counts after each response',
    () => {
      const memory = memoryRateLimitStore();
      return {
        tryAcquire: (...args) => memory.tryAcquire(...args),
        recordExternal: (...args) => memory.recordExternal(...args),
        blockUntil: (...args) => memory.blockUntil(...args),
        used: (...args) => memory.used(...args),
      };
    },
  ],
];

/** A limiter on a manual clock for one key, logging when each request was granted. */
function setup(
  windows: readonly RateLimitWindow[],
  store: RateLimitStore = memoryRateLimitStore(),
) {
  const clock = manualClock(0);
  const limiter = createRateLimiter({ clock, windows, store });
  const grants: number[] = [];
  const controller = new AbortController();
  const pending: Array<Promise<unknown>> = [];
  /** Queues `n` requests; they give up when the test stops. */
  const queue = (n: number) => {
    for (let i = 0; i < n; i++) {
      pending.push(
        limiter
          .acquire('loc', { signal: controller.signal })
          .then(() => grants.push(clock.now()))
          .catch(() => undefined),
      );
    }
  };
  const at = (t: number) => grants.filter((g) => g === t).length;
  /** Everyone still waiting gives up; nothing may be left running. */
  const stop = async () => {
    controller.abort();
    await Promise.all(pending);
    await clock.advance(0);
    expect(clock.pending()).toBe(0);
  };
  return { clock, limiter, grants, queue, at, stop };
}

describe.each(stores)('a store that %s', (_kind, store) => {
  describe('createRateLimiter: observe() and the burst window', () => {
    // Two of ours went out at t = 0; HighLevel's answer then says how many of its 10 remain.
    it.each([
      ['another process used 3, so fewer remain than we thought', 5, 5],
      ['as many remain as we thought', 8, 8],
      ['more remain than we thought: we do not speed up', 9, 8],
      ['none remain', 0, 0],
    ])('%s (remaining %i): %i more before the window moves on', async (_name, remaining, more) => {
      const { clock, limiter, grants, queue, at, stop } = setup([burst], store());
      queue(2);
      await clock.advance(0);
      await limiter.observe('loc', { remaining, max: 10 });
      queue(30);
      await clock.advance(999);
      expect(grants).toHaveLength(2 + more);
      expect(at(0)).toBe(2 + more);
      // The other process's requests leave HighLevel's window with ours.
      await clock.advance(1);
      expect(at(1000)).toBe(10);
      await stop();
    });

    it('counts the same difference once when two responses are observed together', async () => {
      const { clock, limiter, grants, queue, stop } = setup([burst], store());
      queue(2);
      await clock.advance(0);
      await Promise.all([
        limiter.observe('loc', { remaining: 5, max: 10 }),
        limiter.observe('loc', { remaining: 5, max: 10 }),
      ]);
      queue(30);
      await clock.advance(999);
      expect(grants).toHaveLength(7);
      await stop();
    });

    it('adapts to a smaller burst budget, and back when HighLevel allows more again', async () => {
      const { clock, limiter, grants, queue, at, stop } = setup([burst], store());
      await limiter.observe('loc', { max: 4, intervalMs: 2000 });
      queue(40);
      await clock.advance(4500);
      expect(grants).toEqual([0, 0, 0, 0, 2000, 2000, 2000, 2000, 4000, 4000, 4000, 4000]);
      expect(busiestWindow(grants, 2000)).toBe(4);
      await limiter.observe('loc', { max: 10, intervalMs: 1000 });
      await clock.advance(0);
      // The 4 granted at 4000 are all that the configured 10 per 1 s window holds: 6 more now.
      expect(at(4500)).toBe(6);
      await stop();
    });
  });

  describe('createRateLimiter: observe() and the daily window', () => {
    it('stops at what HighLevel says remains today, and resumes when its day resets', async () => {
      const { clock, limiter, grants, queue, at, stop } = setup([burst, daily], store());
      queue(3);
      await clock.advance(0);
      await limiter.observe('loc', { dailyRemaining: 4, dailyLimit: 50 });
      queue(40);
      await clock.advance(50_000);
      expect(grants).toHaveLength(7);
      await limiter.observe('loc', { dailyRemaining: 50, dailyLimit: 50 });
      await clock.advance(0);
      expect(at(50_000)).toBe(10);
      await stop();
    });

    it('never exceeds a smaller daily limit that HighLevel reports', async () => {
      const { clock, limiter, grants, queue, stop } = setup([burst, daily], store());
      await limiter.observe('loc', { dailyLimit: 6 });
      queue(40);
      await clock.advance(400_000);
      expect(busiestWindow(grants, daily.intervalMs)).toBe(6);
      // Counted in one-minute buckets, a request leaves the window at the end of its minute plus
      // 100 s: those of t = 0 at 160 s, of 160 s (minute 2) at 280 s, of 280 s (minute 4) at 400 s.
      const batches = [0, 160_000, 280_000, 400_000];
      expect(grants).toEqual(batches.flatMap((t) => Array<number>(6).fill(t)));
      await stop();
    });

    it('never exceeds the configured daily window under a saturated queue', async () => {
      const { clock, grants, queue, stop } = setup(
        [
          { limit: 3, intervalMs: 1000 },
          { limit: 5, intervalMs: 120_000 },
        ],
        store(),
      );
      queue(100);
      await clock.advance(1_200_000);
      expect(busiestWindow(grants, 120_000)).toBe(5);
      expect(busiestWindow(grants, 1000)).toBe(3);
      expect(grants.length).toBeGreaterThanOrEqual(35);
      await stop();
    });
  });
});

describe('createRateLimiter: reports', () => {
  it('takes the headers in without a store round trip, with the next decision', async () => {
    const memory = memoryRateLimitStore();
    const calls: string[] = [];
    const store: RateLimitStore = {
      ...memory,
      used: (...args) => (calls.push('used'), memory.used(...args)),
      recordExternal: (...args) => (calls.push('recordExternal'), memory.recordExternal(...args)),
      tryAcquire: (...args) => (calls.push('tryAcquire'), memory.tryAcquire(...args)),
      tryAcquireReporting: (...args) => (
        calls.push('tryAcquireReporting'),
        memory.tryAcquireReporting(...args)
      ),
    };
    const { clock, limiter, grants, queue, stop } = setup([burst], store);
    queue(2);
    await clock.advance(0);
    await limiter.observe('loc', { remaining: 5, max: 10 });
    await limiter.observe('loc', { remaining: 4, max: 10 });
    expect(calls).toEqual(['tryAcquire', 'tryAcquire']);
    queue(1);
    await clock.advance(0);
    // The latest answer stands for both: 6 counted, 2 ours, 4 from elsewhere.
    expect(calls).toEqual(['tryAcquire', 'tryAcquire', 'tryAcquireReporting']);
    queue(30);
    await clock.advance(999);
    // 10 in the window: 6 of ours, the 4 from elsewhere.
    expect(grants).toHaveLength(6);
    expect(calls).not.toContain('used');
    expect(calls).not.toContain('recordExternal');
    await stop();
  });
});

describe('createRateLimiter: penalize()', () => {
  it('sends nothing for the key until the penalty is over', async () => {
    const { clock, limiter, queue, grants, at, stop } = setup([burst]);
    queue(15);
    await clock.advance(200);
    expect(at(0)).toBe(10);
    await limiter.penalize('loc', 3000);
    await clock.advance(2999);
    expect(grants).toHaveLength(10);
    await clock.advance(1);
    expect(at(3200)).toBe(5);
    await stop();
  });

  it.each([0, -5, Number.NaN])('ignores a penalty of %s ms', async (ms) => {
    const { clock, limiter, queue, at, stop } = setup([burst]);
    await limiter.penalize('loc', ms);
    queue(1);
    await clock.advance(0);
    expect(at(0)).toBe(1);
    await stop();
  });
});
