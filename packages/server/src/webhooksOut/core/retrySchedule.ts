/**
 * When a failed delivery is tried again: the schedule Standard Webhooks suggests and Svix uses
 * (https://docs.svix.com/retries): 5 s, 5 min, 30 min, 2 h, 5 h, then five more 10 h apart, each delay
 * give or take 10 % so the deliveries that failed together do not all come back at once. The
 * last retry comes about 57.6 hours after the first attempt (63.4 at most with the jitter, within
 * three days); a delivery that fails that one too is dead-lettered (`failed`) after 11 attempts.
 */

/** Seconds before each retry: the first after the first attempt, and so on. */
export const RETRY_DELAYS_SECONDS: readonly number[] = [
  5,
  5 * 60,
  30 * 60,
  2 * 3600,
  5 * 3600,
  10 * 3600,
  10 * 3600,
  10 * 3600,
  10 * 3600,
  10 * 3600,
];

/** Each delay is moved by up to this share of itself, either way. */
export const RETRY_JITTER = 0.1;

/** Attempts a delivery gets in all, the first included. */
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/**
 * The delay before the next attempt, after `attemptsMade` failed ones, in milliseconds; undefined
 * when the schedule is over. `random` is a number in [0, 1) (`Math.random` in production).
 *
 * @example nextRetryDelayMs(1, () => 0.5) // 5000: the first retry, without jitter
 */
export function nextRetryDelayMs(attemptsMade: number, random: () => number): number | undefined {
  const delay = RETRY_DELAYS_SECONDS[attemptsMade - 1];
  if (delay === undefined) return undefined;
  const jitter = (random() * 2 - 1) * RETRY_JITTER;
  return Math.round(delay * 1000 * (1 + jitter));
}
