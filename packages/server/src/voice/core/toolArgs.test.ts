import { describe, expect, it } from 'vitest';
import { readCheckAvailability } from './searchWindow.js';
import {
  readBookAppointment,
  readCancelAppointment,
  readFindAppointments,
  readRescheduleAppointment,
  readToolArguments,
  type ArgsResult,
  type ToolContext,
} from './toolArgs.js';
import { EXPECTED } from './toolFields.js';
import { spokenResult } from './spokenResult.js';

/** Monday 2026-11-30, 7 AM in New York; a caller on +1 415 555 0100. */
const context: ToolContext = {
  now: new Date('2026-11-30T12:00:00Z'),
  timezone: 'America/New_York',
  defaultCountry: 'US',
  callerNumber: '+14155550100',
};
const { callerNumber: _omit, ...noCaller } = context;

const DATE = 'a date as YYYY-MM-DD, like 2026-12-01 (turn words like "tomorrow" into a date first)';
const DATE_OR_TIME =
  'a date as YYYY-MM-DD or a date and time like 2026-12-01T14:30 (no words like "tomorrow")';
const START =
  'a date and time like 2026-12-01T14:30:00-05:00, or the slot id from check_availability';
const PHONE = 'a phone number with its area code, like (415) 555-0100 or +14155550100';
/** Arguments read, with a refusal in the words the caller hears. */
const spoken = <T>(read: ArgsResult<T>) =>
  read.ok ? read : { ok: false as const, result: spokenResult(read.result, context.now) };

