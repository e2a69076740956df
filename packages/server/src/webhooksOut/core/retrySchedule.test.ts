import { describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, RETRY_DELAYS_SECONDS, nextRetryDelayMs } from './retrySchedule.js';

const middle = () => 0.5;

describe('the retry schedule', () => {
  it.each([
    [1, 5_000],
    [2, 300_000],
    [3, 1_800_000],
    [4, 7_200_000],
    [5, 18_000_000],
    [6, 36_000_000],
    [10, 36_000_000],
  ])('after %i failed attempt(s), waits %i ms', (attempts, ms) => {
    expect(nextRetryDelayMs(attempts, middle)).toBe(ms);
  });

  it('stops after the last retry, within three days of the first attempt', () => {
    expect(nextRetryDelayMs(MAX_DELIVERY_ATTEMPTS, middle)).toBeUndefined();
    const total = RETRY_DELAYS_SECONDS.reduce((sum, s) => sum + s, 0) * 1.1;
    expect(total).toBeLessThan(3 * 24 * 3600);
  });

  it('moves each delay by at most 10 % either way', () => {
    expect(nextRetryDelayMs(1, () => 0)).toBe(4_500);
    expect(nextRetryDelayMs(1, () => 0.999999)).toBe(5_500);
  });
});
