import { describe, expect, it } from 'vitest';
import { computeFreeSlots } from './freeSlots.js';
import type { BlockedSlot, CalendarEvent } from './model.js';
import { appointment, blocked, NEW_YORK, testCalendar } from './testing.js';

// Monday 2 March 2026 in New York (EST, -05:00); the test calendar is open 09:00-12:00 weekdays.
const at = (time: string) => `2026-03-02T${time}:00-05:00`;
const booked = (from: string, to: string, extra: Partial<CalendarEvent> = {}) =>
  appointment(at(from), at(to), extra);
const ALL_MORNING = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];
const WITHOUT_TEN = ['09:00', '09:30', '10:30', '11:00', '11:30'];

const team = [{ userId: 'u1' }, { userId: 'u2' }];
const roundRobin = { calendarType: 'round_robin', teamMembers: team };
const collective = { calendarType: 'collective', teamMembers: team };

interface Row {
  name: string;
  calendar: Record<string, unknown>;
  events?: CalendarEvent[];
  blockedSlots?: BlockedSlot[];
  userId?: string;
  expected: string[];
}

/** Local `HH:mm` of every slot offered on the Monday. */
function times({ calendar, events = [], blockedSlots = [], userId }: Row): string[] {
  const result = computeFreeSlots({
    calendar: testCalendar(calendar),
    timezone: NEW_YORK,
    calendarTimezone: NEW_YORK,
    startDate: Date.parse(at('00:00')),
    endDate: Date.parse(at('23:59')),
    now: Date.parse('2026-03-01T12:00:00-05:00'),
    events,
    blockedSlots,
    userId,
  });
  if (!result.ok) throw new Error(result.error.message);
  return Object.values(result.slots).flatMap((day) => day.slots.map((slot) => slot.slice(11, 16)));
}

describe('round-robin free slots', () => {
  it.each<Row>([
    {
      name: 'one member booked: the slot stays, the other member takes it',
      calendar: roundRobin,
      events: [booked('10:00', '10:30', { assignedUserId: 'u1' })],
      expected: ALL_MORNING,
    },
    {
      name: 'every member booked: the slot goes',
      calendar: roundRobin,
      events: [
        booked('10:00', '10:30', { assignedUserId: 'u1' }),
        booked('10:00', '10:30', { assignedUserId: 'u2' }),
      ],
      expected: WITHOUT_TEN,
    },
    {
      name: 'a member busy on another calendar and the other booked here',
      calendar: roundRobin,
      events: [
        booked('10:00', '10:30', { calendarId: 'cal_2', assignedUserId: 'u1' }),
        booked('10:00', '10:30', { assignedUserId: 'u2' }),
      ],
      expected: WITHOUT_TEN,
    },
    {
      name: 'an unassigned appointment holds the slot for every member',
      calendar: roundRobin,
      events: [booked('10:00', '10:30')],
      expected: WITHOUT_TEN,
    },
    {
      name: "a member's own block and the other's appointment",
      calendar: roundRobin,
      events: [booked('10:00', '10:30', { assignedUserId: 'u2' })],
      blockedSlots: [
        blocked(at('10:00'), at('11:00'), { calendarId: undefined, assignedUserId: 'u1' }),
      ],
      expected: WITHOUT_TEN,
    },
    {
      name: "the calendar's own block holds every member",
      calendar: roundRobin,
      blockedSlots: [blocked(at('10:00'), at('10:30'))],
      expected: WITHOUT_TEN,
    },
    {
      name: 'a secondary owner of an appointment elsewhere is busy',
      calendar: roundRobin,
      events: [
        booked('10:00', '10:30', { calendarId: 'cal_2', assignedUserId: 'u9', users: ['u1'] }),
        booked('10:00', '10:30', { assignedUserId: 'u2' }),
      ],
      expected: WITHOUT_TEN,
    },
    {
      name: 'with userId: only that member’s slots',
      calendar: roundRobin,
      events: [booked('10:00', '10:30', { assignedUserId: 'u1' })],
      userId: 'u1',
      expected: WITHOUT_TEN,
    },
    {
      name: 'with userId of the free member: every slot',
      calendar: roundRobin,
      events: [booked('10:00', '10:30', { assignedUserId: 'u1' })],
      userId: 'u2',
      expected: ALL_MORNING,
    },
    {
      name: 'with a userId that is no member: nothing',
      calendar: roundRobin,
      userId: 'u9',
      expected: [],
    },
    {
      name: 'two seats per member: full only when each has two',
      calendar: { ...roundRobin, appoinmentPerSlot: 2 },
      events: [
        booked('10:00', '10:30', { assignedUserId: 'u1' }),
        booked('10:00', '10:30', { assignedUserId: 'u1' }),
        booked('10:00', '10:30', { assignedUserId: 'u2' }),
      ],
      expected: ALL_MORNING,
    },
    {
      name: 'a day limit reached by one member leaves the other',
      calendar: { ...roundRobin, appoinmentPerDay: 1 },
      events: [booked('11:00', '11:30', { assignedUserId: 'u1' })],
      expected: ALL_MORNING,
    },
    {
      name: 'each member at the day limit: the day closes',
      calendar: { ...roundRobin, appoinmentPerDay: 1 },
      events: [
        booked('11:00', '11:30', { assignedUserId: 'u1' }),
        booked('10:00', '10:30', { assignedUserId: 'u2' }),
      ],
      expected: [],
    },
  ])('$name', (row) => {
    expect(times(row)).toEqual(row.expected);
  });
});

describe('collective free slots', () => {
  it.each<Row>([
    { name: 'everyone free: every slot', calendar: collective, expected: ALL_MORNING },
    {
      name: 'one member busy on another calendar: the slot goes',
      calendar: collective,
      events: [booked('10:00', '10:30', { calendarId: 'cal_2', assignedUserId: 'u2' })],
      expected: WITHOUT_TEN,
    },
    {
      name: 'one member blocked: the slot goes',
      calendar: collective,
      blockedSlots: [
        blocked(at('10:00'), at('10:30'), { calendarId: undefined, assignedUserId: 'u1' }),
      ],
      expected: WITHOUT_TEN,
    },
    {
      name: 'a collective booking holds its secondary owners',
      calendar: collective,
      events: [booked('10:00', '10:30', { assignedUserId: 'u1', users: ['u2'] })],
      expected: WITHOUT_TEN,
    },
    {
      name: 'someone else’s appointment elsewhere does not count',
      calendar: collective,
      events: [booked('10:00', '10:30', { calendarId: 'cal_2', assignedUserId: 'u9' })],
      expected: ALL_MORNING,
    },
    {
      name: 'with userId of a member: still every member must be free',
      calendar: collective,
      events: [booked('10:00', '10:30', { calendarId: 'cal_2', assignedUserId: 'u2' })],
      userId: 'u1',
      expected: WITHOUT_TEN,
    },
    {
      name: 'with a userId that is no member: nothing',
      calendar: collective,
      userId: 'u9',
      expected: [],
    },
  ])('$name', (row) => {
    expect(times(row)).toEqual(row.expected);
  });
});

describe('a one-member round-robin calendar', () => {
  it('books its member as before: any appointment on it counts', () => {
    const row: Row = {
      name: 'one member',
      calendar: { calendarType: 'round_robin', teamMembers: [{ userId: 'u1' }] },
      events: [booked('10:00', '10:30', { assignedUserId: 'u7' })],
      expected: WITHOUT_TEN,
    };
    expect(times(row)).toEqual(row.expected);
  });
});
