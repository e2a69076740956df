/** The sliding-window count the rate-limit tests judge the emulator's log by. */
import { describe, expect, it } from 'vitest';
import { mostInAnyWindow } from './emulatorClient.js';

describe('mostInAnyWindow', () => {
  it.each([
    { arrivals: [], most: 0 },
    { arrivals: [0], most: 1 },
    { arrivals: [0, 9_999], most: 2 },
    // A window is [start, start + 10 s): an arrival exactly 10 s later starts the next one.
    { arrivals: [0, 10_000], most: 1 },
    { arrivals: [10_000, 0, 5_000], most: 2 },
    // A window that starts mid-stream catches the crowd the aligned ones split.
    { arrivals: [0, 9_000, 9_500, 10_500, 11_000, 25_000], most: 4 },
  ])('$arrivals -> $most', ({ arrivals, most }) => {
    expect(mostInAnyWindow(arrivals, 10_000)).toBe(most);
  });
});
