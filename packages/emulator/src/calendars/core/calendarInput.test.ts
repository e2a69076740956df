import { describe, expect, it } from 'vitest';
import { normalizeCalendarInput } from './calendarInput.js';
import { hours } from './testing.js';

const assigned = { id: 'cal_1', locationId: 'loc_1' };
const nineToFive = [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [hours('09:00', '17:00')] }];

function accepted(body: Record<string, unknown>) {
  const result = normalizeCalendarInput(body, assigned);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.calendar;
}

function refused(body: unknown) {
  const result = normalizeCalendarInput(body, assigned);
  if (result.ok) throw new Error('accepted');
  return result.errors;
}

describe('normalizeCalendarInput defaults', () => {
  const calendar = accepted({ name: 'Consult' });

  it.each([
    ['id', 'cal_1'],
    ['locationId', 'loc_1'],
    ['name', 'Consult'],
    ['calendarType', 'event'],
    ['slotDuration', 30],
    ['slotDurationUnit', 'mins'],
    ['slotInterval', 30],
    ['slotIntervalUnit', 'mins'],
    ['slotBuffer', 0],
    ['preBuffer', 0],
    ['appoinmentPerSlot', 1],
    ['autoConfirm', true],
    ['isActive', true],
    ['allowReschedule', true],
    ['allowCancellation', true],
    ['enableRecurring', false],
    ['googleInvitationEmails', false],
    ['eventTitle', '{{contact.name}}'],
    ['eventColor', '#039be5'],
    ['widgetType', 'classic'],
    ['formSubmitType', 'ThankYouMessage'],
    ['availabilityType', null],
    ['openHours', []],
    ['availabilities', []],
    ['teamMembers', []],
  ])('%s defaults to %j', (field, expected) => {
    expect(calendar[field as keyof typeof calendar]).toEqual(expected);
  });

  it.each(['appoinmentPerDay', 'allowBookingAfter', 'allowBookingAfterUnit', 'description'])(
    'leaves %s absent when not given',
    (field) => {
      expect(field in calendar).toBe(false);
    },
  );
});

describe('normalizeCalendarInput keeps what is given', () => {
  it('stores hours, overrides, members and limits', () => {
    const calendar = accepted({
      name: 'Massage',
      locationId: 'loc_1',
      calendarType: 'round_robin',
      teamMembers: [{ userId: 'u1' }, { userId: 'u2', priority: 1, isPrimary: true }],
      slotDuration: 1,
      slotDurationUnit: 'hours',
      slotBuffer: 15,
      preBuffer: 10,
      appoinmentPerSlot: 2,
      appoinmentPerDay: 8,
      allowBookingAfter: 2,
      allowBookingFor: 30,
      allowBookingForUnit: 'days',
      openHours: nineToFive,
      availabilities: [
        { date: '2026-12-24', hours: [hours('09:00', '12:00')] },
        { date: '2026-12-31T00:00:00.000Z', hours: [], deleted: true },
      ],
      description: 'Deep tissue',
      stickyContact: true,
    });
    expect(calendar).toMatchObject({
      calendarType: 'round_robin',
      teamMembers: [
        { userId: 'u1', priority: 0.5 },
        { userId: 'u2', priority: 1, isPrimary: true },
      ],
      slotDuration: 1,
      slotDurationUnit: 'hours',
      slotBuffer: 15,
      preBuffer: 10,
      appoinmentPerSlot: 2,
      appoinmentPerDay: 8,
      allowBookingAfter: 2,
      allowBookingAfterUnit: 'days',
      allowBookingFor: 30,
      allowBookingForUnit: 'days',
      openHours: nineToFive,
      availabilities: [
        { date: '2026-12-24T00:00:00.000Z', hours: [hours('09:00', '12:00')], deleted: false },
        { date: '2026-12-31T00:00:00.000Z', hours: [], deleted: true },
      ],
      description: 'Deep tissue',
      stickyContact: true,
    });
  });

  it('accepts a range that closes at midnight', () => {
    const calendar = accepted({
      name: 'Late',
      openHours: [{ daysOfTheWeek: [5], hours: [hours('18:00', '00:00')] }],
    });
    expect(calendar.openHours[0]?.hours).toEqual([hours('18:00', '00:00')]);
  });
});

