import { describe, expect, it } from 'vitest';
import { computeFreeSlots, type FreeSlotsQuery } from './freeSlots.js';
import type { BlockedSlot, CalendarEvent } from './model.js';
import { appointment, blocked, hours, NEW_YORK, testCalendar } from './testing.js';

// Monday 2 March 2026 in New York (EST, -05:00); the test calendar is open 09:00-12:00 weekdays.
const at = (time: string, date = '2026-03-02') => `${date}T${time}:00-05:00`;
const booked = (from: string, to: string, extra: Partial<CalendarEvent> = {}) =>
  appointment(at(from), at(to), extra);
const block = (from: string, to: string, extra: Partial<BlockedSlot> = {}) =>
  blocked(at(from), at(to), extra);
const MONDAY = { startDate: Date.parse(at('00:00')), endDate: Date.parse(at('23:59')) };
const SUNDAY_NOON_TEXT = at('12:00', '2026-03-01');
const SUNDAY_NOON = Date.parse(SUNDAY_NOON_TEXT);
const ALL_MORNING = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];

function query(calendarBody: Record<string, unknown>, extra: Partial<FreeSlotsQuery> = {}) {
  return computeFreeSlots({
    calendar: testCalendar(calendarBody),
    timezone: NEW_YORK,
    calendarTimezone: NEW_YORK,
    ...MONDAY,
    now: SUNDAY_NOON,
    events: [],
    blockedSlots: [],
    ...extra,
  });
}

/** Local `HH:mm` of every slot offered. */
function times(calendarBody: Record<string, unknown>, extra: Partial<FreeSlotsQuery> = {}) {
  const result = query(calendarBody, extra);
  if (!result.ok) throw new Error(result.error.message);
  return Object.values(result.slots).flatMap((day) => day.slots.map((slot) => slot.slice(11, 16)));
}

interface Row {
  name: string;
  calendar?: Record<string, unknown>;
  events?: CalendarEvent[];
  blockedSlots?: BlockedSlot[];
  userId?: string;
  expected: string[];
}

const quarterHours = { slotInterval: 15 };
const roundRobin = {
  calendarType: 'round_robin',
  teamMembers: [{ userId: 'u1' }, { userId: 'u2' }],
};
const personal = { calendarType: 'personal', teamMembers: [{ userId: 'u1' }] };

