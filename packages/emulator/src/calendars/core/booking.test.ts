import { describe, expect, it } from 'vitest';
import { checkSlotAvailable, SLOT_UNAVAILABLE_MESSAGE, type SlotCheck } from './booking.js';
import { computeFreeSlots } from './freeSlots.js';
import type { CalendarEvent } from './model.js';
import { appointment, blocked, EVERY_DAY, hours, NEW_YORK, testCalendar } from './testing.js';

// Monday 2 March 2026 in New York (EST, -05:00); the test calendar is open 09:00-12:00 weekdays.
const at = (time: string, date = '2026-03-02') => `${date}T${time}:00-05:00`;
const SUNDAY_NOON = Date.parse(at('12:00', '2026-03-01'));
const TEN = at('10:00');
const NEW_YEAR = Date.parse('2026-01-01T00:00:00Z');

/** Overrides for one check; `calendarBody` changes the test calendar. */
type CheckExtra = Partial<SlotCheck> & { calendarBody?: Record<string, unknown> };

function check(startTime: string, extra: CheckExtra = {}) {
  const { calendarBody = {}, ...rest } = extra;
  return checkSlotAvailable({
    calendar: testCalendar(calendarBody),
    calendarTimezone: NEW_YORK,
    startTime,
    now: SUNDAY_NOON,
    events: [],
    blockedSlots: [],
    ...rest,
  });
}

describe('checkSlotAvailable compares instants', () => {
  it.each([
    ['the offered string', TEN],
    ['the same instant in UTC', '2026-03-02T15:00:00Z'],
    ['the same instant with milliseconds', '2026-03-02T15:00:00.000Z'],
    ['the same instant in India', '2026-03-02T20:30:00+05:30'],
    ['an offset-less time on the calendar’s clock', '2026-03-02T10:00:00'],
  ])('accepts %s', (_, startTime) => {
    expect(check(startTime)).toEqual({
      ok: true,
      startTime: Date.parse(TEN),
      endTime: Date.parse(at('10:30')),
    });
  });

  it.each([
    ['a start between slots', at('10:15')],
    ['the closing time', at('12:00')],
    ['a time before opening', at('08:30')],
    ['a closed day', at('10:00', '2026-03-07')],
    ['the offered wall time read as UTC', '2026-03-02T10:00:00Z'],
  ])('refuses %s', (_, startTime) => {
    expect(check(startTime)).toEqual({
      ok: false,
      code: 'slot_unavailable',
      message: SLOT_UNAVAILABLE_MESSAGE,
    });
  });
});

describe('checkSlotAvailable times', () => {
  it('accepts an appointment longer than the slot', () => {
    expect(check(TEN, { endTime: at('11:30') })).toEqual({
      ok: true,
      startTime: Date.parse(TEN),
      endTime: Date.parse(at('11:30')),
    });
  });

  it('defaults the end to the slot duration in hours', () => {
    const result = check(TEN, {
      calendarBody: { slotDuration: 1, slotDurationUnit: 'hours', slotInterval: 60 },
    });
    expect(result).toMatchObject({ ok: true, endTime: Date.parse(at('11:00')) });
  });

  it.each<[string, string, string | undefined, 'startTime' | 'endTime']>([
    ['a start that is not a date-time', 'ten tomorrow', undefined, 'startTime'],
    ['a bare date', '2026-03-02', undefined, 'startTime'],
    ['an end that is not a date-time', TEN, 'later', 'endTime'],
    ['an end before the start', TEN, at('09:30'), 'endTime'],
    ['an end equal to the start', TEN, TEN, 'endTime'],
  ])('refuses %s', (_, startTime, endTime, field) => {
    expect(check(startTime, { endTime })).toMatchObject({ ok: false, code: 'invalid_time', field });
  });
});

describe('checkSlotAvailable against bookings', () => {
  it('lets two bookings share a two-seat slot and refuses the third', () => {
    const events: CalendarEvent[] = [];
    const outcomes = [1, 2, 3].map(() => {
      const result = check(TEN, { calendarBody: { appoinmentPerSlot: 2 }, events });
      if (result.ok) events.push(appointment(TEN, at('10:30')));
      return result.ok ? 'booked' : result.code;
    });
    expect(outcomes).toEqual(['booked', 'booked', 'slot_unavailable']);
  });

  it.each<[string, CheckExtra, boolean]>([
    ['a taken slot', { events: [appointment(TEN, at('10:30'))] }, false],
    [
      'a slot freed by a cancellation',
      { events: [appointment(TEN, at('10:30'), { appointmentStatus: 'cancelled' })] },
      true,
    ],
    ['a blocked slot', { blockedSlots: [blocked(at('09:45'), at('10:15'))] }, false],
    [
      'a slot inside the post-buffer',
      { calendarBody: { slotBuffer: 30 }, events: [appointment(at('09:30'), TEN)] },
      false,
    ],
    [
      'a slot after the post-buffer',
      { calendarBody: { slotBuffer: 30 }, events: [appointment(at('09:00'), at('09:30'))] },
      true,
    ],
    // A reschedule to an overlapping time must not collide with the appointment being moved.
    [
      'a move over its own old time',
      {
        calendarBody: { slotDuration: 60 },
        events: [appointment(at('09:30'), at('10:30'), { id: 'evt_moving' })],
        excludeEventId: 'evt_moving',
      },
      true,
    ],
    [
      'the same move without saying which event moves',
      {
        calendarBody: { slotDuration: 60 },
        events: [appointment(at('09:30'), at('10:30'), { id: 'evt_moving' })],
      },
      false,
    ],
    [
      'a member free while another is booked',
      {
        calendarBody: {
          calendarType: 'round_robin',
          teamMembers: [{ userId: 'u1' }, { userId: 'u2' }],
        },
        events: [appointment(TEN, at('10:30'), { assignedUserId: 'u1' })],
        assignedUserId: 'u2',
      },
      true,
    ],
  ])('%s is bookable: %s', (_, extra, bookable) => {
    expect(check(TEN, extra).ok).toBe(bookable);
  });
});

