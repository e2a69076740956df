import { describe, expect, it } from 'vitest';
import { backoffMs, decideRetry, type AttemptFailure, type RetryDecision } from './policy.js';

const status = (
  s: number,
  extra: Partial<Extract<AttemptFailure, { kind: 'status' }>> = {},
): AttemptFailure => ({ kind: 'status', status: s, ...extra });

describe('decideRetry', () => {
  const cases: Array<[string, AttemptFailure, boolean, number, RetryDecision]> = [
    // name, failure, idempotent, attempt, decision (random = 0.5)
    [
      '429 honours Retry-After',
      status(429, { retryAfterMs: 3000 }),
      false,
      1,
      { retry: true, delayMs: 3000 },
    ],
    [
      '429 without Retry-After waits at least 1 s',
      status(429),
      true,
      1,
      { retry: true, delayMs: 1000 },
    ],
    ['429 on a create is safe to resend', status(429), false, 2, { retry: true, delayMs: 1000 }],
    [
      '429 asking for too long is raised',
      status(429, { retryAfterMs: 120_000 }),
      true,
      1,
      { retry: false, reason: 'wait_too_long' },
    ],
    [
      '429 with the daily budget gone is raised',
      status(429, { dailyRemaining: 0 }),
      true,
      1,
      { retry: false, reason: 'daily_limit_exhausted' },
    ],
    ['503 on a GET backs off', status(503), true, 1, { retry: true, delayMs: 375 }],
    [
      '500 on a GET backs off more the second time',
      status(500),
      true,
      2,
      { retry: true, delayMs: 750 },
    ],
    [
      '500 on a create: outcome unknown',
      status(500),
      false,
      1,
      { retry: false, reason: 'outcome_unknown' },
    ],
    ['timeout on a GET', { kind: 'timeout' }, true, 1, { retry: true, delayMs: 375 }],
    [
      'timeout on a create: outcome unknown',
      { kind: 'timeout' },
      false,
      1,
      { retry: false, reason: 'outcome_unknown' },
    ],
    [
      'connection refused on a create was never sent',
      { kind: 'network', beforeSend: true },
      false,
      1,
      { retry: true, delayMs: 375 },
    ],
    [
      'connection reset on a create: outcome unknown',
      { kind: 'network', beforeSend: false },
      false,
      1,
      { retry: false, reason: 'outcome_unknown' },
    ],
    [
      'connection reset on a PUT',
      { kind: 'network', beforeSend: false },
      true,
      1,
      { retry: true, delayMs: 375 },
    ],
    ['400 is the caller’s to fix', status(400), true, 1, { retry: false, reason: 'not_retryable' }],
    ['401 is not retried here', status(401), true, 1, { retry: false, reason: 'not_retryable' }],
    ['422 is not retried', status(422), true, 1, { retry: false, reason: 'not_retryable' }],
    ['attempts run out', status(503), true, 4, { retry: false, reason: 'attempts_exhausted' }],
    [
      'a create whose outcome is unknown is refused before the attempt count matters',
      status(502),
      false,
      4,
      { retry: false, reason: 'outcome_unknown' },
    ],
  ];
  it.each(cases)('%s', (_name, failure, idempotent, attempt, expected) => {
    expect(decideRetry({ failure, idempotent, attempt, random: 0.5 })).toEqual(expected);
  });

  it('caps the backoff and keeps jitter within half to all of the step', () => {
    expect(backoffMs(20, 0, { maxDelayMs: 8000 })).toBe(4000);
    expect(backoffMs(20, 0.999999, { maxDelayMs: 8000 })).toBe(8000);
    const delays = [0, 0.25, 0.5, 0.75, 0.99].map((r) => backoffMs(3, r));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(2000);
  });
});
