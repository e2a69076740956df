import type { RateLimitObservation, RateLimitWindow } from './types.js';
import { windowRoles } from './windows.js';

/**
 * What HighLevel last said about one key's budget. Each field only ever narrows a configured
 * window; a field HighLevel did not send keeps its last value.
 */
export interface ObservedBudget {
  /** `X-RateLimit-Max`. */
  max?: number;
  /** `X-RateLimit-Interval-Milliseconds`. */
  intervalMs?: number;
  /** `X-RateLimit-Limit-Daily`. */
  dailyLimit?: number;
  /**
   * The most requests our daily window may hold: what it held when HighLevel last said how many
   * remain today, plus that many. Refreshed by every response, so it follows HighLevel's reset.
   */
  dailyCap?: number;
}

/** A header value worth acting on: a finite number, at least `min`. */
function usable(value: number | undefined, min: number): value is number {
  return value !== undefined && Number.isFinite(value) && value >= min;
}

/**
 * Keeps the budget headers of a response (`Max`, `Interval-Milliseconds`, `Limit-Daily`) that
 * make sense; absent or garbled ones leave the previous value.
 *
 * @example
 * rememberLimits({}, { max: 50, intervalMs: 10_000 }); // { max: 50, intervalMs: 10000 }
 */
export function rememberLimits(
  previous: ObservedBudget,
  observation: RateLimitObservation,
): ObservedBudget {
  const next = { ...previous };
  if (usable(observation.max, 1)) next.max = Math.floor(observation.max);
  if (usable(observation.intervalMs, 1)) next.intervalMs = observation.intervalMs;
  if (usable(observation.dailyLimit, 1)) next.dailyLimit = Math.floor(observation.dailyLimit);
  return next;
}

/**
 * The windows to enforce for a key: each configured window narrowed by what HighLevel said. A
 * burst of `max` per `intervalMs` that differs from ours is honoured by taking the smaller limit
 * over the longer interval, which satisfies both. Returns `configured` itself when nothing
 * narrows it.
 *
 * @example
 * windowsUnder(HIGHLEVEL_WINDOWS, { max: 50 });
 * // [{ limit: 50, intervalMs: 10000 }, { limit: 200000, intervalMs: 86400000 }]
 */
export function windowsUnder(
  configured: readonly RateLimitWindow[],
  observed: ObservedBudget,
): readonly RateLimitWindow[] {
  const roles = windowRoles(configured);
  let changed = false;
  const windows = configured.map((window, i) => {
    let { limit, intervalMs } = window;
    if (i === roles.burst) {
      limit = Math.min(limit, observed.max ?? limit);
      intervalMs = Math.max(intervalMs, observed.intervalMs ?? intervalMs);
    } else if (i === roles.daily) {
      limit = cappedDailyLimit(
        Math.min(limit, observed.dailyLimit ?? limit),
        observed.dailyCap ?? limit,
      );
    }
    if (limit === window.limit && intervalMs === window.intervalMs) return window;
    changed = true;
    return { limit, intervalMs };
  });
  return changed ? windows : configured;
}

/**
 * The daily window's limit under a cap: at least one request, because with nothing of ours left
 * in the window a single probe is how we learn that HighLevel's day has been reset (a 429 answer
 * puts `penalize` in charge).
 *
 * @example cappedDailyLimit(200_000, 1234); // 1234
 */
export function cappedDailyLimit(limit: number, cap: number): number {
  return Math.max(1, Math.min(limit, cap));
}

/**
 * Requests HighLevel counted in its burst interval when it answered (`X-RateLimit-Max` minus
 * `X-RateLimit-Remaining`, our burst limit standing in for a missing `Max`); undefined when it did
 * not say how many remain.
 *
 * @example countedByHighLevel({ remaining: 60 }, { limit: 100, intervalMs: 10_000 }); // 40
 */
export function countedByHighLevel(
  observation: RateLimitObservation,
  burst: RateLimitWindow,
): number | undefined {
  if (!usable(observation.remaining, 0)) return undefined;
  const max = usable(observation.max, 1) ? Math.floor(observation.max) : burst.limit;
  return max - observation.remaining;
}

/**
 * How many requests HighLevel counted in its burst interval that `usedBurst` (our count over
 * the same window) does not include: other processes of this app on the same Location. Zero when
 * HighLevel reports as many remaining as we expect, or more: we never speed up on its word.
 *
 * @example
 * unseenRequests({ remaining: 60 }, { limit: 100, intervalMs: 10_000 }, 25); // 15
 */
export function unseenRequests(
  observation: RateLimitObservation,
  burst: RateLimitWindow,
  usedBurst: number,
): number {
  const counted = countedByHighLevel(observation, burst);
  return counted === undefined ? 0 : Math.max(0, Math.ceil(counted - usedBurst));
}

/**
 * What `X-RateLimit-Daily-Remaining` means for the daily cap: undefined when the response did not
 * say (the cap stays as it was); `'plenty'` when a whole burst still fits in the day, so no cap is
 * needed (no more than a burst goes out before the next answer says more); else the number left,
 * which caps the day.
 *
 * @example
 * dailyRemainingToCap({ dailyRemaining: 150_000 }, { limit: 100, intervalMs: 10_000 }); // 'plenty'
 * dailyRemainingToCap({ dailyRemaining: 40 }, { limit: 100, intervalMs: 10_000 }); // 40
 */
export function dailyRemainingToCap(
  observation: RateLimitObservation,
  burst: RateLimitWindow,
): number | 'plenty' | undefined {
  if (!usable(observation.dailyRemaining, 0)) return undefined;
  const remaining = Math.floor(observation.dailyRemaining);
  return remaining >= burst.limit ? 'plenty' : remaining;
}

/**
 * The daily cap after a response that said how many requests remain today, given what our daily
 * window holds now. Undefined when the response did not say.
 *
 * @example
 * dailyCapFrom({ dailyRemaining: 40 }, 1_000); // 1040
 */
export function dailyCapFrom(
  observation: RateLimitObservation,
  usedDaily: number,
): number | undefined {
  return usable(observation.dailyRemaining, 0)
    ? usedDaily + Math.floor(observation.dailyRemaining)
    : undefined;
}
