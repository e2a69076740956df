import { describe, expect, it } from 'vitest';
import { HIGHLEVEL_WINDOWS, type RateLimitWindow } from './types.js';
import { assertWindows, windowRoles } from './windows.js';

describe('assertWindows', () => {
  it.each<[string, RateLimitWindow[], RegExp | undefined]>([
    ["HighLevel's windows", [...HIGHLEVEL_WINDOWS], undefined],
    ['no window', [], /at least one window/],
    ['a limit of zero', [{ limit: 0, intervalMs: 1000 }], /limit must be a whole number/],
    ['a fractional limit', [{ limit: 2.5, intervalMs: 1000 }], /limit must be a whole number/],
    ['a zero interval', [{ limit: 1, intervalMs: 0 }], /intervalMs must be a positive/],
    ['an endless interval', [{ limit: 1, intervalMs: Infinity }], /intervalMs must be a positive/],
  ])('%s', (_name, windows, error) => {
    if (error) expect(() => assertWindows(windows)).toThrow(error);
    else expect(() => assertWindows(windows)).not.toThrow();
  });
});

describe('windowRoles', () => {
  it.each<[string, RateLimitWindow[], { burst: number; daily: number | undefined }]>([
    ["HighLevel's windows", [...HIGHLEVEL_WINDOWS], { burst: 0, daily: 1 }],
    ['listed longest first', [...HIGHLEVEL_WINDOWS].reverse(), { burst: 1, daily: 0 }],
    ['a single window', [{ limit: 5, intervalMs: 1000 }], { burst: 0, daily: undefined }],
    [
      'three windows',
      [
        { limit: 1000, intervalMs: 60_000 },
        { limit: 10, intervalMs: 1000 },
        { limit: 5000, intervalMs: 3_600_000 },
      ],
      { burst: 1, daily: 2 },
    ],
  ])('%s', (_name, windows, expected) => {
    expect(windowRoles(windows)).toEqual(expected);
  });
});
