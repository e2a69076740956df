import { describe, expect, it } from 'vitest';
import { firstRunAt, lookEveryMs, runBudget } from './budget.js';
import { changesSince, notesSince, RECHECK_MS, STATES_KEPT_MS } from './since.js';

const HIGHLEVEL = { limit: 100, intervalMs: 10_000 };

describe('runBudget', () => {
  it.each([
    // The defaults: 10 % of 100 per 10 s is one call a second, 300 over 5 minutes.
    [0.1, 300_000, { maxCalls: 300, gapMs: 1000, timeLimitMs: 300_000 }],
    [1, 6_000, { maxCalls: 60, gapMs: 100, timeLimitMs: 6_000 }],
    [0.05, 3_600_000, { maxCalls: 1800, gapMs: 2000, timeLimitMs: 900_000 }],
    // Never less than one call, or a run could do nothing at all.
    [0.01, 1_000, { maxCalls: 1, gapMs: 10_000, timeLimitMs: 1_000 }],
  ])('share %s every %s ms: %o', (share, intervalMs, budget) => {
    expect(runBudget({ share, intervalMs, burst: HIGHLEVEL })).toEqual(budget);
  });
});

describe('firstRunAt', () => {
  it('is between half an interval and one interval away, the same for a Location every time', () => {
    const times = ['loc_a', 'loc_b', 'loc_c', 'DemoLocation00000001'].map((id) =>
      firstRunAt(id, 1000, 300_000),
    );
    expect(times.every((t) => t >= 151_000 && t <= 301_000)).toBe(true);
    expect(new Set(times).size).toBe(4);
    expect(firstRunAt('loc_a', 1000, 300_000)).toBe(times[0]);
  });
});

describe('lookEveryMs', () => {
  it.each([
    [300_000, 15_000],
    [20_000, 5_000],
    [2_000, 1_000],
  ])('every %s ms interval: every %s ms', (interval, look) => {
    expect(lookEveryMs(interval)).toBe(look);
  });
});

describe('since', () => {
  it.each([
    ['the first run: since the connection', null, 50_000_000 - RECHECK_MS],
    ['later: since the last complete run', 60_000_000, 60_000_000 - RECHECK_MS],
  ])('%s', (_what, checkedAt, since) => {
    expect(changesSince(checkedAt, 50_000_000)).toBe(since);
  });

  it('reads notes back to the connection, within the time states are kept', () => {
    const day = 86_400_000;
    expect(notesSince(10 * day, 12 * day)).toBe(10 * day - RECHECK_MS);
    expect(notesSince(0, 100 * day)).toBe(100 * day - STATES_KEPT_MS + day);
  });
});