describe('computeFreeSlots rules', () => {
  it.each<Row>([
    { name: 'every 30 minutes within open hours', expected: ALL_MORNING },
    {
      name: 'a 60-minute interval',
      calendar: { slotInterval: 60 },
      expected: ['09:00', '10:00', '11:00'],
    },
    {
      name: 'units in hours',
      calendar: {
        slotDuration: 1,
        slotDurationUnit: 'hours',
        slotInterval: 1,
        slotIntervalUnit: 'hours',
      },
      expected: ['09:00', '10:00', '11:00'],
    },
    {
      name: 'a duration longer than the interval must fit before closing',
      calendar: { slotDuration: 60 },
      expected: ['09:00', '09:30', '10:00', '10:30', '11:00'],
    },
    {
      name: 'a 45-minute duration',
      calendar: { slotDuration: 45 },
      expected: ['09:00', '09:30', '10:00', '10:30', '11:00'],
    },
    {
      name: 'two open ranges in a day',
      calendar: {
        openHours: [
          { daysOfTheWeek: [1], hours: [hours('09:00', '10:00'), hours('14:00', '15:00')] },
        ],
      },
      expected: ['09:00', '09:30', '14:00', '14:30'],
    },
    {
      name: 'an appointment takes its slot',
      events: [booked('10:00', '10:30')],
      expected: ['09:00', '09:30', '10:30', '11:00', '11:30'],
    },
    {
      name: 'a long appointment takes every slot it overlaps',
      events: [booked('09:15', '11:00')],
      expected: ['11:00', '11:30'],
    },
    {
      name: 'a post-buffer keeps time after appointments',
      calendar: { ...quarterHours, slotBuffer: 15 },
      events: [booked('10:00', '10:30')],
      expected: ['09:00', '09:15', '10:45', '11:00', '11:15', '11:30'],
    },
    {
      name: 'pre- and post-buffers stack',
      calendar: { ...quarterHours, slotBuffer: 15, preBuffer: 15 },
      events: [booked('10:00', '10:30')],
      expected: ['09:00', '11:00', '11:15', '11:30'],
    },
    {
      name: 'buffers in hours',
      calendar: { slotInterval: 60, slotBuffer: 1, slotBufferUnit: 'hours' },
      events: [booked('11:00', '11:30')],
      expected: ['09:00'],
    },
    {
      name: 'a second seat stays open',
      calendar: { appoinmentPerSlot: 2 },
      events: [booked('10:00', '10:30')],
      expected: ALL_MORNING,
    },
    {
      name: 'full seats close the slot',
      calendar: { appoinmentPerSlot: 2 },
      events: [booked('10:00', '10:30'), booked('10:00', '10:30')],
      expected: ['09:00', '09:30', '10:30', '11:00', '11:30'],
    },
    {
      name: 'a cancelled appointment frees its slot',
      events: [booked('10:00', '10:30', { appointmentStatus: 'cancelled' })],
      expected: ALL_MORNING,
    },
    {
      name: 'a new appointment holds its slot',
      events: [booked('10:00', '10:30', { appointmentStatus: 'new' })],
      expected: ['09:00', '09:30', '10:30', '11:00', '11:30'],
    },
    {
      name: 'a blocked slot removes what it overlaps',
      blockedSlots: [block('10:00', '11:00')],
      expected: ['09:00', '09:30', '11:00', '11:30'],
    },
    {
      name: 'a post-buffer may not run into a blocked slot',
      calendar: { ...quarterHours, slotBuffer: 15 },
      blockedSlots: [block('10:00', '10:30')],
      expected: ['09:00', '09:15', '10:30', '10:45', '11:00', '11:15', '11:30'],
    },
    {
      name: 'a pre-buffer may not start inside a blocked slot',
      calendar: { ...quarterHours, preBuffer: 15 },
      blockedSlots: [block('10:00', '10:30')],
      expected: ['09:00', '09:15', '09:30', '10:45', '11:00', '11:15', '11:30'],
    },
    {
      name: 'another calendar’s block is ignored',
      blockedSlots: [block('09:00', '12:00', { calendarId: 'cal_2' })],
      expected: ALL_MORNING,
    },
    {
      name: 'a full day offers nothing',
      calendar: { appoinmentPerDay: 1 },
      events: [booked('11:00', '11:30')],
      expected: [],
    },
    {
      name: 'a day below its limit stays open',
      calendar: { appoinmentPerDay: 2 },
      events: [booked('11:00', '11:30')],
      expected: ['09:00', '09:30', '10:00', '10:30', '11:30'],
    },
    {
      name: 'round robin without a user: another member is still free',
      calendar: roundRobin,
      events: [booked('10:00', '10:30', { assignedUserId: 'u1' })],
      expected: ALL_MORNING,
    },
    {
      name: 'a several-member calendar that is no team type: any appointment counts',
      calendar: { ...roundRobin, calendarType: 'service_booking' },
      events: [booked('10:00', '10:30', { assignedUserId: 'u1' })],
      expected: ['09:00', '09:30', '10:30', '11:00', '11:30'],
    },
    {
      name: 'a user is free during another member’s appointment',
      calendar: roundRobin,
      userId: 'u2',
      events: [booked('10:00', '10:30', { assignedUserId: 'u1' })],
      expected: ALL_MORNING,
    },
    {
      name: 'a user is busy during their own appointment',
      calendar: roundRobin,
      userId: 'u1',
      events: [booked('10:00', '10:30', { assignedUserId: 'u1' })],
      expected: ['09:00', '09:30', '10:30', '11:00', '11:30'],
    },
    {
      name: 'the owner’s appointment on another calendar counts',
      calendar: personal,
      events: [booked('10:00', '10:30', { calendarId: 'cal_2', assignedUserId: 'u1' })],
      expected: ['09:00', '09:30', '10:30', '11:00', '11:30'],
    },
    {
      name: 'someone else’s appointment on another calendar does not',
      calendar: personal,
      events: [booked('10:00', '10:30', { calendarId: 'cal_2', assignedUserId: 'u9' })],
      expected: ALL_MORNING,
    },
    {
      name: 'the owner’s own blocked time counts',
      calendar: personal,
      blockedSlots: [block('10:00', '11:00', { calendarId: undefined, assignedUserId: 'u1' })],
      expected: ['09:00', '09:30', '11:00', '11:30'],
    },
    {
      name: 'another user’s blocked time does not',
      calendar: personal,
      blockedSlots: [block('10:00', '11:00', { calendarId: undefined, assignedUserId: 'u9' })],
      expected: ALL_MORNING,
    },
  ])('$name', ({ calendar = {}, events = [], blockedSlots = [], userId, expected }) => {
    expect(times(calendar, { events, blockedSlots, userId })).toEqual(expected);
  });
});