describe('check_availability', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    [
      'one day',
      { date: '2026-12-01' },
      {
        from: '2026-12-01T00:00:00-05:00',
        to: '2026-12-02T00:00:00-05:00',
        askedDay: '2026-12-01',
      },
    ],
    [
      'nothing: from now to the end of the seventh day',
      {},
      { from: '2026-11-30T07:00:00-05:00', to: '2026-12-08T00:00:00-05:00' },
    ],
    [
      'today starts now',
      { date: '2026-11-30' },
      {
        from: '2026-11-30T07:00:00-05:00',
        to: '2026-12-01T00:00:00-05:00',
        askedDay: '2026-11-30',
      },
    ],
    [
      'a range of dates includes the last day',
      { from: '2026-12-01', to: '2026-12-03' },
      { from: '2026-12-01T00:00:00-05:00', to: '2026-12-04T00:00:00-05:00' },
    ],
    [
      'from alone is that day',
      { from: '2026-12-01' },
      {
        from: '2026-12-01T00:00:00-05:00',
        to: '2026-12-02T00:00:00-05:00',
        askedDay: '2026-12-01',
      },
    ],
    [
      'local times in the workspace zone',
      { from: '2026-12-01T14:00', to: '2026-12-01 17:00' },
      { from: '2026-12-01T14:00:00-05:00', to: '2026-12-01T17:00:00-05:00' },
    ],
    [
      'a UTC time, to the end of its local day',
      { from: '2026-12-01T14:00:00Z' },
      { from: '2026-12-01T09:00:00-05:00', to: '2026-12-02T00:00:00-05:00' },
    ],
    [
      "the caller's zone",
      { date: '2026-12-01', timezone: 'Europe/London' },
      {
        timezone: 'Europe/London',
        from: '2026-12-01T00:00:00+00:00',
        to: '2026-12-02T00:00:00+00:00',
        askedDay: '2026-12-01',
      },
    ],
    [
      'the 23-hour day clocks spring forward',
      { date: '2027-03-14' },
      {
        from: '2027-03-14T00:00:00-05:00',
        to: '2027-03-15T00:00:00-04:00',
        askedDay: '2027-03-14',
      },
    ],
    [
      'date wins over from/to',
      { date: '2026-12-01', from: '2026-12-05', to: '2026-12-09' },
      {
        from: '2026-12-01T00:00:00-05:00',
        to: '2026-12-02T00:00:00-05:00',
        askedDay: '2026-12-01',
      },
    ],
    [
      'blanks are not given',
      { date: ' ', from: '', service: 'Deep Tissue' },
      {
        from: '2026-11-30T07:00:00-05:00',
        to: '2026-12-08T00:00:00-05:00',
        service: 'Deep Tissue',
      },
    ],
  ])('%s', (_name, raw, expected) => {
    expect(readCheckAvailability(raw, context)).toEqual({
      ok: true,
      args: { timezone: 'America/New_York', ...expected },
    });
  });

  it.each<[string, Record<string, unknown>, Array<{ field: string; expected: string }>]>([
    ['"tomorrow" is not guessed', { date: 'tomorrow' }, [{ field: 'date', expected: DATE }]],
    ['a US-style date', { date: '12/01/2026' }, [{ field: 'date', expected: DATE }]],
    ['an impossible date', { date: '2026-02-30' }, [{ field: 'date', expected: DATE }]],
    ['a date as a number', { date: 20261201 }, [{ field: 'date', expected: DATE }]],
    ['words in from', { from: 'next week' }, [{ field: 'from', expected: DATE_OR_TIME }]],
    [
      'an impossible time',
      { from: '2026-12-01T25:00' },
      [{ field: 'from', expected: DATE_OR_TIME }],
    ],
    [
      'a service that is not text',
      { service: ['massage'] },
      [{ field: 'service', expected: 'text of at most 200 characters' }],
    ],
    [
      'to before from',
      { from: '2026-12-03', to: '2026-12-01' },
      [{ field: 'to', expected: 'a time after from' }],
    ],
    [
      'a day in the past',
      { date: '2026-11-20' },
      [{ field: 'date', expected: 'today or a later date' }],
    ],
    [
      'not an IANA zone',
      { date: '2026-12-01', timezone: 'Eastern Time' },
      [{ field: 'timezone', expected: 'an IANA timezone, like America/New_York' }],
    ],
    [
      'every bad field at once',
      { from: 'monday', to: 'friday' },
      [
        { field: 'from', expected: DATE_OR_TIME },
        { field: 'to', expected: DATE_OR_TIME },
      ],
    ],
  ])('%s -> needs_info', (_name, raw, invalid) => {
    expect(readCheckAvailability(raw, context)).toMatchObject({
      ok: false,
      result: { status: 'needs_info', missing: [], invalid },
    });
  });

  describe("held to the rules' horizon (30 days ahead: 2026-12-30) and 62 days", () => {
    const limited = { ...context, maxDaysAhead: 30 };
    it.each<[string, Record<string, unknown>, ToolContext, { field: string; expected: string }]>([
      [
        'a window to the year 9999',
        { from: '2026-12-07', to: '9999-12-31' },
        limited,
        { field: 'to', expected: 'a date no later than 2026-12-30' },
      ],
      [
        'a day past the last one',
        { date: '2026-12-31' },
        limited,
        { field: 'date', expected: 'a date no later than 2026-12-30' },
      ],
      [
        'a start past the last day',
        { from: '2027-01-04' },
        limited,
        { field: 'from', expected: 'a date no later than 2026-12-30' },
      ],
      [
        'a window longer than 62 days under a far horizon',
        { from: '2026-12-01', to: '2027-03-01' },
        { ...context, maxDaysAhead: 365 },
        { field: 'to', expected: 'a window of at most 62 days' },
      ],
      [
        'a window longer than 62 days without rules',
        { to: '9999-12-31' },
        context,
        { field: 'to', expected: 'a window of at most 62 days' },
      ],
    ])('%s -> needs_info', (_name, raw, ctx, problem) => {
      expect(readCheckAvailability(raw, ctx)).toMatchObject({
        ok: false,
        result: { status: 'needs_info', invalid: [problem] },
      });
    });

    it.each<[string, Record<string, unknown>, ToolContext, string]>([
      ['the last day', { date: '2026-12-30' }, limited, '2026-12-31T00:00:00-05:00'],
      [
        'no window: a week, cut at the horizon',
        {},
        { ...context, maxDaysAhead: 2 },
        '2026-12-03T00:00:00-05:00',
      ],
    ])('%s is searched', (_name, raw, ctx, to) => {
      expect(readCheckAvailability(raw, ctx)).toMatchObject({ ok: true, args: { to } });
    });
  });

  it('says what format to use', () => {
    const result = spoken(readCheckAvailability({ date: 'tomorrow' }, context));
    expect(!result.ok && result.result.message).toBe(`For date I need ${DATE}.`);
  });
});

