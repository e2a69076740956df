/**
 * How much of HighLevel's burst limit (100 requests per sliding 10 s per Location, the
 * emulator's default) a run used, from the emulator's request log.
 */
import type { RequestLogEntry } from '@ghl-bridge/emulator';

/** HighLevel's burst window, as the emulator enforces it. */
export const LIMIT = 100;
export const WINDOW_MS = 10_000;

/**
 * Accepted requests per 10 s in the steady state: from a Location's first request of the run to
 * the one a whole number of bursts (100 requests) later. A Location held at its limit sends each
 * burst one window after the last, so this reads its sustained rate, with no partial burst at the
 * end; the emulator accepts no 101st request within 10 s, so it never exceeds the limit. With
 * 100 requests or fewer the limit never binds: they count over one window, or their span if
 * longer. Times are epoch ms, oldest first.
 *
 * @example requestsPer10s([0, 50, 100]) // 3: three requests never meet the limit
 */
export function requestsPer10s(times: number[]): number {
  const whole = Math.floor((times.length - 1) / LIMIT) * LIMIT;
  if (whole === 0) {
    const span = times.length > 0 ? times.at(-1)! - times[0]! : 0;
    return (times.length / Math.max(WINDOW_MS, span)) * WINDOW_MS;
  }
  return (whole / (times[whole]! - times[0]!)) * WINDOW_MS;
}

/** One Location's calls, 429s and sustained rate as a fraction of the limit. */
export function locationFigures(log: readonly RequestLogEntry[], locationId: string) {
  const entries = log.filter((entry) => entry.locationId === locationId);
  const accepted = entries.filter((entry) => entry.status !== 429);
  return {
    calls: entries.length,
    tooMany: entries.length - accepted.length,
    fractionOfLimit: requestsPer10s(accepted.map((entry) => Date.parse(entry.time))) / LIMIT,
  };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
