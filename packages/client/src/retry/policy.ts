/**
 * When to send a failed request again: a pure function of what happened, so every case is a row
 * in a table test. The layer in `layers/retry.ts` does what it says.
 */

export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. */
  maxAttempts?: number;
  /** First backoff step. Default 500 ms; doubles each attempt. */
  baseDelayMs?: number;
  /** Backoff cap. Default 20 s. */
  maxDelayMs?: number;
  /** A 429 asking to wait longer than this is raised instead of waited out. Default 60 s. */
  maxRateLimitWaitMs?: number;
}

/** What went wrong with one attempt. */
export type AttemptFailure =
  | {
      kind: 'status';
      status: number;
      /** `Retry-After`, when HighLevel sent it. */
      retryAfterMs?: number;
      /** `X-RateLimit-Daily-Remaining` from the failed response. */
      dailyRemaining?: number;
    }
  /** The connection failed; `beforeSend` when the request certainly never left (refused, DNS). */
  | { kind: 'network'; beforeSend: boolean }
  | { kind: 'timeout' };

export interface RetryInput {
  failure: AttemptFailure;
  /** Attempts made so far, this one included (1 after the first). */
  attempt: number;
  /** Whether repeating the request cannot create a second record (GET, PUT, DELETE, upsert …). */
  idempotent: boolean;
  /** A number in [0, 1) for jitter. */
  random: number;
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | {
      retry: false;
      reason:
        | 'not_retryable'
        | 'attempts_exhausted'
        | 'outcome_unknown'
        | 'wait_too_long'
        | 'daily_limit_exhausted';
    };

const defaults: Required<RetryOptions> = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRateLimitWaitMs: 60_000,
};

/** Capped exponential backoff with jitter: between half and all of the step. */
export function backoffMs(attempt: number, random: number, options: RetryOptions = {}): number {
  const { baseDelayMs, maxDelayMs } = { ...defaults, ...options };
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step * (0.5 + random / 2));
}

/**
 * Retries 429s (honouring `Retry-After`), connection failures before the request was sent, and
 * 5xx or timeouts of idempotent operations. A create whose outcome is unknown (sent, then a
 * timeout, a dropped connection or a 5xx) is never re-sent: it could exist already.
 */
export function decideRetry(input: RetryInput, options: RetryOptions = {}): RetryDecision {
  const o = { ...defaults, ...options };
  const { failure, attempt, idempotent, random } = input;
  const unknownOutcome = () =>
    idempotent ? null : ({ retry: false, reason: 'outcome_unknown' } as const);

  let delayMs: number;
  if (failure.kind === 'status' && failure.status === 429) {
    // HighLevel counts the day too; when that budget is gone, waiting seconds will not help.
    if (failure.dailyRemaining === 0) return { retry: false, reason: 'daily_limit_exhausted' };
    delayMs = failure.retryAfterMs ?? Math.max(1000, backoffMs(attempt, random, o));
    if (delayMs > o.maxRateLimitWaitMs) return { retry: false, reason: 'wait_too_long' };
  } else if (failure.kind === 'status' && failure.status >= 500) {
    const refusal = unknownOutcome();
    if (refusal) return refusal;
    delayMs = backoffMs(attempt, random, o);
  } else if (failure.kind === 'status') {
    return { retry: false, reason: 'not_retryable' };
  } else if (failure.kind === 'network' && failure.beforeSend) {
    delayMs = backoffMs(attempt, random, o);
  } else {
    const refusal = unknownOutcome();
    if (refusal) return refusal;
    delayMs = backoffMs(attempt, random, o);
  }
  if (attempt >= o.maxAttempts) return { retry: false, reason: 'attempts_exhausted' };
  return { retry: true, delayMs };
}
