import { describe, expect, it } from 'vitest';
import { computeFreeSlots, type FreeSlotsByDate } from './freeSlots.js';
import { EVERY_DAY, hours, LONDON, NEW_YORK, testCalendar } from './testing.js';

const LONG_AGO = Date.parse('2026-01-01T00:00:00Z');

/** Free slots of a calendar open every day between `open` and `close`, 30-minute slots. */
function slots(options: {
  open: string;
  close: string;
  calendarTimezone: string;
  timezone: string;
  from: string;
  to: string;
  slotInterval?: number;
}): FreeSlotsByDate {
  const result = computeFreeSlots({
    calendar: testCalendar({
      slotInterval: options.slotInterval ?? 30,
      openHours: [{ daysOfTheWeek: EVERY_DAY, hours: [hours(options.open, options.close)] }],
    }),
    timezone: options.timezone,
    calendarTimezone: options.calendarTimezone,
    startDate: Date.parse(options.from),
    endDate: Date.parse(options.to),
    now: LONG_AGO,
    events: [],
    blockedSlots: [],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.slots;
}

describe('free slots across DST changes', () => {
  // Open 09:00-10:00 local every day; the change happens on the middle day of each row.
  it.each([
    [
      'New York springs forward',
      NEW_YORK,
      ['2026-03-07', '2026-03-08', '2026-03-09'],
      ['-05:00', '-04:00', '-04:00'],
    ],
    [
      'New York falls back',
      NEW_YORK,
      ['2026-10-31', '2026-11-01', '2026-11-02'],
      ['-04:00', '-05:00', '-05:00'],
    ],
    [
      'London springs forward',
      LONDON,
      ['2026-03-28', '2026-03-29', '2026-03-30'],
      ['+00:00', '+01:00', '+01:00'],
    ],
    [
      'London falls back',
      LONDON,
      ['2026-10-24', '2026-10-25', '2026-10-26'],
      ['+01:00', '+00:00', '+00:00'],
    ],
  ])('%s: slots stay at 09:00 local', (_, zone, dates, offsets) => {
    const [first = '', , last = ''] = dates;
    const result = slots({
      open: '09:00',
      close: '10:00',
      calendarTimezone: zone,
      timezone: zone,
      from: `${first}T00:00:00Z`,
      to: `${last}T23:59:59Z`,
    });
    const expected = Object.fromEntries(
      dates.map((date, i) => [
        date,
        { slots: [`${date}T09:00:00${offsets[i]}`, `${date}T09:30:00${offsets[i]}`] },
      ]),
    );
    expect(result).toEqual(expected);
  });

  it.each([
    // Hourly slots through the night: 02:00 does not exist in spring, 01:00 comes twice in autumn.
    [
      '2026-03-08',
      ['00:00:00-05:00', '01:00:00-05:00', '03:00:00-04:00', '04:00:00-04:00', '05:00:00-04:00'],
    ],
    [
      '2026-11-01',
      [
        '00:00:00-04:00',
        '01:00:00-04:00',
        '01:00:00-05:00',
        '02:00:00-05:00',
        '03:00:00-05:00',
        '04:00:00-05:00',
        '05:00:00-05:00',
      ],
    ],
  ])('night hours on %s in New York step by elapsed time', (date, expected) => {
    const result = slots({
      open: '00:00',
      close: '06:00',
      slotInterval: 60,
      calendarTimezone: NEW_YORK,
      timezone: NEW_YORK,
      // 20:00 or 19:00 the evening before to 07:00 or 08:00 local: the whole night.
      from: `${date}T00:00:00Z`,
      to: `${date}T12:00:00Z`,
    });
    expect(result[date]?.slots).toEqual(expected.map((time) => `${date}T${time}`));
  });
});

describe('free slots answered in another time zone', () => {
  // A London calendar open 09:00-10:00, asked for in New York time. The US changes clocks on
  // 8 March and the UK on 29 March, so London 09:00 is 04:00 or 05:00 in New York.
  it.each([
    ['2026-03-02', ['2026-03-02T04:00:00-05:00', '2026-03-02T04:30:00-05:00']],
    ['2026-03-16', ['2026-03-16T05:00:00-04:00', '2026-03-16T05:30:00-04:00']],
    ['2026-03-30', ['2026-03-30T04:00:00-04:00', '2026-03-30T04:30:00-04:00']],
  ])('London hours on %s are written in New York time', (date, expected) => {
    const result = slots({
      open: '09:00',
      close: '10:00',
      calendarTimezone: LONDON,
      timezone: NEW_YORK,
      from: `${date}T00:00:00Z`,
      to: `${date}T23:59:59Z`,
    });
    expect(result).toEqual({ [date]: { slots: expected } });
  });

  it('keys slots by the requested zone’s date, even when that splits a calendar day', () => {
    // New York 09:00-11:00 (EST) is 23:00-01:00 in Tokyo: one calendar day, two Tokyo dates.
    const result = slots({
      open: '09:00',
      close: '11:00',
      calendarTimezone: NEW_YORK,
      timezone: 'Asia/Tokyo',
      from: '2026-03-02T00:00:00-05:00',
      to: '2026-03-02T23:59:59-05:00',
    });
    expect(result).toEqual({
      '2026-03-02': { slots: ['2026-03-02T23:00:00+09:00', '2026-03-02T23:30:00+09:00'] },
      '2026-03-03': { slots: ['2026-03-03T00:00:00+09:00', '2026-03-03T00:30:00+09:00'] },
    });
  });

  it('writes UTC slots with Z', () => {
    const result = slots({
      open: '09:00',
      close: '10:00',
      calendarTimezone: NEW_YORK,
      timezone: 'UTC',
      from: '2026-07-01T00:00:00-04:00',
      to: '2026-07-01T23:59:59-04:00',
    });
    expect(result).toEqual({
      '2026-07-01': { slots: ['2026-07-01T13:00:00Z', '2026-07-01T13:30:00Z'] },
    });
  });
});
