import { describe, expect, it } from 'vitest';
import { SLOT_UNAVAILABLE_MESSAGE } from './booking.js';
import type { CalendarEvent } from './model.js';
import { checkBooking, type BookingCheck } from './teamBooking.js';
import { appointment, blocked, NEW_YORK, testCalendar } from './testing.js';

// Monday 2 March 2026 in New York (EST, -05:00); the test calendar is open 09:00-12:00 weekdays.
const at = (time: string) => `2026-03-02T${time}:00-05:00`;
const TEN = at('10:00');
const tenFor = (userId: string, extra: Partial<CalendarEvent> = {}) =>
  appointment(TEN, at('10:30'), { assignedUserId: userId, ...extra });
const UNAVAILABLE = { ok: false, code: 'slot_unavailable', message: SLOT_UNAVAILABLE_MESSAGE };

const team = [{ userId: 'u1' }, { userId: 'u2', isPrimary: true }];
type Extra = Partial<BookingCheck> & { calendarBody?: Record<string, unknown> };

function book(calendarType: string, extra: Extra = {}) {
  const { calendarBody = {}, ...rest } = extra;
  return checkBooking({
    calendar: testCalendar({ calendarType, teamMembers: team, ...calendarBody }),
    calendarTimezone: NEW_YORK,
    startTime: TEN,
    now: Date.parse('2026-03-01T12:00:00-05:00'),
    events: [],
    blockedSlots: [],
    ...rest,
  });
}

/** Who the booking goes to, or the error code. */
const outcome = (calendarType: string, extra: Extra = {}) => {
  const result = book(calendarType, extra);
  return result.ok ? result.assignedUserId : result.code;
};

describe('checkBooking on a round-robin calendar', () => {
  it.each<[string, Extra, string | undefined]>([
    ['nobody named, everyone free: the first member', {}, 'u1'],
    ['nobody named, the first booked: the other', { events: [tenFor('u1')] }, 'u2'],
    ['nobody named, everyone booked', { events: [tenFor('u1'), tenFor('u2')] }, 'slot_unavailable'],
    ['a free member named', { requested: 'u2' }, 'u2'],
    ['a booked member named', { requested: 'u1', events: [tenFor('u1')] }, 'slot_unavailable'],
    ['someone who is no member named', { requested: 'u9' }, 'slot_unavailable'],
    ['a reschedule whose member is free', { current: 'u2' }, 'u2'],
    ['a reschedule whose member is busy', { current: 'u1', events: [tenFor('u1')] }, 'u2'],
    ['a reschedule whose member left the team', { current: 'u9' }, 'u1'],
    [
      'validation ignored, everyone booked: the rules choose among all',
      { events: [tenFor('u1'), tenFor('u2')], ignoreFreeSlotValidation: true },
      'u1',
    ],
    [
      'validation ignored, no member named',
      { requested: 'u9', ignoreFreeSlotValidation: true },
      'u9',
    ],
    ['an unreadable start', { startTime: 'soon' }, 'invalid_time'],
  ])('%s → %s', (_, extra, expected) => {
    expect(outcome('round_robin', extra)).toBe(expected);
  });

  it('answers the slot-unavailable error when nobody is free', () => {
    expect(book('round_robin', { events: [tenFor('u1'), tenFor('u2')] })).toEqual(UNAVAILABLE);
  });

  it('gives the booked times and no secondary owners', () => {
    expect(book('round_robin')).toEqual({
      ok: true,
      startTime: Date.parse(TEN),
      endTime: Date.parse(at('10:30')),
      assignedUserId: 'u1',
      users: [],
    });
  });
});

describe('checkBooking on a collective calendar', () => {
  it('books the primary member with the others as secondary owners', () => {
    expect(book('collective')).toMatchObject({ ok: true, assignedUserId: 'u2', users: ['u1'] });
  });

  it.each<[string, Extra, string | undefined]>([
    [
      'a member busy elsewhere',
      { events: [tenFor('u1', { calendarId: 'cal_2' })] },
      'slot_unavailable',
    ],
    [
      'a member blocked',
      {
        blockedSlots: [blocked(TEN, at('11:00'), { calendarId: undefined, assignedUserId: 'u2' })],
      },
      'slot_unavailable',
    ],
    ['a member named: the owner', { requested: 'u1' }, 'u1'],
    ['someone who is no member named', { requested: 'u9' }, 'slot_unavailable'],
    ['a reschedule keeps its owner', { current: 'u1' }, 'u1'],
  ])('%s → %s', (_, extra, expected) => {
    expect(outcome('collective', extra)).toBe(expected);
  });
});

describe('checkBooking on a one-user calendar', () => {
  it('checks the named user, else the current one, as before', () => {
    const personal = { teamMembers: [{ userId: 'u1' }] };
    expect(outcome('personal', { calendarBody: personal, current: 'u1' })).toBe('u1');
    expect(
      outcome('personal', { calendarBody: personal, current: 'u1', events: [tenFor('u1')] }),
    ).toBe('slot_unavailable');
    expect(book('personal', { calendarBody: personal, requested: 'u7' })).toMatchObject({
      ok: true,
      assignedUserId: 'u7',
      users: [],
    });
  });
});
