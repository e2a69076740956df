import type { RateLimitWindow } from './types.js';

/**
 * Rejects windows no limiter could honour: a limit below one request would never grant (and give
 * no time at which to retry), a non-positive or infinite interval has no meaning.
 *
 * @example
 * assertWindows([{ limit: 100, intervalMs: 10_000 }]); // fine
 * assertWindows([{ limit: 0, intervalMs: 10_000 }]); // throws RangeError
 */
export function assertWindows(windows: readonly RateLimitWindow[]): void {
  if (windows.length === 0) {
    throw new RangeError('Rate limit windows: give at least one window, e.g. HIGHLEVEL_WINDOWS.');
  }
  for (const { limit, intervalMs } of windows) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(
        `Rate limit window: limit must be a whole number of requests >= 1, got ${limit}.`,
      );
    }
    if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
      throw new RangeError(
        `Rate limit window: intervalMs must be a positive number of ms, got ${intervalMs}.`,
      );
    }
  }
}

/**
 * Where HighLevel's two kinds of `X-RateLimit-*` headers land among the configured windows: the
 * burst headers (`Max`, `Remaining`, `Interval-Milliseconds`) describe the shortest window, the
 * daily ones (`Limit-Daily`, `Daily-Remaining`) the longest. With a single window there is no
 * daily window (`daily` is undefined).
 *
 * @example
 * windowRoles(HIGHLEVEL_WINDOWS); // { burst: 0, daily: 1 }
 */
export function windowRoles(windows: readonly RateLimitWindow[]): {
  burst: number;
  daily: number | undefined;
} {
  let burst = 0;
  let daily = 0;
  windows.forEach((w, i) => {
    if (w.intervalMs < windows[burst]!.intervalMs) burst = i;
    if (w.intervalMs > windows[daily]!.intervalMs) daily = i;
  });
  return { burst, daily: daily === burst ? undefined : daily };
}
