/**
 * When HighLevel re-sends a webhook. Per its Webhook Integration Guide (as of 2025-10) and the
 * "Automated Webhook Retries" help article: only a 429 answer is retried, 10 minutes after the
 * previous attempt plus a random jitter, at most 6 times (about 1 h 10 min in all); every other
 * status, 5xx included, is final, and so is a failed connection.
 * https://marketplace.gohighlevel.com/docs/webhook/WebhookIntegrationGuide
 * https://help.gohighlevel.com/support/solutions/articles/155000007071-automated-webhook-retries
 */

export const WEBHOOK_RETRY_INTERVAL_MS = 10 * 60_000;
export const WEBHOOK_MAX_RETRIES = 6;
/** HighLevel calls its jitter "a small, pseudo-random offset" without a figure; one minute here. */
export const WEBHOOK_RETRY_JITTER_MS = 60_000;

/** What one POST came to: an HTTP status, or no answer at all. */
export type AttemptOutcome = { status: number } | { error: string };

export type DeliveryDecision =
  { next: 'delivered' } | { next: 'retry'; delayMs: number } | { next: 'failed'; reason: string };

/**
 * What to do after an attempt, given how many retries were already made.
 *
 * @example
 * decideAfterAttempt({ status: 429 }, 0, () => 0.5); // { next: 'retry', delayMs: 630_000 }
 * decideAfterAttempt({ status: 503 }, 0, Math.random); // { next: 'failed', reason: '…' }
 */
export function decideAfterAttempt(
  outcome: AttemptOutcome,
  retriesSoFar: number,
  random: () => number,
): DeliveryDecision {
  if ('error' in outcome) {
    return { next: 'failed', reason: `no answer (${outcome.error}); HighLevel does not retry` };
  }
  const { status } = outcome;
  if (status >= 200 && status < 300) return { next: 'delivered' };
  if (status !== 429) {
    return { next: 'failed', reason: `answered ${status}; HighLevel retries only 429` };
  }
  if (retriesSoFar >= WEBHOOK_MAX_RETRIES) {
    return { next: 'failed', reason: `answered 429 after ${WEBHOOK_MAX_RETRIES} retries` };
  }
  const jitter = Math.floor(random() * WEBHOOK_RETRY_JITTER_MS);
  return { next: 'retry', delayMs: WEBHOOK_RETRY_INTERVAL_MS + jitter };
}
