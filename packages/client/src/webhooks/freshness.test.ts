import { describe, expect, it } from 'vitest';
import { describeDuration, judgeFreshness, type Freshness } from './freshness.js';

const MIN = 60_000;

describe('judgeFreshness', () => {
  const cases: [ageMs: number, toleranceMs: number, expected: Freshness][] = [
    [0, 5 * MIN, 'fresh'],
    [5 * MIN, 5 * MIN, 'fresh'],
    [5 * MIN + 1, 5 * MIN, 'stale'],
    [-5 * MIN, 5 * MIN, 'fresh'],
    [-5 * MIN - 1, 5 * MIN, 'from_the_future'],
    [70 * MIN, 75 * MIN, 'fresh'],
    [1, 0, 'stale'],
  ];
  it.each(cases)('a delivery %i ms old with tolerance %i ms is %s', (age, tolerance, expected) => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(judgeFreshness(now - age, now, tolerance)).toBe(expected);
  });
});

describe('describeDuration', () => {
  it.each([
    [250, '250 ms'],
    [12_000, '12 s'],
    [6 * MIN, '6 min'],
    [7 * MIN + 3000, '7 min 3 s'],
    [-(7 * MIN + 3000), '7 min 3 s'],
    [75 * MIN, '1 h 15 min'],
  ])('%i ms reads %s', (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });
});
