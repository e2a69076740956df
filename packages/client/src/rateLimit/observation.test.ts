import { describe, expect, it } from 'vitest';
import {
  countedByHighLevel,
  dailyCapFrom,
  dailyRemainingToCap,
  rememberLimits,
  unseenRequests,
  windowsUnder,
  type ObservedBudget,
} from './observation.js';
import { HIGHLEVEL_WINDOWS, type RateLimitObservation } from './types.js';

const burst = { limit: 100, intervalMs: 10_000 };
const day = { limit: 200_000, intervalMs: 86_400_000 };

describe('windowsUnder', () => {
  it.each<[string, ObservedBudget, Array<{ limit: number; intervalMs: number }>]>([
    ['nothing observed', {}, [burst, day]],
    ['HighLevel reports our own limits', { max: 100, intervalMs: 10_000 }, [burst, day]],
    ['a smaller burst', { max: 50 }, [{ limit: 50, intervalMs: 10_000 }, day]],
    ['a longer interval', { intervalMs: 20_000 }, [{ limit: 100, intervalMs: 20_000 }, day]],
    [
      'a smaller burst over a shorter interval: the smaller limit over the longer interval',
      { max: 80, intervalMs: 5000 },
      [{ limit: 80, intervalMs: 10_000 }, day],
    ],
    ['a larger burst is not believed', { max: 500, intervalMs: 1000 }, [burst, day]],
    ['a smaller daily limit', { dailyLimit: 1000 }, [burst, { ...day, limit: 1000 }]],
    ['a daily cap', { dailyCap: 1234 }, [burst, { ...day, limit: 1234 }]],
    [
      'the tighter of daily limit and cap',
      { dailyLimit: 1000, dailyCap: 5000 },
      [burst, { ...day, limit: 1000 }],
    ],
    [
      'a daily cap of zero still lets one probe through',
      { dailyCap: 0 },
      [burst, { ...day, limit: 1 }],
    ],
  ])('%s', (_name, observed, expected) => {
    expect(windowsUnder(HIGHLEVEL_WINDOWS, observed)).toEqual(expected);
  });

  it('hands back the configured windows themselves when nothing narrows them', () => {
    expect(windowsUnder(HIGHLEVEL_WINDOWS, { max: 100 })).toBe(HIGHLEVEL_WINDOWS);
  });

  it('with one window, reads the burst headers and ignores the daily ones', () => {
    expect(windowsUnder([burst], { max: 60, dailyLimit: 10, dailyCap: 3 })).toEqual([
      { limit: 60, intervalMs: 10_000 },
    ]);
  });
});

describe('rememberLimits', () => {
  it.each<[string, ObservedBudget, RateLimitObservation, ObservedBudget]>([
    [
      'keeps what a response says',
      {},
      { max: 50, intervalMs: 10_000, dailyLimit: 9 },
      { max: 50, intervalMs: 10_000, dailyLimit: 9 },
    ],
    ['keeps the last value of a header not sent', { max: 50 }, { remaining: 3 }, { max: 50 }],
    [
      'ignores garbled values',
      { max: 50 },
      { max: Number.NaN, intervalMs: 0, dailyLimit: -1 },
      { max: 50 },
    ],
    ['rounds a fractional limit down', {}, { max: 49.7 }, { max: 49 }],
  ])('%s', (_name, previous, observation, expected) => {
    expect(rememberLimits(previous, observation)).toEqual(expected);
  });
});

describe('unseenRequests', () => {
  it.each<[string, RateLimitObservation, number, number]>([
    ['HighLevel counted 40, we sent 25', { remaining: 60 }, 25, 15],
    ['HighLevel counted as many as we sent', { remaining: 75 }, 25, 0],
    ['HighLevel counted fewer (its window already moved on)', { remaining: 90 }, 25, 0],
    ['measured against the max HighLevel reports', { remaining: 10, max: 50 }, 25, 15],
    ['no remaining header', { max: 50 }, 25, 0],
    ['a garbled remaining header', { remaining: Number.NaN }, 0, 0],
  ])('%s', (_name, observation, usedBurst, expected) => {
    expect(unseenRequests(observation, burst, usedBurst)).toBe(expected);
  });
});

describe('dailyCapFrom', () => {
  it.each<[RateLimitObservation, number, number | undefined]>([
    [{ dailyRemaining: 40 }, 1000, 1040],
    [{ dailyRemaining: 0 }, 7, 7],
    [{ remaining: 5 }, 7, undefined],
    [{ dailyRemaining: -1 }, 7, undefined],
  ])('%o with %i in our daily window -> %s', (observation, usedDaily, expected) => {
    expect(dailyCapFrom(observation, usedDaily)).toBe(expected);
  });
});

describe('countedByHighLevel', () => {
  it.each<[RateLimitObservation, number | undefined]>([
    [{ remaining: 60 }, 40],
    [{ remaining: 10, max: 50 }, 40],
    [{ remaining: 100 }, 0],
    [{ max: 50 }, undefined],
    [{ remaining: Number.NaN }, undefined],
  ])('%o -> %s', (observation, expected) => {
    expect(countedByHighLevel(observation, burst)).toBe(expected);
  });
});

describe('dailyRemainingToCap', () => {
  it.each<[string, RateLimitObservation, number | 'plenty' | undefined]>([
    ['a whole burst or more left: no cap', { dailyRemaining: 100 }, 'plenty'],
    ['fewer than a burst left: the cap', { dailyRemaining: 99.5 }, 99],
    ['none left', { dailyRemaining: 0 }, 0],
    ['not said: the cap stays', { remaining: 5 }, undefined],
    ['garbled: the cap stays', { dailyRemaining: -1 }, undefined],
  ])('%s', (_name, observation, expected) => {
    expect(dailyRemainingToCap(observation, burst)).toBe(expected);
  });
});
