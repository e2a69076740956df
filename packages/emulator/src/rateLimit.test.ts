import { describe, expect, it } from 'vitest';
import { newBucket, takeRequest } from './rateLimit.js';

const limits = { burst: 3, intervalMs: 10_000, daily: 5 };

describe('takeRequest', () => {
  it('allows `burst` requests per sliding window, then says when to retry', () => {
    const bucket = newBucket();
    const at = (t: number) => takeRequest(bucket, limits, t);
    expect([at(0), at(1_000), at(2_000)].map((d) => d.remaining)).toEqual([2, 1, 0]);
    const refused = at(3_000);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 7 });
    expect(at(10_000)).toMatchObject({ allowed: true, remaining: 0, dailyRemaining: 1 });
  });

  it('refuses past the daily budget until the next UTC day', () => {
    const bucket = newBucket();
    const day = 86_400_000;
    for (let i = 0; i < 5; i++) takeRequest(bucket, limits, i * 20_000);
    const refused = takeRequest(bucket, limits, 200_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe((day - 200_000) / 1000);
    expect(takeRequest(bucket, limits, day).allowed).toBe(true);
  });
});