describe('normalizeCalendarInput refusals', () => {
  it.each<[string, unknown, string, string]>([
    ['a body that is not an object', [], '', 'body must be a JSON object'],
    ['a missing name', { name: null }, 'name', 'name should not be empty'],
    ['a blank name', { name: '  ' }, 'name', 'name should not be empty'],
    ['a zero duration', { slotDuration: 0 }, 'slotDuration', 'must be a positive number'],
    ['a string duration', { slotDuration: '30' }, 'slotDuration', 'must be a number'],
    ['an unknown unit', { slotDurationUnit: 'minutes' }, 'slotDurationUnit', 'mins, hours'],
    ['a fractional capacity', { appoinmentPerSlot: 1.5 }, 'appoinmentPerSlot', 'integer'],
    ['a negative buffer', { slotBuffer: -5 }, 'slotBuffer', 'must not be less than 0'],
    [
      'a notice unit HighLevel lacks',
      { allowBookingForUnit: 'hours' },
      'allowBookingForUnit',
      'days, weeks, months',
    ],
    ['an unknown calendar type', { calendarType: 'group' }, 'calendarType', 'round_robin'],
    ['an unknown property', { colour: 'red' }, 'colour', 'property colour should not exist'],
    [
      'the correct spelling',
      { appointmentPerSlot: 2 },
      'appointmentPerSlot',
      'spells it appoinmentPerSlot',
    ],
    [
      'an unmodelled feature',
      { lookBusyConfig: { enabled: true } },
      'lookBusyConfig',
      'not supported',
    ],
    ['another location', { locationId: 'loc_2' }, 'locationId', 'created in (loc_1)'],
    [
      'day 7',
      { openHours: [{ daysOfTheWeek: [7], hours: [] }] },
      'openHours[0].daysOfTheWeek[0]',
      'must not be greater than 6',
    ],
    [
      'a close before the open',
      { openHours: [{ daysOfTheWeek: [1], hours: [hours('17:00', '09:00')] }] },
      'openHours[0].hours[0].closeHour',
      'after the opening time',
    ],
    [
      'hours missing',
      { openHours: [{ daysOfTheWeek: [1] }] },
      'openHours[0].hours',
      'should not be empty',
    ],
    [
      'an hour past 23',
      {
        openHours: [{ daysOfTheWeek: [1], hours: [{ ...hours('09:00', '17:00'), closeHour: 24 }] }],
      },
      'openHours[0].hours[0].closeHour',
      'must not be greater than 23',
    ],
    [
      'a date that is not one',
      { availabilities: [{ date: 'next monday', hours: [] }] },
      'availabilities[0].date',
      'must look like',
    ],
    [
      'a member without a user',
      { teamMembers: [{ priority: 1 }] },
      'teamMembers[0].userId',
      'should not be empty',
    ],
    [
      'a round robin with nobody',
      { calendarType: 'round_robin' },
      'teamMembers',
      'required for calendars of type round_robin',
    ],
    [
      'a personal calendar for two',
      { calendarType: 'personal', teamMembers: [{ userId: 'a' }, { userId: 'b' }] },
      'teamMembers',
      'exactly one',
    ],
    [
      'two primaries',
      {
        teamMembers: [
          { userId: 'a', isPrimary: true },
          { userId: 'b', isPrimary: true },
        ],
      },
      'teamMembers',
      'only one',
    ],
  ])('refuses %s', (_, body, field, message) => {
    const errors = refused(
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? { name: 'x', ...body }
        : body,
    );
    const error = errors.find((candidate) => candidate.field === field);
    expect(error?.message).toContain(message);
  });

  it('reports every bad field at once', () => {
    const errors = refused({ slotDuration: -1, slotInterval: 'x', isActive: 'yes' });
    expect(errors.map((error) => error.field)).toEqual([
      'name',
      'slotDuration',
      'slotInterval',
      'isActive',
    ]);
  });
});
