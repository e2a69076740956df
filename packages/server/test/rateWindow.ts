/** What HighLevel saw of a Location's pace, from the emulator's request log. */

/**
 * The most requests in any `windowMs` (default HighLevel's 10 s burst window) among `times`
 * (epoch ms, any order).
 *
 * @example expect(busiestWindow(requests.map((r) => Date.parse(r.time)))).toBeLessThanOrEqual(100);
 */
export function busiestWindow(times: readonly number[], windowMs = 10_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while (sorted[start]! <= sorted[end]! - windowMs) start++;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}