describe('book_appointment', () => {
  const base = { slotId: 'abc.def', name: 'Ada Lovelace' };
  it.each<[string, Record<string, unknown>, ToolContext, Record<string, unknown>]>([
    [
      "the caller's number when no phone is given",
      base,
      context,
      {
        slot: { slotId: 'abc.def' },
        name: 'Ada Lovelace',
        phone: '+14155550100',
        phoneFrom: 'call',
      },
    ],
    [
      '(415) 555-0199',
      { ...base, phone: '(415) 555-0199' },
      context,
      { phone: '+14155550199', phoneFrom: 'arguments' },
    ],
    [
      '+14155550199',
      { ...base, phone: '+14155550199' },
      context,
      { phone: '+14155550199', phoneFrom: 'arguments' },
    ],
    [
      '415.555.0199',
      { ...base, phone: '415.555.0199' },
      context,
      { phone: '+14155550199', phoneFrom: 'arguments' },
    ],
    [
      'digits as a number',
      { ...base, phone: 4155550199 },
      context,
      { phone: '+14155550199', phoneFrom: 'arguments' },
    ],
    [
      'a UK number in a UK workspace',
      { ...base, phone: '020 7946 0018' },
      { ...noCaller, defaultCountry: 'GB' },
      { phone: '+442079460018', phoneFrom: 'arguments' },
    ],
    [
      'an email only',
      { ...base, email: ' Ada@Example.COM ' },
      noCaller,
      { email: 'ada@example.com' },
    ],
    [
      'a start time with offset',
      { startTime: '2026-12-01T14:30:00-05:00', name: 'Ada' },
      context,
      { slot: { startTime: '2026-12-01T14:30:00-05:00' } },
    ],
    [
      'a lower-case z offset',
      { startTime: '2026-12-01t19:30:00z', name: 'Ada' },
      context,
      { slot: { startTime: '2026-12-01T14:30:00-05:00' } },
    ],
    [
      'a local start time',
      { startTime: '2026-12-01T14:30', name: 'Ada' },
      context,
      { slot: { startTime: '2026-12-01T14:30:00-05:00' } },
    ],
    [
      'a start time with a space',
      { startTime: '2026-12-01 14:30', name: 'Ada' },
      context,
      { slot: { startTime: '2026-12-01T14:30:00-05:00' } },
    ],
    [
      'a UTC start time',
      { startTime: '2026-12-01T19:30:00Z', name: 'Ada' },
      context,
      { slot: { startTime: '2026-12-01T14:30:00-05:00' } },
    ],
    [
      'slot id wins over start time',
      { ...base, startTime: '2026-12-01T14:30' },
      context,
      { slot: { slotId: 'abc.def' } },
    ],
    [
      'first and last name',
      { slotId: 'x', firstName: 'Ada', lastName: 'Lovelace' },
      context,
      { name: 'Ada Lovelace' },
    ],
    [
      'snake_case keys',
      { slot_id: 'x', first_name: 'Ada' },
      context,
      { slot: { slotId: 'x' }, name: 'Ada' },
    ],
    [
      'notes',
      { ...base, notes: ' wants the window seat ' },
      context,
      { notes: 'wants the window seat' },
    ],
    [
      'a time the clocks show twice: the first one (daylight time)',
      { name: 'Ada', phone: '+14155550100', startTime: '2027-11-07T01:30' },
      context,
      { slot: { startTime: '2027-11-07T01:30:00-04:00' } },
    ],
    [
      'a time the clocks show twice, its offset given: the one asked for',
      { name: 'Ada', phone: '+14155550100', startTime: '2027-11-07T01:30:00-05:00' },
      context,
      { slot: { startTime: '2027-11-07T01:30:00-05:00' } },
    ],
    [
      "a start time in the caller's timezone",
      {
        name: 'Ada',
        phone: '+14155550100',
        startTime: '2026-12-01T09:00',
        timezone: 'Europe/Berlin',
      },
      context,
      { slot: { startTime: '2026-12-01T09:00:00+01:00' }, timezone: 'Europe/Berlin' },
    ],
  ])('%s', (_name, raw, ctx, expected) => {
    const result = readBookAppointment(raw, ctx);
    expect(result).toMatchObject({ ok: true, args: expected });
  });

  it.each<
    [
      string,
      Record<string, unknown>,
      ToolContext,
      string[],
      Array<{ field: string; expected: string }>,
    ]
  >([
    ['no phone, no email, no caller number', base, noCaller, ['phone or email'], []],
    [
      'a withheld caller number',
      base,
      { ...context, callerNumber: 'anonymous' },
      ['phone or email'],
      [],
    ],
    ['nothing at all', {}, noCaller, ['slotId or startTime', 'name', 'phone or email'], []],
    [
      'a spoken time',
      { startTime: 'tomorrow at 3', name: 'Ada' },
      context,
      [],
      [{ field: 'startTime', expected: START }],
    ],
    [
      'a date without a time',
      { startTime: '2026-12-01', name: 'Ada' },
      context,
      [],
      [{ field: 'startTime', expected: START }],
    ],
    [
      "a short phone is asked again, not replaced by the caller's",
      { ...base, phone: '555-0100' },
      context,
      [],
      [{ field: 'phone', expected: PHONE }],
    ],
    [
      'a malformed email',
      { ...base, email: 'ada at example' },
      noCaller,
      [],
      [{ field: 'email', expected: 'an email address, like ada@example.com' }],
    ],
    [
      'a time the clocks skip (2:30 AM as New York springs forward)',
      { startTime: '2027-03-14T02:30', name: 'Ada' },
      context,
      [],
      [{ field: 'startTime', expected: EXPECTED.existingTime }],
    ],
  ])('%s -> needs_info', (_name, raw, ctx, missing, invalid) => {
    const result = readBookAppointment(raw, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.result.missing).toEqual(missing);
    expect(result.result.invalid ?? []).toEqual(invalid);
  });

  it('names everything missing in one sentence', () => {
    const result = spoken(readBookAppointment({}, noCaller));
    expect(!result.ok && result.result.message).toBe(
      'I still need the slotId or startTime, name and phone or email.',
    );
  });
});

