/**
 * A Location's HighLevel requests over a span as the Health page charts them: one value per
 * 10-second bucket, every bucket present (0 without requests), with the span's totals and its
 * busiest bucket to set against the limit of 100 per 10 s.
 */
import type { RequestCount } from './requestTally.js';

export interface RequestSeries {
  /** The first bucket's start, ms since the epoch. */
  startMs: number;
  bucketMs: number;
  /** Per bucket, oldest first. */
  requests: number[];
  throttled: number[];
  failed: number[];
  totals: { requests: number; throttled: number; failed: number; peak: number };
}

/**
 * Every bucket from `fromBucket` to `toBucket` (both included), from the stored `rows`.
 *
 * @example requestSeries([{ locationId: 'l', bucket: 11, requests: 4, throttled: 0, failed: 0 }], 10, 12, 10_000).requests; // [0, 4, 0]
 */
export function requestSeries(
  rows: readonly RequestCount[],
  fromBucket: number,
  toBucket: number,
  bucketMs: number,
): RequestSeries {
  const length = Math.max(0, toBucket - fromBucket + 1);
  const requests = new Array<number>(length).fill(0);
  const throttled = new Array<number>(length).fill(0);
  const failed = new Array<number>(length).fill(0);
  for (const row of rows) {
    const i = row.bucket - fromBucket;
    if (i < 0 || i >= length) continue;
    requests[i]! += row.requests;
    throttled[i]! += row.throttled;
    failed[i]! += row.failed;
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    startMs: fromBucket * bucketMs,
    bucketMs,
    requests,
    throttled,
    failed,
    totals: {
      requests: sum(requests),
      throttled: sum(throttled),
      failed: sum(failed),
      peak: Math.max(0, ...requests),
    },
  };
}
