import { describe, expect, it } from 'vitest';
import { appointmentIdFromHighLevel, type AppointmentId } from './outcomes.js';
import type { OfferedSlot, ToolResult } from './results.js';
import {
  appointmentsFound,
  booked,
  cancelled,
  failed,
  needsInfo,
  noSlots,
  notFound,
  rescheduled,
  slotUnavailable,
  slotsOffered,
} from './speech.js';
import { formatToolResult } from './spokenResult.js';
import { daysOffered, labelSlots, spokenDateTime, spokenList } from './spokenTime.js';

const NY = 'America/New_York';
const id = (value: string) => appointmentIdFromHighLevel({ id: value }) as AppointmentId;
const slot = (start: string): OfferedSlot => labelSlots([{ id: `id:${start}`, start }], NY)[0]!;

describe('spokenDateTime', () => {
  it.each<[string, string, string, Date | undefined, string]>([
    [
      'the documented example',
      '2026-12-01T14:30:00-05:00',
      NY,
      undefined,
      'Tuesday, December 1 at 2:30 PM',
    ],
    [
      'on the hour, no ":00"',
      '2026-12-01T09:00:00-05:00',
      NY,
      undefined,
      'Tuesday, December 1 at 9 AM',
    ],
    [
      "a UTC instant in the caller's zone",
      '2026-12-01T19:30:00Z',
      NY,
      undefined,
      'Tuesday, December 1 at 2:30 PM',
    ],
    [
      'the same instant for a London caller',
      '2026-12-01T14:30:00-05:00',
      'Europe/London',
      undefined,
      'Tuesday, December 1 at 7:30 PM',
    ],
    [
      'crossing midnight into the next day',
      '2026-12-01T22:30:00-05:00',
      'Europe/London',
      undefined,
      'Wednesday, December 2 at 3:30 AM',
    ],
    ['noon', '2026-12-01T12:00:00-05:00', NY, undefined, 'Tuesday, December 1 at 12 PM'],
    [
      'today, given now',
      '2026-12-01T15:00:00-05:00',
      NY,
      new Date('2026-12-01T14:00:00Z'),
      'today at 3 PM',
    ],
    [
      'tomorrow, given now',
      '2026-12-02T09:00:00-05:00',
      NY,
      new Date('2026-12-01T14:00:00Z'),
      'tomorrow at 9 AM',
    ],
    // 11 PM in New York on Nov 30 is already Dec 1 in UTC: "tomorrow" is the caller's tomorrow.
    [
      "tomorrow by the caller's calendar",
      '2026-12-01T10:00:00-05:00',
      NY,
      new Date('2026-12-01T04:00:00Z'),
      'tomorrow at 10 AM',
    ],
    [
      'tomorrow across the spring-forward night',
      '2026-03-09T09:00:00-04:00',
      NY,
      new Date('2026-03-08T05:30:00Z'),
      'tomorrow at 9 AM',
    ],
    // New York falls back 2026-11-01 at 2 AM EDT -> 1 AM EST: 1:30 AM happens twice.
    [
      'the first of two 1:30s when clocks go back names its time',
      '2026-11-01T01:30:00-04:00',
      NY,
      undefined,
      'Sunday, November 1 at 1:30 AM Eastern Daylight Time',
    ],
    [
      'the second of two 1:30s when clocks go back names its time',
      '2026-11-01T01:30:00-05:00',
      NY,
      undefined,
      'Sunday, November 1 at 1:30 AM Eastern Standard Time',
    ],
    [
      'the hour after the repeated one is said plainly',
      '2026-11-01T02:00:00-05:00',
      NY,
      undefined,
      'Sunday, November 1 at 2 AM',
    ],
    [
      'a repeated Berlin time for a Berlin caller',
      '2026-10-25T02:30:00+02:00',
      'Europe/Berlin',
      undefined,
      'Sunday, October 25 at 2:30 AM Central European Summer Time',
    ],
    [
      'the same instant for a New York caller, said once there',
      '2026-10-25T02:30:00+02:00',
      NY,
      undefined,
      'Saturday, October 24 at 8:30 PM',
    ],
    [
      'two days out keeps the weekday',
      '2026-12-03T09:00:00-05:00',
      NY,
      new Date('2026-12-01T14:00:00Z'),
      'Thursday, December 3 at 9 AM',
    ],
    [
      'next year says the year',
      '2027-01-05T09:00:00-05:00',
      NY,
      new Date('2026-12-20T14:00:00Z'),
      'Tuesday, January 5, 2027 at 9 AM',
    ],
  ])('%s', (_name, iso, zone, now, label) => {
    expect(spokenDateTime(iso, zone, now)).toBe(label);
  });
});

