import { describe, expect, it } from 'vitest';
import { HighLevelError } from '../errors.js';
import { FREE_SLOTS_MAX_RANGE_MS, mergeSlots, slotsOfDays, splitRange } from './freeSlots.js';

const DAY = 86_400_000;

describe('splitRange', () => {
  it.each([
    ['a day', 0, DAY, [[0, DAY]]],
    ['exactly 31 days', 0, 31 * DAY, [[0, 31 * DAY]]],
    [
      '31 days and 1 ms',
      0,
      31 * DAY + 1,
      [
        [0, 31 * DAY],
        [31 * DAY, 31 * DAY + 1],
      ],
    ],
    [
      '70 days',
      0,
      70 * DAY,
      [
        [0, 31 * DAY],
        [31 * DAY, 62 * DAY],
        [62 * DAY, 70 * DAY],
      ],
    ],
    ['an instant', 5, 5, [[5, 5]]],
  ])('covers %s contiguously in ranges HighLevel accepts', (_, start, end, expected) => {
    const ranges = splitRange(start, end);
    expect(ranges).toEqual(expected);
    for (const [from, to] of ranges) expect(to - from).toBeLessThanOrEqual(FREE_SLOTS_MAX_RANGE_MS);
  });

  it('refuses an end before the start, or a date that is not one', () => {
    expect(() => splitRange(10, 5)).toThrow(HighLevelError);
    expect(() => splitRange(Number.NaN, 5)).toThrow(/start before the end/);
  });
});

describe('slotsOfDays', () => {
  it('reads the slots of every date key and skips the traceId HighLevel mixes in', () => {
    const body = {
      '2024-10-28': { slots: ['2024-10-28T10:00:00-05:00', '2024-10-28T11:00:00-05:00'] },
      traceId: '5c0b0bd8-0b6e-4b0e-8f6a-1d1e0c0f0a0b',
      '2024-10-29': { slots: ['2024-10-29T14:30:00-05:00'] },
    };
    expect(slotsOfDays(body)).toEqual([
      '2024-10-28T10:00:00-05:00',
      '2024-10-28T11:00:00-05:00',
      '2024-10-29T14:30:00-05:00',
    ]);
  });

  it('reads nothing from an empty or odd answer', () => {
    expect(slotsOfDays({})).toEqual([]);
    expect(slotsOfDays(undefined)).toEqual([]);
    expect(slotsOfDays({ '2024-10-28': null, '2024-10-29': { slots: 'none' } })).toEqual([]);
  });
});

describe('mergeSlots', () => {
  it('orders by instant, not by text, across a DST change', () => {
    // 01:30 CDT (06:30Z) comes before 01:00 CST (07:00Z) on the night clocks go back.
    const cdt = '2025-11-02T01:30:00-05:00';
    const cst = '2025-11-02T01:00:00-06:00';
    expect(mergeSlots([[cst], [cdt]])).toEqual([cdt, cst]);
  });

  it('keeps a slot returned by two ranges once, as HighLevel wrote it', () => {
    const merged = mergeSlots([
      ['2024-10-28T10:00:00-05:00', '2024-10-29T10:00:00-05:00'],
      ['2024-10-29T10:00:00-05:00', '2024-10-30T10:00:00-05:00'],
    ]);
    expect(merged).toEqual([
      '2024-10-28T10:00:00-05:00',
      '2024-10-29T10:00:00-05:00',
      '2024-10-30T10:00:00-05:00',
    ]);
  });
});
