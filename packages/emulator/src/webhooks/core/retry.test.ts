import { describe, expect, it } from 'vitest';
import { decideAfterAttempt, type AttemptOutcome, type DeliveryDecision } from './retry.js';

const MIN = 60_000;

describe('decideAfterAttempt', () => {
  const cases: [string, AttemptOutcome, number, number, DeliveryDecision][] = [
    ['200 is delivered', { status: 200 }, 0, 0, { next: 'delivered' }],
    ['204 is delivered', { status: 204 }, 3, 0, { next: 'delivered' }],
    ['429 waits 10 min', { status: 429 }, 0, 0, { next: 'retry', delayMs: 10 * MIN }],
    ['429 adds jitter', { status: 429 }, 0, 0.5, { next: 'retry', delayMs: 10.5 * MIN }],
    ['the 6th retry is allowed', { status: 429 }, 5, 0, { next: 'retry', delayMs: 10 * MIN }],
    [
      'a 7th retry is not',
      { status: 429 },
      6,
      0,
      { next: 'failed', reason: 'answered 429 after 6 retries' },
    ],
    [
      '500 is final',
      { status: 500 },
      0,
      0,
      { next: 'failed', reason: 'answered 500; HighLevel retries only 429' },
    ],
    [
      '503 is final',
      { status: 503 },
      0,
      0,
      { next: 'failed', reason: 'answered 503; HighLevel retries only 429' },
    ],
    [
      '404 is final',
      { status: 404 },
      0,
      0,
      { next: 'failed', reason: 'answered 404; HighLevel retries only 429' },
    ],
    [
      'a failed connection is final',
      { error: 'connect ECONNREFUSED' },
      0,
      0,
      { next: 'failed', reason: 'no answer (connect ECONNREFUSED); HighLevel does not retry' },
    ],
  ];
  it.each(cases)('%s', (_name, outcome, retries, random, expected) => {
    expect(decideAfterAttempt(outcome, retries, () => random)).toEqual(expected);
  });

  it('keeps the jitter under a minute', () => {
    const decision = decideAfterAttempt({ status: 429 }, 0, () => 0.999999);
    expect(decision).toEqual({ next: 'retry', delayMs: 10 * MIN + 59_999 });
  });
});
