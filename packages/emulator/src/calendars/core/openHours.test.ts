import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { openIntervalsOn } from './openHours.js';
import { EVERY_DAY, hours, NEW_YORK, testCalendar, WEEKDAYS } from './testing.js';

// Weekdays 09:00-12:00 and 13:00-17:00, Saturdays 10:00-14:00, and date-specific hours on
// Tue 10 (afternoon only), Wed 11 (closed), Thu 12 (deleted override) and Sun 15 (extra day).
const body = {
  openHours: [
    { daysOfTheWeek: WEEKDAYS, hours: [hours('09:00', '12:00'), hours('13:00', '17:00')] },
    { daysOfTheWeek: [6], hours: [hours('10:00', '14:00')] },
  ],
  availabilities: [
    { date: '2026-03-10T00:00:00.000Z', hours: [hours('13:00', '15:00')] },
    { date: '2026-03-11T00:00:00.000Z', hours: [] },
    { date: '2026-03-12T00:00:00.000Z', hours: [hours('08:00', '09:00')], deleted: true },
    { date: '2026-03-15T00:00:00.000Z', hours: [hours('10:00', '11:00')] },
  ],
};
const weekly = ['09:00-12:00', '13:00-17:00'];

function localRanges(date: string, calendarBody: Record<string, unknown>, zone = NEW_YORK) {
  return openIntervalsOn(testCalendar(calendarBody), date, zone).map(({ start, end }) =>
    [start, end]
      .map((instant) => DateTime.fromMillis(instant, { zone }).toFormat('HH:mm'))
      .join('-'),
  );
}

describe('openIntervalsOn', () => {
  it.each<[string, string, 0 | 1 | null, string[]]>([
    ['a weekday uses its weekly hours', '2026-03-09', null, weekly],
    ['a date override replaces them', '2026-03-10', null, ['13:00-15:00']],
    ['an override without hours closes the day', '2026-03-11', null, []],
    ['a deleted override is ignored', '2026-03-12', null, weekly],
    ['Saturday has its own hours', '2026-03-14', null, ['10:00-14:00']],
    ['an override opens a closed Sunday', '2026-03-15', null, ['10:00-11:00']],
    ['a Sunday without override is closed', '2026-03-08', null, []],
    ['availabilityType 0 ignores overrides', '2026-03-10', 0, weekly],
    ['availabilityType 0 keeps Sunday closed', '2026-03-15', 0, []],
    ['availabilityType 1 ignores weekly hours', '2026-03-09', 1, []],
    ['availabilityType 1 uses overrides', '2026-03-10', 1, ['13:00-15:00']],
  ])('%s (%s)', (_, date, availabilityType, expected) => {
    const typed = availabilityType === null ? body : { ...body, availabilityType };
    expect(localRanges(date, typed)).toEqual(expected);
  });

  it.each([
    // A whole-day range is as long as the local day: 23 h, 25 h or 24 h.
    ['2026-03-08', 23],
    ['2026-11-01', 25],
    ['2026-11-02', 24],
  ])('a 00:00-00:00 day on %s in New York lasts %d hours', (date, length) => {
    const calendar = testCalendar({
      openHours: [{ daysOfTheWeek: EVERY_DAY, hours: [hours('00:00', '00:00')] }],
    });
    const [day] = openIntervalsOn(calendar, date, NEW_YORK);
    expect(day && (day.end - day.start) / 3_600_000).toBe(length);
  });

  it('keeps 09:00 local on both sides of a DST change', () => {
    const calendar = testCalendar({
      openHours: [{ daysOfTheWeek: EVERY_DAY, hours: [hours('09:00', '17:00')] }],
    });
    const opens = ['2026-03-07', '2026-03-08'].map(
      (date) => openIntervalsOn(calendar, date, NEW_YORK)[0]?.start,
    );
    expect(opens).toEqual([Date.parse('2026-03-07T14:00:00Z'), Date.parse('2026-03-08T13:00:00Z')]);
  });
});
