import { describe, expect, it } from 'vitest';
import { busiestWindow, grantsInWindow, quietestWindow } from './windowStats.js';

describe('window statistics over (t - interval, t]', () => {
  it.each<[string, number[], number, number]>([
    ['nothing', [], 1000, 0],
    ['a grant exactly one interval older is outside', [0, 1000], 1000, 1],
    ['one millisecond less and both are inside', [1, 1000], 1000, 2],
    ['a busy stretch that starts off any round number', [0, 450, 500, 900, 1400, 1450], 1000, 4],
    ['unsorted input', [1450, 0, 900, 500, 1400, 450], 1000, 4],
  ])('busiest: %s', (_name, times, interval, expected) => {
    expect(busiestWindow(times, interval)).toBe(expected);
  });

  it.each<[string, number[], number, number, number, number]>([
    ['a steady 1 per 100 ms', [0, 100, 200, 300, 400, 500, 600], 300, 300, 600, 3],
    ['a gap between bursts', [0, 0, 1000, 1000], 1000, 1000, 2000, 2],
    ['the gap shows once a burst has left', [0, 0, 1500, 1500], 1000, 1000, 2000, 0],
    ['to is not included', [0, 0, 1000, 1000, 2000], 1000, 1000, 2000, 2],
  ])('quietest: %s', (_name, times, interval, from, to, expected) => {
    expect(quietestWindow(times, interval, from, to)).toBe(expected);
  });

  it('counts a single window', () => {
    expect(grantsInWindow([0, 1, 999, 1000, 1001], 1000, 1000)).toBe(3);
  });
});
