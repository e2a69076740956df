/**
 * HighLevel's API limits, per app per Location: a burst window (100 requests per 10 s) and a
 * daily budget (200,000):
 * https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Authorization.md
 * ("What are current rate limits for API 2.0?"). Pure bookkeeping; the middleware decides.
 */

export interface RateLimits {
  /** Requests allowed in any sliding `intervalMs` window. */
  burst: number;
  intervalMs: number;
  /** Requests allowed per UTC day. */
  daily: number;
}

export const defaultLimits: RateLimits = { burst: 100, intervalMs: 10_000, daily: 200_000 };

export interface RateBucket {
  /** Arrival times (epoch ms) of accepted requests still inside the burst window. */
  recent: number[];
  day: number;
  dayCount: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Values for the `X-RateLimit-*` headers after this request. */
  remaining: number;
  dailyRemaining: number;
  /** When refused: seconds until a request would be accepted. */
  retryAfterSeconds: number;
}

const DAY_MS = 86_400_000;

export const newBucket = (): RateBucket => ({ recent: [], day: -1, dayCount: 0 });

/** Records one request at `now` in `bucket` (mutating it) if the limits allow it. */
export function takeRequest(bucket: RateBucket, limits: RateLimits, now: number): RateDecision {
  const day = Math.floor(now / DAY_MS);
  if (bucket.day !== day) {
    bucket.day = day;
    bucket.dayCount = 0;
  }
  bucket.recent = bucket.recent.filter((t) => t > now - limits.intervalMs);
  const burstFull = bucket.recent.length >= limits.burst;
  const dailyFull = bucket.dayCount >= limits.daily;
  if (burstFull || dailyFull) {
    const untilBurst = burstFull ? bucket.recent[0]! + limits.intervalMs - now : 0;
    const untilDay = dailyFull ? (day + 1) * DAY_MS - now : 0;
    return {
      allowed: false,
      remaining: Math.max(0, limits.burst - bucket.recent.length),
      dailyRemaining: Math.max(0, limits.daily - bucket.dayCount),
      retryAfterSeconds: Math.max(1, Math.ceil(Math.max(untilBurst, untilDay) / 1000)),
    };
  }
  bucket.recent.push(now);
  bucket.dayCount += 1;
  return {
    allowed: true,
    remaining: limits.burst - bucket.recent.length,
    dailyRemaining: limits.daily - bucket.dayCount,
    retryAfterSeconds: 0,
  };
}

/** The `X-RateLimit-*` headers HighLevel sends on every response. */
export function rateLimitHeaders(
  limits: RateLimits,
  decision: Pick<RateDecision, 'remaining' | 'dailyRemaining'>,
): Record<string, string> {
  return {
    'X-RateLimit-Limit-Daily': String(limits.daily),
    'X-RateLimit-Daily-Remaining': String(decision.dailyRemaining),
    'X-RateLimit-Interval-Milliseconds': String(limits.intervalMs),
    'X-RateLimit-Max': String(limits.burst),
    'X-RateLimit-Remaining': String(decision.remaining),
  };
}
