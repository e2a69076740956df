import { describe, expect, it } from 'vitest';
import { failedAnswers, handOffAfterFailures, repeatedFailuresDetail } from './repeatedFailures.js';

describe('repeated failures', () => {
  it('counts only the failed answers of the call', () => {
    expect(
      failedAnswers([
        { status: 'ok' },
        { status: 'error' },
        { status: 'needs_info' },
        { status: 'error' },
      ]),
    ).toBe(2);
    expect(failedAnswers([])).toBe(0);
  });

  it('hands off at the limit and after it, not before', () => {
    expect(handOffAfterFailures(1, 2)).toBe(false);
    expect(handOffAfterFailures(2, 2)).toBe(true);
    expect(handOffAfterFailures(3, 2)).toBe(true);
    expect(handOffAfterFailures(1, 1)).toBe(true);
  });

  it('tells the team how many failed and which was last', () => {
    expect(repeatedFailuresDetail(2, 'book_appointment', 'unavailable')).toBe(
      '2 failed answers in the call; the last: book_appointment (unavailable)',
    );
    expect(repeatedFailuresDetail(3, '', 'unreadable_arguments')).toBe(
      '3 failed answers in the call; the last: a tool call (unreadable_arguments)',
    );
  });
});