describe('daysOffered', () => {
  it('labels each day and its slots in the caller zone', () => {
    const start = '2026-12-02T10:00:00-05:00';
    const days = daysOffered([{ date: '2026-12-02', slots: [{ id: `id:${start}`, start }] }], NY);
    expect(days).toEqual([
      {
        date: '2026-12-02',
        label: 'Wednesday, December 2',
        slots: [
          {
            id: 'id:2026-12-02T10:00:00-05:00',
            start: '2026-12-02T10:00:00-05:00',
            label: 'Wednesday, December 2 at 10 AM',
          },
        ],
      },
    ]);
    const message = noSlots(NY, '2026-12-01', days, new Date('2026-11-30T15:00:00Z')).message;
    expect(message).toBe(
      'I have nothing free tomorrow. The nearest day with openings is Wednesday, December 2. Shall I check it?',
    );
  });
});

describe('spokenList', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a or b'],
    [['a', 'b', 'c'], 'a, b or c'],
  ])('%j', (items, spoken) => {
    expect(spokenList(items)).toBe(spoken);
  });
});

describe('outcome messages', () => {
  it.each<[string, ToolResult, string]>([
    [
      'slots on one day',
      slotsOffered(NY, [slot('2026-12-01T09:00:00-05:00'), slot('2026-12-01T14:30:00-05:00')]),
      'I have Tuesday, December 1 at 9 AM or 2:30 PM. Which works best?',
    ],
    [
      'slots over two days',
      slotsOffered(NY, [
        slot('2026-12-01T09:00:00-05:00'),
        slot('2026-12-01T14:30:00-05:00'),
        slot('2026-12-02T10:00:00-05:00'),
      ]),
      'I have Tuesday, December 1 at 9 AM or 2:30 PM or Wednesday, December 2 at 10 AM. Which works best?',
    ],
    [
      'nothing on the day, nearest days',
      noSlots(NY, '2026-12-01', [
        { date: '2026-11-30', label: 'Monday, November 30', slots: [] },
        { date: '2026-12-02', label: 'Wednesday, December 2', slots: [] },
      ]),
      'I have nothing free on Tuesday, December 1. The nearest days with openings are Monday, November 30 and Wednesday, December 2. Shall I check one of those?',
    ],
    [
      'nothing anywhere',
      noSlots(NY, '2026-12-01', []),
      'I have nothing free on Tuesday, December 1, and no openings on the days around it either.',
    ],
    [
      'booked',
      booked(
        { appointmentId: id('apt_1'), contactId: 'c_1', start: '2026-12-01T14:30:00-05:00' },
        NY,
      ),
      "You're booked for Tuesday, December 1 at 2:30 PM.",
    ],
    [
      'slot taken, with alternatives',
      slotUnavailable([slot('2026-12-01T15:00:00-05:00'), slot('2026-12-01T16:00:00-05:00')], NY),
      'That time was just taken. I can offer Tuesday, December 1 at 3 PM or 4 PM.',
    ],
    [
      'slot taken, nothing else',
      slotUnavailable([], NY),
      'That time was just taken, and I have no other openings close to it. Would you like me to look at other days?',
    ],
    ['missing contact details', needsInfo(['phone or email']), 'I still need the phone or email.'],
    [
      'missing and malformed',
      needsInfo(['name'], [{ field: 'date', expected: 'a date as YYYY-MM-DD, like 2026-12-01' }]),
      'I still need the name. For date I need a date as YYYY-MM-DD, like 2026-12-01.',
    ],
    [
      'rescheduled',
      rescheduled(id('apt_1'), '2026-12-02T10:00:00-05:00', NY),
      'Your appointment is moved to Wednesday, December 2 at 10 AM.',
    ],
    [
      'cancelled today',
      cancelled('apt_1', '2026-12-01T14:30:00-05:00', NY, new Date('2026-12-01T13:00:00Z')),
      'Your appointment today at 2:30 PM is cancelled.',
    ],
    [
      'cancelled',
      cancelled('apt_1', '2026-12-01T14:30:00-05:00', NY),
      'Your appointment on Tuesday, December 1 at 2:30 PM is cancelled.',
    ],
    [
      'not found',
      notFound('an upcoming appointment for that phone number'),
      "I couldn't find an upcoming appointment for that phone number.",
    ],
    [
      'appointments found',
      appointmentsFound([
        { id: 'a', start: '2026-12-01T14:30:00-05:00', label: 'Tuesday, December 1 at 2:30 PM' },
        { id: 'b', start: '2026-12-04T09:00:00-05:00', label: 'Friday, December 4 at 9 AM' },
      ]),
      'You have 2 upcoming appointments: Tuesday, December 1 at 2:30 PM and Friday, December 4 at 9 AM.',
    ],
    [
      'no appointments is not_found',
      appointmentsFound([]),
      "I couldn't find any upcoming appointments for you.",
    ],
    [
      'unconfirmed booking tells the truth',
      failed('unconfirmed'),
      "I couldn't confirm whether the booking went through. Please don't book again; the team will confirm it with you shortly.",
    ],
  ])('%s', (_name, result, message) => {
    expect(result.message).toBe(message);
  });
});

