/**
 * Measures a log of grant times against a sliding window `(t - intervalMs, t]`, the window the
 * limiter promises to respect. Used by the tests and the benchmark to check every window, not
 * only those that start on a round number.
 */

/**
 * Grants in `(t - intervalMs, t]`, for sorted `times`.
 *
 * @example
 * grantsInWindow([0, 1, 1000], 1000, 1000); // 2: the grant at 0 is exactly one interval old
 */
export function grantsInWindow(times: readonly number[], intervalMs: number, t: number): number {
  return upperBound(times, t) - upperBound(times, t - intervalMs);
}

/**
 * The most grants in any window of `intervalMs`. The count only rises at a grant, so it is
 * enough to look at the windows ending at each grant.
 *
 * @example
 * busiestWindow([0, 0, 999, 1000], 1000); // 3, in (-1, 999]
 */
export function busiestWindow(times: readonly number[], intervalMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (const t of sorted) most = Math.max(most, grantsInWindow(sorted, intervalMs, t));
  return most;
}

/**
 * The fewest grants in a window `(t - intervalMs, t]` for any `t` in `[from, to)`. The count
 * only falls when a grant leaves, at `grant + intervalMs`, so it is enough to look at `from` and
 * at those instants.
 *
 * @example
 * quietestWindow([0, 500, 1000], 1000, 1000, 2000); // 1: at t = 1500, only the grant at 1000
 */
export function quietestWindow(
  times: readonly number[],
  intervalMs: number,
  from: number,
  to: number,
): number {
  const sorted = [...times].sort((a, b) => a - b);
  let fewest = grantsInWindow(sorted, intervalMs, from);
  for (const t of sorted) {
    const leaves = t + intervalMs;
    if (leaves > from && leaves < to) {
      fewest = Math.min(fewest, grantsInWindow(sorted, intervalMs, leaves));
    }
  }
  return fewest;
}

/** The number of entries of sorted `times` that are less than or equal to `t`. */
function upperBound(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