describe('reschedule, cancel and find', () => {
  it.each<[string, ReturnType<typeof readCancelAppointment>, unknown]>([
    [
      'reschedule by id',
      readRescheduleAppointment({ appointmentId: 'apt_1', slotId: 'x' }, noCaller),
      { ok: true, args: { appointmentId: 'apt_1', slot: { slotId: 'x' } } },
    ],
    [
      'reschedule by the calling number',
      readRescheduleAppointment({ startTime: '2026-12-02T10:00' }, context),
      {
        ok: true,
        args: {
          phone: '+14155550100',
          phoneFrom: 'call',
          slot: { startTime: '2026-12-02T10:00:00-05:00' },
        },
      },
    ],
    [
      'cancel by id',
      readCancelAppointment({ appointment_id: 'apt_1' }, noCaller),
      { ok: true, args: { appointmentId: 'apt_1' } },
    ],
    [
      'cancel by email',
      readCancelAppointment({ email: 'ada@example.com' }, noCaller),
      { ok: true, args: { email: 'ada@example.com' } },
    ],
    [
      'cancel by the calling number',
      readCancelAppointment({}, context),
      { ok: true, args: { phone: '+14155550100', phoneFrom: 'call' } },
    ],
    [
      'find by the calling number',
      readFindAppointments({}, context),
      { ok: true, args: { phone: '+14155550100', phoneFrom: 'call' } },
    ],
    [
      'find by a said phone',
      readFindAppointments({ phone: '415-555-0199' }, context),
      { ok: true, args: { phone: '+14155550199', phoneFrom: 'arguments' } },
    ],
  ])('%s', (_name, result, expected) => {
    expect(result).toEqual(expected);
  });

  it.each<[string, ReturnType<typeof readCancelAppointment>, string[], string[]]>([
    [
      'reschedule without a time',
      readRescheduleAppointment({ appointmentId: 'apt_1' }, noCaller),
      ['slotId or startTime'],
      [],
    ],
    [
      "reschedule of nobody's appointment",
      readRescheduleAppointment({ slotId: 'x' }, noCaller),
      ['appointmentId, phone or email'],
      [],
    ],
    [
      'reschedule with nothing',
      readRescheduleAppointment({}, noCaller),
      ['slotId or startTime', 'appointmentId, phone or email'],
      [],
    ],
    [
      'cancel with nothing',
      readCancelAppointment({}, noCaller),
      ['appointmentId, phone or email'],
      [],
    ],
    ['find with nothing', readFindAppointments({}, noCaller), ['phone or email'], []],
    ['find with a bad phone', readFindAppointments({ phone: '12' }, context), [], ['phone']],
  ])('%s -> needs_info', (_name, result, missing, invalidFields) => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.result.missing).toEqual(missing);
    expect((result.result.invalid ?? []).map((p) => p.field)).toEqual(invalidFields);
  });
});

describe('readToolArguments', () => {
  it('reads by tool name', () => {
    expect(readToolArguments('find_appointments', {}, context)).toEqual({
      ok: true,
      request: { tool: 'find_appointments', args: { phone: '+14155550100', phoneFrom: 'call' } },
    });
    expect(readToolArguments('book_appointment', {}, noCaller)).toMatchObject({
      ok: false,
      result: { status: 'needs_info' },
    });
  });

  it('knows no other tools', () => {
    expect(readToolArguments('transfer_call', {}, context)).toBeUndefined();
  });
});
