import { describe, expect, it } from 'vitest';
import { requestOf } from './callAudit.js';

describe('requestOf', () => {
  it.each([
    [
      'a response, with its traceId',
      {
        type: 'response',
        method: 'GET',
        path: '/calendars/{calendarId}/free-slots',
        status: 200,
        durationMs: 12,
        attempt: 1,
        traceId: 't-1',
      },
      {
        method: 'GET',
        path: '/calendars/{calendarId}/free-slots',
        status: 200,
        durationMs: 12,
        traceId: 't-1',
      },
    ],
    [
      'an error without a status (a dropped connection)',
      {
        type: 'error',
        method: 'POST',
        path: '/calendars/events/appointments',
        code: 'outcome_unknown',
        durationMs: 30,
        attempt: 1,
      },
      {
        method: 'POST',
        path: '/calendars/events/appointments',
        code: 'outcome_unknown',
        durationMs: 30,
      },
    ],
  ] as const)('records %s', (_, event, expected) => {
    expect(requestOf(event)).toEqual(expected);
  });

  it('ignores events that are not requests', () => {
    expect(
      requestOf({
        type: 'rate_limit_wait',
        resourceId: 'loc',
        waitedMs: 5,
        priority: 'interactive',
      }),
    ).toBeUndefined();
  });
});
