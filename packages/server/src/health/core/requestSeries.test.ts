import { describe, expect, it } from 'vitest';
import { requestSeries } from './requestSeries.js';
import { createRequestTally, requestOutcome } from './requestTally.js';

const row = (bucket: number, requests: number, throttled = 0, failed = 0) => ({
  locationId: 'loc_1',
  bucket,
  requests,
  throttled,
  failed,
});

describe('requestSeries', () => {
  it('fills every bucket of the span, oldest first, and sums the span', () => {
    const series = requestSeries([row(11, 4), row(13, 100, 2, 1)], 10, 14, 10_000);
    expect(series.startMs).toBe(100_000);
    expect(series.requests).toEqual([0, 4, 0, 100, 0]);
    expect(series.throttled).toEqual([0, 0, 0, 2, 0]);
    expect(series.failed).toEqual([0, 0, 0, 1, 0]);
    expect(series.totals).toEqual({ requests: 104, throttled: 2, failed: 1, peak: 100 });
  });

  it('leaves out rows outside the span and has a peak of 0 when idle', () => {
    const series = requestSeries([row(9, 50), row(15, 50)], 10, 14, 10_000);
    expect(series.requests).toEqual([0, 0, 0, 0, 0]);
    expect(series.totals.peak).toBe(0);
  });
});

describe('the request tally', () => {
  const base = { method: 'GET', path: '/contacts/', durationMs: 5, attempt: 1 };
  it.each([
    [{ type: 'response', status: 200 }, 'ok'],
    [{ type: 'error', status: 429, code: 'rate_limited' }, 'throttled'],
    [{ type: 'error', status: 503, code: 'server_error' }, 'failed'],
    [{ type: 'error', code: 'timeout' }, 'failed'],
    [{ type: 'error', status: 404, code: 'not_found' }, 'ok'],
    [{ type: 'retry', delayMs: 5, reason: '429' }, undefined],
  ] as const)('counts %o as %s', (event, outcome) => {
    expect(requestOutcome({ ...base, ...event })).toBe(outcome);
  });

  it('counts per Location and 10-second bucket, skips events without a Location, and restores', () => {
    const tally = createRequestTally();
    const event = (status: number, resourceId?: string) =>
      ({ type: 'response', ...base, status, resourceId }) as const;
    tally.add(event(200, 'loc_1'), 10_000);
    tally.add(event(200, 'loc_1'), 19_999);
    tally.add(event(200, 'loc_1'), 20_000);
    tally.add(event(200, 'loc_2'), 10_000);
    tally.add(event(200), 10_000);
    const drained = tally.drain();
    expect(drained).toEqual([
      row(1, 2),
      row(2, 1),
      { locationId: 'loc_2', bucket: 1, requests: 1, throttled: 0, failed: 0 },
    ]);
    expect(tally.drain()).toEqual([]);
    tally.restore(drained);
    tally.add(event(200, 'loc_1'), 10_000);
    expect(tally.drain()[0]).toEqual(row(1, 3));
  });
});
