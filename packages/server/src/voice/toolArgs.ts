/**
 * The arguments of each voice tool (as docs/vapi-assistant.json declares them):
 * `check_availability`, `book_appointment`, `reschedule_appointment`, `cancel_appointment`,
 * `find_appointments`. A phone in any common format becomes E.164 and falls back to the calling
 * number; a time without an offset is read in the timezone the model names (check_availability) or
 * else the workspace's; words like "tomorrow" are never guessed at, the model is told to send a
 * date. Anything missing or malformed becomes a `needs_info` answer.
 */
import { DateTime } from 'luxon';
import type { FieldProblem, NeedsInfo } from './results.js';
import {
  DATE_ONLY,
  EXPECTED,
  callerDetails,
  finish,
  hasProblem,
  instant,
  iso,
  reachable,
  readFields,
  slotChoice,
  type ArgsResult,
  type CallerDetails,
  type Fields,
  type SlotChoice,
  type ToolContext,
} from './toolFields.js';
import { timeZone } from '../timeZones.js';

export type { ArgsResult, CallerDetails, SlotChoice, ToolContext } from './toolFields.js';

export interface CheckAvailabilityArgs {
  timezone: string;
  /** The window to search, instants with offset in `timezone`: [from, to). */
  from: string;
  to: string;
  /** The single local day asked about, if one was: "nothing that day" then offers nearby days. */
  askedDay?: string;
  service?: string;
}
export interface BookAppointmentArgs extends CallerDetails {
  slot: SlotChoice;
  name: string;
  notes?: string;
  /** The caller's timezone, when the model names it: answers are spoken in it. */
  timezone?: string;
}
export interface RescheduleAppointmentArgs extends CallerDetails {
  appointmentId?: string;
  slot: SlotChoice;
  timezone?: string;
}
export interface CancelAppointmentArgs extends CallerDetails {
  appointmentId?: string;
}
export type FindAppointmentsArgs = CallerDetails;

/**
 * The longest window one check searches. HighLevel's free slots take at most 31 days per request
 * (docs/highlevel-behaviour.md#free-slots), so a check costs a few of them, not thousands.
 */
export const MAX_SEARCH_DAYS = 62;

/**
 * The first instant past the last day the rules offer (`maxDaysAhead` days after today in the
 * workspace timezone), or `undefined` without a limit.
 *
 * @example searchHorizon({ now, timezone: 'America/Chicago', maxDaysAhead: 30 })?.toISO();
 */
export function searchHorizon(
  context: Pick<ToolContext, 'now' | 'timezone' | 'maxDaysAhead'>,
): DateTime | undefined {
  if (context.maxDaysAhead === undefined) return undefined;
  const today = DateTime.fromJSDate(context.now).setZone(timeZone(context.timezone));
  return today.startOf('day').plus({ days: context.maxDaysAhead + 1 });
}

/** The window of a check: instants in `zone`, plus the single day asked about, if any. */
function searchWindow(values: Fields, zone: string, now: DateTime, invalid: FieldProblem[]) {
  const dayStart = (date: string) =>
    DateTime.fromISO(date, { zone: timeZone(zone) }).startOf('day');
  const read = (value: string) => (DATE_ONLY.test(value) ? dayStart(value) : instant(value, zone));
  if (values.date) {
    const day = dayStart(values.date);
    return { from: day, to: day.plus({ days: 1 }), askedDay: values.date };
  }
  if (!values.from && !values.to) return { from: now, to: now.startOf('day').plus({ days: 8 }) };
  const from = values.from ? read(values.from) : now;
  if (!from.isValid) invalid.push({ field: 'from', expected: EXPECTED.dateOrTime });
  let to = from.startOf('day').plus({ days: 1 });
  if (values.to) {
    // A `to` written as a date includes that whole day.
    to = DATE_ONLY.test(values.to)
      ? dayStart(values.to).plus({ days: 1 })
      : instant(values.to, zone);
    if (!to.isValid) invalid.push({ field: 'to', expected: EXPECTED.dateOrTime });
  }
  const oneDay =
    values.from && DATE_ONLY.test(values.from) && (!values.to || values.to === values.from);
  return { from, to, ...(oneDay ? { askedDay: values.from } : {}) };
}

