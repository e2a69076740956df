import { describe, expect, it } from 'vitest';
import { quietUntil } from './quietHours.js';

const NY = 'America/New_York';
const night = { start: '21:00', end: '08:00' };

describe('quietUntil', () => {
  it('waits from late evening to the next morning, across midnight', () => {
    // 22:30 in New York on December 1.
    expect(quietUntil(new Date('2026-12-02T03:30:00Z'), NY, night)?.toISOString()).toBe(
      '2026-12-02T13:00:00.000Z',
    );
    // 06:00 in New York on December 2: the same night, ending that morning.
    expect(quietUntil(new Date('2026-12-02T11:00:00Z'), NY, night)?.toISOString()).toBe(
      '2026-12-02T13:00:00.000Z',
    );
  });

  it('sends at once outside the quiet hours, at their end and without any', () => {
    expect(quietUntil(new Date('2026-12-01T19:00:00Z'), NY, night)).toBeUndefined();
    expect(quietUntil(new Date('2026-12-02T13:00:00Z'), NY, night)).toBeUndefined();
    expect(quietUntil(new Date('2026-12-02T03:30:00Z'), NY, null)).toBeUndefined();
    expect(
      quietUntil(new Date('2026-12-02T03:30:00Z'), NY, { start: '09:00', end: '09:00' }),
    ).toBeUndefined();
  });

  it('judges the hours in the caller’s timezone', () => {
    // 22:30 in New York is 19:30 in Los Angeles: not quiet there yet.
    const now = new Date('2026-12-02T03:30:00Z');
    expect(quietUntil(now, 'America/Los_Angeles', night)).toBeUndefined();
  });

  it('takes a window within one day, ending at midnight too', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(quietUntil(new Date('2026-12-01T17:15:00Z'), NY, lunch)?.toISOString()).toBe(
      '2026-12-01T18:30:00.000Z',
    );
    const evening = { start: '20:00', end: '24:00' };
    expect(quietUntil(new Date('2026-12-02T02:00:00Z'), NY, evening)?.toISOString()).toBe(
      '2026-12-02T05:00:00.000Z',
    );
  });

  it('ends at the local clock time on the night the clocks go back', () => {
    // 23:00 EDT on Saturday 2026-10-31; clocks go back at 02:00, so 08:00 is EST (UTC-5).
    expect(quietUntil(new Date('2026-11-01T03:00:00Z'), NY, night)?.toISOString()).toBe(
      '2026-11-01T13:00:00.000Z',
    );
  });
});
