/**
 * Replay protection by age. HighLevel's docs ask receivers to reject a delivery whose
 * `timestamp` is more than about five minutes old
 * (https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/WebhookAuthentication.md).
 */

/** Five minutes, HighLevel's suggested window. */
export const DEFAULT_WEBHOOK_TOLERANCE_MS = 5 * 60_000;

export type Freshness = 'fresh' | 'stale' | 'from_the_future';

/**
 * Whether a delivery sent at `sentAtMs` is acceptable at `nowMs`: no more than `toleranceMs`
 * old, and no more than `toleranceMs` ahead (the sender's clock may run a little fast).
 *
 * @example
 * judgeFreshness(Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-01-01T00:06:00Z'), 300_000);
 * // 'stale'
 */
export function judgeFreshness(sentAtMs: number, nowMs: number, toleranceMs: number): Freshness {
  const ageMs = nowMs - sentAtMs;
  if (ageMs > toleranceMs) return 'stale';
  if (-ageMs > toleranceMs) return 'from_the_future';
  return 'fresh';
}

/**
 * A duration for an error message: `7 min 3 s`, `12 s`, `250 ms`.
 *
 * @example
 * describeDuration(423_000); // '7 min 3 s'
 */
export function describeDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(abs)} ms`;
  const totalSeconds = Math.round(abs / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [
    hours > 0 ? `${hours} h` : '',
    minutes > 0 ? `${minutes} min` : '',
    seconds > 0 || totalSeconds < 60 ? `${seconds} s` : '',
  ];
  return parts.filter(Boolean).join(' ');
}