/**
 * The end of the window once held to the rules' horizon and `MAX_SEARCH_DAYS`: a window asked
 * for past them is refused (naming the field) before HighLevel is asked anything; the default
 * window is only shortened.
 */
function tooFar(
  values: Fields,
  start: DateTime,
  window: { to: DateTime },
  horizon: DateTime | undefined,
  invalid: FieldProblem[],
): DateTime {
  if (invalid.length) return window.to;
  const asked = values.date || values.from || values.to;
  const field = values.date ? 'date' : values.to ? 'to' : 'from';
  const lastDay = horizon?.minus({ days: 1 }).toISODate();
  if (horizon && window.to > horizon) {
    if (!asked) return horizon;
    invalid.push({ field, expected: `a date no later than ${lastDay}` });
  } else if (window.to.diff(start, 'days').days > MAX_SEARCH_DAYS) {
    invalid.push({ field, expected: `a window of at most ${MAX_SEARCH_DAYS} days` });
  }
  return window.to;
}

/**
 * `check_availability {date? | from?, to?, timezone?, service?}` as a search window. `date` wins
 * over `from`/`to`; a `from` alone searches to the end of its day; nothing given means from now
 * to the end of the seventh day; a window reaching into the past starts now. A window past the
 * rules' `maxDaysAhead`, or longer than `MAX_SEARCH_DAYS`, is refused.
 *
 * @example readCheckAvailability({ date: '2026-12-01' }, context); // { ok: true, args: { from: '2026-12-01T00:00:00-05:00', to: '2026-12-02T00:00:00-05:00', askedDay: '2026-12-01', … } }
 */
export function readCheckAvailability(
  raw: Record<string, unknown>,
  context: ToolContext,
): ArgsResult<CheckAvailabilityArgs> {
  const { values, invalid } = readFields(raw, ['date', 'from', 'to', 'timezone', 'service']);
  const zone = values.timezone ?? context.timezone;
  const now = DateTime.fromJSDate(context.now).setZone(timeZone(zone));
  const window = searchWindow(values, zone, now, invalid);
  if (invalid.length === 0 && window.to <= window.from) {
    invalid.push({ field: 'to', expected: 'a time after from' });
  }
  if (invalid.length === 0 && window.to <= now) {
    invalid.push({ field: values.date ? 'date' : 'to', expected: 'today or a later date' });
  }
  const start = window.from < now ? now : window.from;
  const end = tooFar(values, start, window, searchHorizon(context), invalid);
  return finish([], invalid, () => ({
    timezone: zone,
    from: iso(start),
    to: iso(end),
    ...(window.askedDay ? { askedDay: window.askedDay } : {}),
    ...(values.service ? { service: values.service } : {}),
  }));
}

/**
 * `book_appointment {slotId | startTime, name, phone?, email?, notes?, timezone?}`. The phone
 * falls back to the calling number; a phone or an email is required so the booking reaches a
 * contact. `timezone` is the caller's: a start time without an offset is read in it.
 *
 * @example readBookAppointment({ slotId, name: 'Ada Lovelace' }, { ...context, callerNumber: '+14155550100' });
 */
export function readBookAppointment(
  raw: Record<string, unknown>,
  context: ToolContext,
): ArgsResult<BookAppointmentArgs> {
  const { values, invalid } = readFields(raw, [
    'slotId',
    'startTime',
    'name',
    'firstName',
    'lastName',
    'phone',
    'email',
    'notes',
    'timezone',
  ]);
  const slot = slotChoice(values, values.timezone ?? context.timezone, invalid);
  const joined = [values.firstName, values.lastName].filter(Boolean).join(' ');
  const name = values.name ?? (joined || undefined);
  const caller = callerDetails(values, context, invalid);
  const missing = [
    ...(slot || hasProblem(invalid, 'startTime') ? [] : ['slotId or startTime']),
    ...(name ? [] : ['name']),
    ...(reachable(caller, invalid) ? [] : ['phone or email']),
  ];
  return finish(missing, invalid, () => ({
    slot: slot!,
    name: name!,
    ...caller,
    ...(values.notes ? { notes: values.notes } : {}),
    ...(values.timezone ? { timezone: values.timezone } : {}),
  }));
}

