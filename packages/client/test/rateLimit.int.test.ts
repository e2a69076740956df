/**
 * The client's limiter against the emulator's real limit (100 requests per sliding 10 s per app
 * per Location), in emulated time: the client and the emulator share one manual clock, so the
 * 30 s a burst of 300 takes pass in milliseconds.
 */
import { describe, expect, it } from 'vitest';
import { arrivals, emulatorClient, mostInAnyWindow, statuses, T0 } from './emulatorClient.js';

describe('rate limit: client limiter against the emulator', () => {
  it('300 concurrent requests on one Location: all succeed, no 429, at most 100 in any 10 s', async () => {
    const { hl, locationId, drive, requests } = emulatorClient();

    const locations = await drive(
      Promise.all(Array.from({ length: 300 }, () => hl.locations.get(locationId))),
    );

    expect(locations.every((l) => l.id === locationId)).toBe(true);
    const log = requests();
    expect(log).toHaveLength(300);
    expect(statuses(log).filter((s) => s === 429)).toEqual([]);
    expect(mostInAnyWindow(arrivals(log), 10_000)).toBeLessThanOrEqual(100);
    // ...and the budget is used, not wasted: the last hundred go out within ~21 s.
    expect(Math.max(...arrivals(log)) - T0).toBeLessThanOrEqual(21_000);
  });

  it('the limit is real: the same burst without the limiter meets 200 × 429', async () => {
    const { client, locationId, drive, requests } = emulatorClient();
    const unlimited = client({ rateLimit: false, retry: false });

    const outcomes = await drive(
      Promise.allSettled(Array.from({ length: 300 }, () => unlimited.locations.get(locationId))),
    );

    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(200);
    expect(statuses(requests()).filter((s) => s === 429)).toHaveLength(200);
  });

  it('budget spent by another process of the same app: one 429, then the call waits Retry-After and succeeds', async () => {
    const { hl, raw, locationId, drive, requests } = emulatorClient();
    // Another worker with the same token used the whole 10 s budget a moment ago.
    for (let n = 0; n < 100; n++) await raw('GET', `/locations/${locationId}`);

    const location = await drive(hl.locations.get(locationId));

    expect(location.id).toBe(locationId);
    const mine = requests().slice(100);
    expect(statuses(mine)).toEqual([429, 200]);
    // The emulator said Retry-After: 10; the second attempt came no sooner.
    expect(Date.parse(mine[1]!.time) - T0).toBeGreaterThanOrEqual(10_000);
  });
});
