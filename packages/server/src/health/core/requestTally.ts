/**
 * HighLevel requests counted per Location and 10-second bucket, from the client's events: every
 * attempt that went out is a request (HighLevel counts it against the Location's 100 per 10 s,
 * https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Authorization.md), a 429 is a
 * request HighLevel throttled, a 5xx or a network failure one that failed. Held in memory
 * between the recorder's writes.
 */
import type { ClientEvent } from '@ghl-bridge/client';

/** HighLevel's burst window, and so the width of a bucket. */
export const BUCKET_MS = 10_000;

export interface RequestCount {
  locationId: string;
  /** The bucket's start in ms since the epoch, divided by `BUCKET_MS`. */
  bucket: number;
  requests: number;
  throttled: number;
  failed: number;
}

export interface RequestTally {
  /** Counts `event` at `now` when it is a request to a Location. */
  add(event: ClientEvent, now: number): void;
  /** Puts counts back (a write that failed), to be written with the next ones. */
  restore(counts: readonly RequestCount[]): void;
  /** The counts so far, emptying the tally. */
  drain(): RequestCount[];
}

/**
 * Whether `event` is one request that reached (or was sent to) HighLevel, and how it ended.
 *
 * @example requestOutcome({ type: 'error', status: 429, … }); // 'throttled'
 */
export function requestOutcome(event: ClientEvent): 'ok' | 'throttled' | 'failed' | undefined {
  if (event.type === 'response') return 'ok';
  if (event.type !== 'error') return undefined;
  if (event.status === 429) return 'throttled';
  // A 4xx other than 429 is HighLevel answering a request it did not accept (a contact not
  // found, a field it refused): the request worked, the bridge handles the answer.
  return event.status === undefined || event.status >= 500 ? 'failed' : 'ok';
}

/**
 * @example
 * const tally = createRequestTally();
 * tally.add(event, Date.now());
 * await addRequestCounts(db, tally.drain());
 */
export function createRequestTally(): RequestTally {
  let counts = new Map<string, RequestCount>();
  const countFor = (locationId: string, bucket: number) => {
    const key = `${locationId}\u0000${bucket}`;
    let count = counts.get(key);
    if (!count) {
      count = { locationId, bucket, requests: 0, throttled: 0, failed: 0 };
      counts.set(key, count);
    }
    return count;
  };
  return {
    add(event, now) {
      const outcome = requestOutcome(event);
      const locationId = 'resourceId' in event ? event.resourceId : undefined;
      if (!outcome || !locationId) return;
      const count = countFor(locationId, Math.floor(now / BUCKET_MS));
      count.requests += 1;
      if (outcome === 'throttled') count.throttled += 1;
      if (outcome === 'failed') count.failed += 1;
    },
    restore(restored) {
      for (const r of restored) {
        const count = countFor(r.locationId, r.bucket);
        count.requests += r.requests;
        count.throttled += r.throttled;
        count.failed += r.failed;
      }
    },
    drain() {
      const drained = [...counts.values()];
      counts = new Map();
      return drained;
    },
  };
}