describe('formatToolResult', () => {
  it('writes exactly the documented shape for availability (docs/vapi.md)', () => {
    const result = slotsOffered(NY, [
      { id: 'sl_1', start: '2026-12-01T14:30:00-05:00', label: 'Tuesday, December 1 at 2:30 PM' },
    ]);
    expect(formatToolResult(result)).toBe(
      '{"status":"ok","timezone":"America/New_York","slots":[{"id":"sl_1","start":"2026-12-01T14:30:00-05:00","label":"Tuesday, December 1 at 2:30 PM"}],"message":"I have Tuesday, December 1 at 2:30 PM. Which works best?"}',
    );
  });

  it.each<[string, ToolResult, string]>([
    [
      'booked',
      booked(
        { appointmentId: id('apt_1'), contactId: 'c_1', start: '2026-12-01T14:30:00-05:00' },
        NY,
      ),
      '{"status":"booked","appointmentId":"apt_1","contactId":"c_1","start":"2026-12-01T14:30:00-05:00","message":"You\'re booked for Tuesday, December 1 at 2:30 PM."}',
    ],
    [
      'needs_info',
      needsInfo(['phone or email']),
      '{"status":"needs_info","missing":["phone or email"],"message":"I still need the phone or email."}',
    ],
    [
      'not_found',
      notFound('that appointment'),
      '{"status":"not_found","message":"I couldn\'t find that appointment."}',
    ],
    [
      'error',
      failed('unavailable'),
      '{"status":"error","code":"unavailable","message":"The calendar is not reachable right now. Please try again in a moment."}',
    ],
  ])('%s', (_name, result, line) => {
    expect(formatToolResult(result)).toBe(line);
  });

  it.each([
    ['a newline', 'Ada\nLovelace'],
    ['CRLF and tabs', 'Ada\r\n\tLovelace'],
    ['a Unicode line separator', 'Ada\u2028Lovelace'],
    ['a paragraph separator and a NUL', 'Ada\u2029\u0000Lovelace'],
  ])('flattens %s in any value to one space', (_name, name) => {
    const line = formatToolResult(
      needsInfo([], [{ field: name, expected: `a name, not ${name}` }]),
    );
    expect(line).not.toMatch(/[\n\r\u2028\u2029]|\\n|\\r|\\t|\\u/);
    expect(JSON.parse(line)).toEqual({
      status: 'needs_info',
      missing: [],
      invalid: [{ field: 'Ada Lovelace', expected: 'a name, not Ada Lovelace' }],
      message: 'For Ada Lovelace I need a name, not Ada Lovelace.',
    });
  });
});

describe('appointmentIdFromHighLevel', () => {
  it.each<[string, unknown, string | undefined]>([
    ['the flat create response', { id: 'apt_1', calendarId: 'cal' }, 'apt_1'],
    ['a { event } read', { event: { id: 'apt_2' } }, 'apt_2'],
    ['an empty id', { id: '  ' }, undefined],
    ['no id at all', { calendarId: 'cal' }, undefined],
    ['a number', { id: 42 }, undefined],
    ['nothing', null, undefined],
  ])('%s', (_name, response, expected) => {
    expect(appointmentIdFromHighLevel(response)).toBe(expected);
  });
});