/** The appointment to change: by its id, else by the caller's phone or email. */
function whoseAppointment(values: Fields, context: ToolContext, invalid: FieldProblem[]) {
  const caller = callerDetails(values, context, invalid);
  const known = Boolean(values.appointmentId) || reachable(caller, invalid);
  return {
    owner: { ...caller, ...(values.appointmentId ? { appointmentId: values.appointmentId } : {}) },
    missing: known ? [] : ['appointmentId, phone or email'],
  };
}

/**
 * `reschedule_appointment {appointmentId?, slotId | startTime, phone? | email?, timezone?}`: the appointment
 * by its id, else by the caller's phone or email (the calling number by default).
 *
 * @example readRescheduleAppointment({ appointmentId: 'apt_1', slotId }, context);
 */
export function readRescheduleAppointment(
  raw: Record<string, unknown>,
  context: ToolContext,
): ArgsResult<RescheduleAppointmentArgs> {
  const wanted = ['appointmentId', 'slotId', 'startTime', 'phone', 'email', 'timezone'] as const;
  const { values, invalid } = readFields(raw, wanted);
  const slot = slotChoice(values, values.timezone ?? context.timezone, invalid);
  const { owner, missing } = whoseAppointment(values, context, invalid);
  if (!slot && !hasProblem(invalid, 'startTime')) missing.unshift('slotId or startTime');
  return finish(missing, invalid, () => ({
    ...owner,
    slot: slot!,
    ...(values.timezone ? { timezone: values.timezone } : {}),
  }));
}

/**
 * `cancel_appointment {appointmentId?, phone? | email?}`.
 *
 * @example readCancelAppointment({}, { ...context, callerNumber: '+14155550100' }); // by the calling number
 */
export function readCancelAppointment(
  raw: Record<string, unknown>,
  context: ToolContext,
): ArgsResult<CancelAppointmentArgs> {
  const { values, invalid } = readFields(raw, ['appointmentId', 'phone', 'email']);
  const { owner, missing } = whoseAppointment(values, context, invalid);
  return finish(missing, invalid, () => owner);
}

/**
 * `find_appointments {phone? | email?}`; the phone falls back to the calling number.
 *
 * @example readFindAppointments({ email: 'ada@example.com' }, context);
 */
export function readFindAppointments(
  raw: Record<string, unknown>,
  context: ToolContext,
): ArgsResult<FindAppointmentsArgs> {
  const { values, invalid } = readFields(raw, ['phone', 'email']);
  const caller = callerDetails(values, context, invalid);
  return finish(reachable(caller, invalid) ? [] : ['phone or email'], invalid, () => caller);
}

export const TOOL_NAMES = [
  'check_availability',
  'book_appointment',
  'reschedule_appointment',
  'cancel_appointment',
  'find_appointments',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export type ToolRequest =
  | { tool: 'check_availability'; args: CheckAvailabilityArgs }
  | { tool: 'book_appointment'; args: BookAppointmentArgs }
  | { tool: 'reschedule_appointment'; args: RescheduleAppointmentArgs }
  | { tool: 'cancel_appointment'; args: CancelAppointmentArgs }
  | { tool: 'find_appointments'; args: FindAppointmentsArgs };

/**
 * One tool call's arguments by tool name; `undefined` for a tool this server does not have.
 *
 * @example readToolArguments(call.name, call.arguments, context);
 */
export function readToolArguments(
  tool: string,
  raw: Record<string, unknown>,
  context: ToolContext,
): { ok: true; request: ToolRequest } | { ok: false; result: NeedsInfo } | undefined {
  const wrap = <T extends ToolRequest>(name: T['tool'], result: ArgsResult<T['args']>) =>
    result.ok ? { ok: true as const, request: { tool: name, args: result.args } as T } : result;
  switch (tool) {
    case 'check_availability':
      return wrap('check_availability', readCheckAvailability(raw, context));
    case 'book_appointment':
      return wrap('book_appointment', readBookAppointment(raw, context));
    case 'reschedule_appointment':
      return wrap('reschedule_appointment', readRescheduleAppointment(raw, context));
    case 'cancel_appointment':
      return wrap('cancel_appointment', readCancelAppointment(raw, context));
    case 'find_appointments':
      return wrap('find_appointments', readFindAppointments(raw, context));
    default:
      return undefined;
  }
}
