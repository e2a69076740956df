/**
 * How many HighLevel calls a reconciliation run may make, and how far apart. HighLevel allows 100
 * requests per 10 s per Location and app
 * (https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Faqs.md); the poll takes
 * a share of that (`GHL_BRIDGE_RECONCILE_BUDGET_SHARE`), so that booking syncs and voice calls,
 * which ask the same limiter at a higher priority, keep the rest even while it runs.
 */

/** A Location's burst budget: `limit` requests per `intervalMs`. */
export interface BurstWindow {
  limit: number;
  intervalMs: number;
}

export interface RunBudget {
  /** Calls (attempts, retries included) one run may make: its share over one interval. */
  maxCalls: number;
  /** The least time between two calls, so the run never goes above its share. */
  gapMs: number;
  /** A run stops after this long, before the next one is due. */
  timeLimitMs: number;
}

/** Even with a long interval, a run stops after 15 minutes; the next goes on from its checkpoint. */
export const LONGEST_RUN_MS = 15 * 60_000;

/**
 * The budget of one run every `intervalMs`, taking `share` (0..1] of `burst`.
 *
 * @example runBudget({ share: 0.1, intervalMs: 300_000, burst: { limit: 100, intervalMs: 10_000 } })
 * // { maxCalls: 300, gapMs: 1000, timeLimitMs: 300000 }
 */
export function runBudget(options: {
  share: number;
  intervalMs: number;
  burst: BurstWindow;
}): RunBudget {
  const { share, intervalMs, burst } = options;
  const perMs = (share * burst.limit) / burst.intervalMs;
  return {
    maxCalls: Math.max(1, Math.floor(perMs * intervalMs)),
    gapMs: Math.ceil(1 / perMs),
    timeLimitMs: Math.min(intervalMs, LONGEST_RUN_MS),
  };
}

/**
 * When a Location never polled before has its first run: between half an interval and one
 * interval from `now`, at a point fixed by its id, so Locations connected together are not all
 * polled at once.
 *
 * @example firstRunAt('loc_1', 0, 300_000) // a time from 150000 to 300000, the same every time
 */
export function firstRunAt(locationId: string, now: number, intervalMs: number): number {
  let hash = 0;
  for (const char of locationId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  // Mixed (MurmurHash3's finalizer), so ids that differ in one character land far apart.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  hash = (hash ^ (hash >>> 16)) >>> 0;
  return now + Math.round(intervalMs * (0.5 + (hash / 2 ** 32) * 0.5));
}

/**
 * How often a process looks for Locations due: a quarter of the interval, at least every 15 s and
 * at most every second.
 *
 * @example lookEveryMs(300_000) // 15000
 */
export function lookEveryMs(intervalMs: number): number {
  return Math.max(1000, Math.min(15_000, Math.floor(intervalMs / 4)));
}
