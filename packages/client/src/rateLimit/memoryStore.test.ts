import { describe, expect, it } from 'vitest';
import { memoryRateLimitStore } from './memoryStore.js';
import { HIGHLEVEL_WINDOWS, type RateLimitWindow } from './types.js';
import { busiestWindow } from './windowStats.js';

type Step =
  | { acquire: number; expect: 'granted' | number }
  | { external: number; count: number }
  | { blockUntil: number };

const burst2: RateLimitWindow[] = [{ limit: 2, intervalMs: 1000 }];

/** A fixed pseudo-random sequence, so a failure replays identically. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('memoryRateLimitStore: exact sliding window', () => {
  // `expect` is 'granted' or the retryInMs of the refusal.
  it.each<[string, RateLimitWindow[], Step[]]>([
    [
      'a grant exactly intervalMs old no longer counts',
      burst2,
      [
        { acquire: 0, expect: 'granted' },
        { acquire: 0, expect: 'granted' },
        { acquire: 999, expect: 1 },
        { acquire: 1000, expect: 'granted' },
        { acquire: 1000, expect: 'granted' },
        { acquire: 1000, expect: 1000 },
      ],
    ],
    [
      'a refusal lasts until the oldest grant in the way leaves',
      [{ limit: 3, intervalMs: 1000 }],
      [
        { acquire: 0, expect: 'granted' },
        { acquire: 100, expect: 'granted' },
        { acquire: 200, expect: 'granted' },
        { acquire: 250, expect: 750 },
        { acquire: 1000, expect: 'granted' },
        { acquire: 1000, expect: 100 },
      ],
    ],
    [
      'requests recorded from elsewhere count like grants and leave together',
      [{ limit: 3, intervalMs: 1000 }],
      [
        { acquire: 0, expect: 'granted' },
        { external: 100, count: 5 },
        { acquire: 100, expect: 1000 },
        { acquire: 1000, expect: 100 },
        { acquire: 1100, expect: 'granted' },
      ],
    ],
    [
      'with two windows the refusal lasts until both have room',
      [
        { limit: 2, intervalMs: 1000 },
        { limit: 3, intervalMs: 5000 },
      ],
      [
        { acquire: 0, expect: 'granted' },
        { acquire: 0, expect: 'granted' },
        { acquire: 500, expect: 500 },
        { acquire: 1000, expect: 'granted' },
        { acquire: 2000, expect: 3000 },
        { acquire: 5000, expect: 'granted' },
      ],
    ],
    [
      'a block refuses everything before its end, and nothing from its end on',
      burst2,
      [
        { blockUntil: 700 },
        { acquire: 0, expect: 700 },
        { acquire: 699, expect: 1 },
        { acquire: 700, expect: 'granted' },
      ],
    ],
    [
      'a shorter block does not shorten a longer one',
      burst2,
      [{ blockUntil: 700 }, { blockUntil: 300 }, { acquire: 500, expect: 200 }],
    ],
    [
      'an earlier clock reading than one already seen is counted at the later time',
      [{ limit: 1, intervalMs: 1000 }],
      [
        { acquire: 1000, expect: 'granted' },
        { acquire: 500, expect: 1000 },
        { acquire: 2000, expect: 'granted' },
      ],
    ],
  ])('%s', async (_name, windows, steps) => {
    const store = memoryRateLimitStore();
    for (const step of steps) {
      if ('external' in step) await store.recordExternal('loc', step.external, step.count);
      else if ('blockUntil' in step) await store.blockUntil('loc', step.blockUntil);
      else {
        const result = await store.tryAcquire('loc', step.acquire, windows);
        expect({ at: step.acquire, result }).toEqual({
          at: step.acquire,
          result:
            step.expect === 'granted'
              ? { granted: true }
              : { granted: false, retryInMs: step.expect },
        });
      }
    }
  });

  it('grants exactly when a refusal said, not a millisecond before', async () => {
    const store = memoryRateLimitStore();
    const windows = [{ limit: 7, intervalMs: 3000 }];
    const random = seeded(1);
    let now = 0;
    for (let i = 0; i < 300; i++) {
      now += Math.floor(random() * 400);
      const first = await store.tryAcquire('loc', now, windows);
      if (first.granted) continue;
      expect(first.retryInMs).toBeGreaterThan(0);
      if (first.retryInMs > 1) {
        await expect(store.tryAcquire('loc', now + first.retryInMs - 1, windows)).resolves.toEqual({
          granted: false,
          retryInMs: 1,
        });
      }
      now += first.retryInMs;
      await expect(store.tryAcquire('loc', now, windows)).resolves.toEqual({ granted: true });
    }
  });

  it('keeps keys apart', async () => {
    const store = memoryRateLimitStore();
    await store.tryAcquire('a', 0, burst2);
    await store.tryAcquire('a', 0, burst2);
    await store.blockUntil('a', 5000);
    await expect(store.tryAcquire('b', 0, burst2)).resolves.toEqual({ granted: true });
    await expect(store.used('a', 0, 1000)).resolves.toBe(2);
    await expect(store.used('b', 0, 1000)).resolves.toBe(1);
  });

  it('counts what it recorded in used(), ignoring requests of zero or fewer', async () => {
    const store = memoryRateLimitStore();
    await store.recordExternal('loc', 100, 7);
    await store.recordExternal('loc', 100, 0);
    await store.recordExternal('loc', 100, -3);
    await expect(store.tryAcquire('loc', 200, [{ limit: 10, intervalMs: 1000 }])).resolves.toEqual({
      granted: true,
    });
    await expect(store.used('loc', 200, 1000)).resolves.toBe(8);
    await expect(store.used('loc', 1100, 1000)).resolves.toBe(1);
    await expect(store.used('loc', 1200, 1000)).resolves.toBe(0);
    await expect(store.used('never-seen', 1200, 1000)).resolves.toBe(0);
  });

  it('rejects windows that could never grant', async () => {
    const store = memoryRateLimitStore();
    await expect(store.tryAcquire('loc', 0, [{ limit: 0, intervalMs: 1000 }])).rejects.toThrow(
      RangeError,
    );
  });
});

describe('memoryRateLimitStore: reports of what HighLevel counted', () => {
  const burst10: RateLimitWindow[] = [{ limit: 10, intervalMs: 1000 }];
  const withDay: RateLimitWindow[] = [...burst10, { limit: 50, intervalMs: 100_000 }];

  it('records what HighLevel counted and our window ending at the report lacked, at the report', async () => {
    const store = memoryRateLimitStore();
    await store.tryAcquire('loc', 0, burst10);
    await store.tryAcquire('loc', 0, burst10);
    // Granted after HighLevel answered: not in its count, so not set against it.
    await store.tryAcquire('loc', 150, burst10);
    await expect(
      store.tryAcquireReporting('loc', 200, burst10, { at: 100, burst: 0, counted: 5 }),
    ).resolves.toEqual({ granted: true });
    // 2 at 0, 3 unseen at 100 (moved up to 150, where the series ends), 1 at 150, 1 at 200.
    await expect(store.used('loc', 200, 1000)).resolves.toBe(7);
    await expect(store.used('loc', 1100, 1000)).resolves.toBe(5);
  });

  it('takes nothing from a report whose burst window has passed', async () => {
    const store = memoryRateLimitStore();
    await store.tryAcquire('loc', 0, burst10);
    await store.tryAcquire('loc', 1100, burst10);
    await store.tryAcquireReporting('loc', 1150, burst10, { at: 100, burst: 0, counted: 10 });
    await expect(store.used('loc', 1150, 1000)).resolves.toBe(2);
  });

  it('caps the daily window in the same decision, and says what the cap was based on', async () => {
    const store = memoryRateLimitStore();
    for (let i = 0; i < 3; i++) await store.tryAcquire('loc', 0, withDay);
    const report = { at: 0, burst: 0, daily: 1 };
    await expect(
      store.tryAcquireReporting('loc', 10, withDay, { ...report, dailyRemaining: 0 }),
    ).resolves.toMatchObject({ granted: false, usedDaily: 3 });
    await expect(
      store.tryAcquireReporting('loc', 10, withDay, { ...report, dailyRemaining: 1 }),
    ).resolves.toEqual({ granted: true, usedDaily: 3 });
    // Granted since the report: not part of the count it is based on.
    await expect(
      store.tryAcquireReporting('loc', 20, withDay, { ...report, dailyRemaining: 1 }),
    ).resolves.toMatchObject({ granted: false, usedDaily: 3 });
  });
});

describe('memoryRateLimitStore: bucketed long windows', () => {
  const day = { limit: 5, intervalMs: 120_000 }; // counted in the default one-minute buckets

  it('over-counts by exactly the bucket the window starts in, never under', async () => {
    const store = memoryRateLimitStore();
    const random = seeded(7);
    const log: number[] = [];
    let now = 0;
    for (let i = 0; i < 400; i++) {
      now += Math.floor(random() * 5000);
      if (random() < 0.7) {
        await store.recordExternal('loc', now, 1);
        log.push(now);
        continue;
      }
      const start = now - day.intervalMs;
      const exact = log.filter((g) => g > start).length;
      const bucketStart = Math.floor(start / 60_000) * 60_000;
      const overCount = log.filter((g) => g >= bucketStart && g <= start).length;
      await expect(store.used('loc', now, day.intervalMs)).resolves.toBe(exact + overCount);
    }
  });

  it('never lets more than the limit through, and is a bucket late at worst', async () => {
    const store = memoryRateLimitStore();
    const grants: number[] = [];
    let now = 0;
    while (now < 1_200_000) {
      const result = await store.tryAcquire('loc', now, [{ limit: 3, intervalMs: 1000 }, day]);
      if (result.granted) grants.push(now);
      else now += result.retryInMs;
    }
    expect(busiestWindow(grants, day.intervalMs)).toBe(5);
    expect(busiestWindow(grants, 1000)).toBeLessThanOrEqual(3);
    // 5 per (120 s + one 60 s bucket) at worst over 20 minutes: 7 rounds.
    expect(grants.length).toBeGreaterThanOrEqual(35);
  });
});

describe('memoryRateLimitStore: memory', () => {
  it('holds a bounded number of entries per key under steady traffic', async () => {
    const store = memoryRateLimitStore();
    for (let t = 0; t < 26 * 3600_000; t += 1000) {
      await store.tryAcquire('loc', t, HIGHLEVEL_WINDOWS);
    }
    // One exact entry per second for a minute, one bucket per minute for a day.
    expect(store.stats()).toEqual({ keys: 1, entries: 60 + 1441 });
  });

  it('forgets a key once nothing of it can matter any more', async () => {
    const store = memoryRateLimitStore();
    await store.tryAcquire('quiet', 0, HIGHLEVEL_WINDOWS);
    await store.blockUntil('blocked', 3 * 86_400_000);
    await store.tryAcquire('busy', 3600_000, HIGHLEVEL_WINDOWS);
    expect(store.stats().keys).toBe(3);
    await store.tryAcquire('busy', 86_400_000 + 120_000, HIGHLEVEL_WINDOWS);
    expect(store.stats().keys).toBe(2);
    await expect(store.tryAcquire('blocked', 2 * 86_400_000, HIGHLEVEL_WINDOWS)).resolves.toEqual({
      granted: false,
      retryInMs: 86_400_000,
    });
  });
});