describe('checkSlotAvailable ignore flags', () => {
  const noticeHour = { allowBookingAfter: 1, allowBookingAfterUnit: 'hours' };
  const tooSoon = { calendarBody: noticeHour, now: Date.parse(at('09:50')) };
  const taken = { events: [appointment(TEN, at('10:30'))] };

  it.each<[string, string, CheckExtra, boolean]>([
    ['inside the minimum notice', at('10:30'), tooSoon, false],
    ['just after the minimum notice', at('11:00'), tooSoon, true],
    [
      'inside the notice with ignoreDateRange',
      at('10:30'),
      { ...tooSoon, ignoreDateRange: true },
      true,
    ],
    ['in the past with ignoreDateRange', at('09:00'), { ...tooSoon, ignoreDateRange: true }, true],
    ['in the past without it', at('09:00'), tooSoon, false],
    [
      'past the booking window',
      TEN,
      {
        calendarBody: { allowBookingFor: 1, allowBookingForUnit: 'days' },
        now: Date.parse(at('09:00', '2026-02-27')),
      },
      false,
    ],
    [
      'past the window with ignoreDateRange',
      TEN,
      {
        calendarBody: { allowBookingFor: 1, allowBookingForUnit: 'days' },
        now: Date.parse(at('09:00', '2026-02-27')),
        ignoreDateRange: true,
      },
      true,
    ],
    ['a taken slot with ignoreDateRange', TEN, { ...taken, ignoreDateRange: true }, false],
    [
      'a taken slot with ignoreFreeSlotValidation',
      TEN,
      { ...taken, ignoreFreeSlotValidation: true },
      true,
    ],
    [
      'off the grid with ignoreFreeSlotValidation',
      at('10:07'),
      { ignoreFreeSlotValidation: true },
      true,
    ],
    [
      'a closed day with ignoreFreeSlotValidation',
      at('10:00', '2026-03-07'),
      { ignoreFreeSlotValidation: true },
      true,
    ],
  ])('%s: %s', (_, startTime, extra, bookable) => {
    expect(check(startTime, extra).ok).toBe(bookable);
  });
});

describe('checkSlotAvailable across DST', () => {
  // Open 09:00-17:00 every day; New York springs forward on Sunday 8 March 2026.
  const calendarBody = {
    openHours: [{ daysOfTheWeek: EVERY_DAY, hours: [hours('09:00', '17:00')] }],
  };
  it.each([
    ['09:00 EDT as offered', '2026-03-08T09:00:00-04:00', true],
    ['09:00 EDT written in EST', '2026-03-08T08:00:00-05:00', true],
    ['09:00 EDT in UTC', '2026-03-08T13:00:00Z', true],
    ['09:00 written with the winter offset (10:00 EDT)', '2026-03-08T09:00:00-05:00', true],
    ['08:30 EDT, before opening', '2026-03-08T08:30:00-04:00', false],
    ['09:00 the day before, still EST', '2026-03-07T09:00:00-05:00', true],
    ['14:00Z the day before (09:00 EST)', '2026-03-07T14:00:00Z', true],
    ['13:00Z the day before (08:00 EST)', '2026-03-07T13:00:00Z', false],
  ])('%s', (_, startTime, bookable) => {
    expect(check(startTime, { calendarBody, now: NEW_YEAR }).ok).toBe(bookable);
  });
});

describe('free slots and the booking check agree', () => {
  const calendar = testCalendar({ slotDuration: 45, slotInterval: 15, slotBuffer: 10 });
  const bookable = (startTime: string, events: CalendarEvent[]) =>
    checkSlotAvailable({
      calendar,
      calendarTimezone: NEW_YORK,
      startTime,
      now: SUNDAY_NOON,
      events,
      blockedSlots: [],
    });
  const offered = (events: CalendarEvent[]) => {
    const result = computeFreeSlots({
      calendar,
      timezone: 'Asia/Tokyo',
      calendarTimezone: NEW_YORK,
      startDate: Date.parse(at('00:00')),
      endDate: Date.parse(at('23:59', '2026-03-08')),
      now: SUNDAY_NOON,
      events,
      blockedSlots: [],
    });
    if (!result.ok) throw new Error(result.error.message);
    return Object.values(result.slots).flatMap((day) => day.slots);
  };

  it('accepts every offered slot, verbatim or re-serialised to UTC', () => {
    const slots = offered([]);
    expect(slots).toHaveLength(50); // 09:00 to 11:15 every 15 minutes, five days
    const refused = slots.filter(
      (slot) => !bookable(slot, []).ok || !bookable(new Date(slot).toISOString(), []).ok,
    );
    expect(refused).toEqual([]);
  });

  it('offers nothing bookable once the week is booked slot by slot', () => {
    const events: CalendarEvent[] = [];
    for (let slot = offered(events)[0]; slot !== undefined; slot = offered(events)[0]) {
      const result = bookable(slot, events);
      if (!result.ok) throw new Error(`${slot} was offered but refused`);
      const [start, end] = [result.startTime, result.endTime].map((t) => new Date(t).toISOString());
      events.push(appointment(start ?? '', end ?? ''));
    }
    // 09:00, 10:00 and 11:00 fit each morning: 45 minutes plus a 10-minute buffer.
    expect(events).toHaveLength(15);
    expect(offered([]).filter((slot) => bookable(slot, events).ok)).toEqual([]);
  });
});
