import type { Clock } from '../clock.js';

/** Who is waiting: a live voice call goes before a sync job, which goes before a backfill. */
export type Priority = 'interactive' | 'normal' | 'bulk';

/** At most `limit` requests in any sliding `intervalMs`. */
export interface RateLimitWindow {
  limit: number;
  intervalMs: number;
}

/**
 * HighLevel's limits "for each Marketplace app (i.e., client) per resource (i.e., Location or
 * Company)": 100 requests per 10 seconds and 200,000 per day.
 * https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Faqs.md
 */
export const HIGHLEVEL_WINDOWS: readonly RateLimitWindow[] = [
  { limit: 100, intervalMs: 10_000 },
  { limit: 200_000, intervalMs: 86_400_000 },
];

/**
 * What the client uses by default: HighLevel's windows with the burst interval stretched by
 * 250 ms. Requests sent exactly as a window frees reach HighLevel up to a few hundred ms apart
 * (network jitter), so a grant schedule that is exact at the sender can show 101 in 10 s at the
 * receiver. 100 per 10.25 s still uses 97.6 % of the documented budget.
 */
export const DEFAULT_WINDOWS: readonly RateLimitWindow[] = [
  { limit: 100, intervalMs: 10_250 },
  { limit: 200_000, intervalMs: 86_400_000 },
];

export type AcquireResult = { granted: true } | { granted: false; retryInMs: number };

/**
 * What one response's `X-RateLimit-*` headers said about a key's budget, for the store to take in
 * with its next decision for that key (`RateLimitStore.tryAcquireReporting`).
 */
export interface BudgetReport {
  /** When the response arrived, on the limiter's clock. */
  at: number;
  /** Which of the windows is HighLevel's burst window. */
  burst: number;
  /**
   * Requests HighLevel counted in its burst window when it answered (`X-RateLimit-Max` minus
   * `X-RateLimit-Remaining`). Those that the store's count of the burst window ending at `at`
   * lacks came from elsewhere (another app or process on the Location): they are recorded at `at`.
   * Ignored once that window has passed.
   */
  counted?: number;
  /** Which of the windows is the daily one, when `dailyRemaining` is given. */
  daily?: number;
  /**
   * `X-RateLimit-Daily-Remaining`, sent only when so few remain that the day could run out before
   * the next answer: the daily window's limit becomes its count at `at` plus this (at least one),
   * in this decision and, through the limiter, in later ones.
   */
  dailyRemaining?: number;
}

/** A decision that took in a report: with `dailyRemaining`, the daily count the cap was based on. */
export type ReportedAcquireResult = AcquireResult & { usedDaily?: number };

/**
 * Where the per-key request history lives. The memory store serves one process; the server
 * provides a database-backed store so that every process shares one budget per Location.
 */
export interface RateLimitStore {
  /**
   * Atomically: if every window has room for one more request for `key` at `now`, record it and
   * grant; otherwise record nothing and say how long until a slot frees.
   */
  tryAcquire(key: string, now: number, windows: readonly RateLimitWindow[]): Promise<AcquireResult>;
  /**
   * Record `count` requests that HighLevel counted but this store did not see (another process or
   * app on the same Location), so the local budget is no larger than HighLevel's.
   */
  recordExternal(key: string, now: number, count: number): Promise<void>;
  /** Grant nothing for `key` before `until` (after a 429). */
  blockUntil(key: string, until: number): Promise<void>;
  /** Requests recorded for `key` in the sliding window ending at `now`. */
  used(key: string, now: number, intervalMs: number): Promise<number>;
  /**
   * Optional: takes in `report`, then decides as `tryAcquire` does, atomically (one round trip
   * for a database). A store without it is asked `used` and `recordExternal` after each response
   * instead, which costs a database store two more round trips per request.
   */
  tryAcquireReporting?(
    key: string,
    now: number,
    windows: readonly RateLimitWindow[],
    report: BudgetReport,
  ): Promise<ReportedAcquireResult>;
}

/** What the response headers said about the budget (HighLevel's `X-RateLimit-*`). */
export interface RateLimitObservation {
  /** `X-RateLimit-Remaining`: requests left in the current burst interval. */
  remaining?: number;
  /** `X-RateLimit-Max`: the burst limit. */
  max?: number;
  /** `X-RateLimit-Interval-Milliseconds`. */
  intervalMs?: number;
  /** `X-RateLimit-Daily-Remaining`. */
  dailyRemaining?: number;
  /** `X-RateLimit-Limit-Daily`. */
  dailyLimit?: number;
}

export interface RateLimiterOptions {
  /** Defaults to `DEFAULT_WINDOWS`: HighLevel's 100 / 10 s (plus a 250 ms margin) and 200,000 / day. */
  windows?: readonly RateLimitWindow[];
  /** Defaults to a memory store (one process). */
  store?: RateLimitStore;
  clock?: Clock;
}

export interface RateLimiter {
  /**
   * Waits until one request for `key` may be sent, serving waiters by priority, then FIFO.
   * Rejects with the signal's reason when aborted while waiting.
   */
  acquire(
    key: string,
    options?: { priority?: Priority; signal?: AbortSignal },
  ): Promise<{ waitedMs: number }>;
  /** Feed back the `X-RateLimit-*` headers of a response for `key`. */
  observe(key: string, observation: RateLimitObservation): Promise<void>;
  /** A 429 arrived: send nothing for `key` for `retryAfterMs`. */
  penalize(key: string, retryAfterMs: number): Promise<void>;
}