describe('computeFreeSlots booking window', () => {
  it.each<[string, Record<string, unknown>, string, string[]]>([
    ['past slots are not offered', {}, at('09:10'), ['09:30', '10:00', '10:30', '11:00', '11:30']],
    ['a slot starting now is offered', {}, at('10:00'), ['10:00', '10:30', '11:00', '11:30']],
    [
      'minimum notice in hours',
      { allowBookingAfter: 2, allowBookingAfterUnit: 'hours' },
      at('08:00'),
      ['10:00', '10:30', '11:00', '11:30'],
    ],
    [
      'minimum notice in days',
      { allowBookingAfter: 1, allowBookingAfterUnit: 'days' },
      at('10:45', '2026-03-01'),
      ['11:00', '11:30'],
    ],
    [
      'notice beyond the range',
      { allowBookingAfter: 1, allowBookingAfterUnit: 'weeks' },
      SUNDAY_NOON_TEXT,
      [],
    ],
    [
      'booking window in days',
      { allowBookingFor: 1, allowBookingForUnit: 'days' },
      at('10:30', '2026-03-01'),
      ['09:00', '09:30', '10:00', '10:30'],
    ],
    [
      'booking window ending before the day',
      { allowBookingFor: 1, allowBookingForUnit: 'days' },
      at('08:00', '2026-02-28'),
      [],
    ],
    [
      'booking window in weeks',
      { allowBookingFor: 1, allowBookingForUnit: 'weeks' },
      at('12:00', '2026-02-23'),
      ALL_MORNING,
    ],
  ])('%s', (_, calendar, now, expected) => {
    expect(times(calendar, { now: Date.parse(now) })).toEqual(expected);
  });
});

describe('computeFreeSlots range', () => {
  const start = Date.parse('2026-03-02T00:00:00-05:00');
  const day = 86_400_000;
  it.each<[string, Partial<FreeSlotsQuery>, string | undefined]>([
    ['31 days', { startDate: start, endDate: start + 31 * day }, undefined],
    ['31 days and 1 ms', { startDate: start, endDate: start + 31 * day + 1 }, 'range_too_long'],
    // 31 local days across the November change are 31 days and 1 hour long.
    [
      '31 local days across a DST change',
      {
        startDate: Date.parse('2026-10-15T00:00:00-04:00'),
        endDate: Date.parse('2026-11-15T00:00:00-05:00'),
      },
      undefined,
    ],
    ['an end before the start', { startDate: start, endDate: start - 1 }, 'invalid_range'],
    ['a start that is not a number', { startDate: Number.NaN, endDate: start }, 'invalid_range'],
    ['an unknown zone', { timezone: 'Mars/Olympus' }, 'invalid_timezone'],
    ['an unknown calendar zone', { calendarTimezone: 'Nowhere' }, 'invalid_timezone'],
  ])('%s', (_, extra, code) => {
    const result = query({}, extra);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it('counts slot starts on both range ends', () => {
    const range = { startDate: Date.parse(at('10:00')), endDate: Date.parse(at('11:00')) };
    expect(times({}, range)).toEqual(['10:00', '10:30', '11:00']);
  });

  it('says why a long range is refused', () => {
    const result = query({}, { startDate: start, endDate: start + 40 * day });
    expect(result).toEqual({
      ok: false,
      error: { code: 'range_too_long', message: 'Date range cannot be more than 31 days' },
    });
  });
});

describe('computeFreeSlots shape', () => {
  it('keys slots by local date, with offsets, leaving out empty days', () => {
    // Friday to Monday across the New York spring change: Saturday and Sunday are closed.
    const result = query(
      {
        slotInterval: 60,
        openHours: [{ daysOfTheWeek: [1, 5], hours: [hours('09:00', '11:00')] }],
      },
      {
        startDate: Date.parse('2026-03-06T00:00:00-05:00'),
        endDate: Date.parse('2026-03-09T23:59:59-04:00'),
        now: Date.parse('2026-03-01T00:00:00-05:00'),
      },
    );
    expect(result).toEqual({
      ok: true,
      slots: {
        '2026-03-06': { slots: ['2026-03-06T09:00:00-05:00', '2026-03-06T10:00:00-05:00'] },
        '2026-03-09': { slots: ['2026-03-09T09:00:00-04:00', '2026-03-09T10:00:00-04:00'] },
      },
    });
  });

  it('answers an empty object when nothing is free', () => {
    expect(query({ openHours: [] })).toEqual({ ok: true, slots: {} });
  });
});
