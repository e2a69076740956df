/**
 * The arguments of each voice tool (as docs/vapi-assistant.json declares them):
 * `book_appointment`, `reschedule_appointment`, `cancel_appointment`, `find_appointments`, and
 * `check_availability` (`searchWindow.ts`). A phone in any common format becomes E.164 and falls
 * back to the calling number; a time without an offset is read in the timezone the model names or
 * else the workspace's. Anything missing or malformed becomes a `needs_info` outcome.
 */
import type { FieldProblem, MissingDetails } from './outcomes.js';
import { speakableLocale } from './phrases/locales.js';
import { readCheckAvailability, type CheckAvailabilityArgs } from './searchWindow.js';
import {
  callerDetails,
  finish,
  hasProblem,
  reachable,
  readFields,
  TOOL_FIELDS,
  type ArgsResult,
  type CallerDetails,
  type Fields,
  type SlotChoice,
  type ToolContext,
} from './toolFields.js';
import { slotChoice } from './toolTimes.js';

export type { ArgsResult, CallerDetails, SlotChoice, ToolContext } from './toolFields.js';
export { TOOL_FIELDS } from './toolFields.js';

/**
 * The caller's language when the assistant passes one (`language`, or `locale`, on any tool), as
 * a locale answers can be written in; `undefined` otherwise. A tag we can't speak never fails a
 * tool: the workspace's locale is used instead.
 *
 * @example callerLocale({ language: 'es-MX', slotId }); // 'es-MX'
 */
export function callerLocale(raw: Record<string, unknown>): string | undefined {
  const given = raw.language ?? raw.locale;
  if (typeof given !== 'string') return undefined;
  return speakableLocale(given);
}

/** How the caller would rather be reached; kept on the contact. */
export type ContactMethod = 'sms' | 'email' | 'call';

export interface BookAppointmentArgs extends CallerDetails {
  slot: SlotChoice;
  name: string;
  notes?: string;
  /** The caller's timezone, when the model names it: answers are spoken in it. */
  timezone?: string;
  /** The service asked for: chooses the calendar when the workspace maps services. */
  service?: string;
  /** A team member by name, or "anyone"; a slot id already names its member. */
  provider?: string;
  preferredContactMethod?: ContactMethod;
}
export interface RescheduleAppointmentArgs extends CallerDetails {
  appointmentId?: string;
  slot: SlotChoice;
  timezone?: string;
  /** Written into the appointment's history. */
  reason?: string;
}
export interface CancelAppointmentArgs extends CallerDetails {
  appointmentId?: string;
  reason?: string;
}
/** `transfer_to_human {reason?}`: the caller asked for a person. */
export interface TransferToHumanArgs {
  reason?: string;
}
export type FindAppointmentsArgs = CallerDetails;

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
  const { values, invalid } = readFields(raw, TOOL_FIELDS.book_appointment);
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
    ...(values.service ? { service: values.service } : {}),
    ...(values.provider ? { provider: values.provider } : {}),
    ...(values.preferredContactMethod
      ? { preferredContactMethod: values.preferredContactMethod }
      : {}),
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
 * `reschedule_appointment {appointmentId?, slotId | startTime, phone? | email?, timezone?}`: the
 * appointment by its id, else by the caller's phone or email (the calling number by default).
 *
 * @example readRescheduleAppointment({ appointmentId: 'apt_1', slotId }, context);
 */
export function readRescheduleAppointment(
  raw: Record<string, unknown>,
  context: ToolContext,
): ArgsResult<RescheduleAppointmentArgs> {
  const { values, invalid } = readFields(raw, TOOL_FIELDS.reschedule_appointment);
  const slot = slotChoice(values, values.timezone ?? context.timezone, invalid);
  const { owner, missing } = whoseAppointment(values, context, invalid);
  if (!slot && !hasProblem(invalid, 'startTime')) missing.unshift('slotId or startTime');
  return finish(missing, invalid, () => ({
    ...owner,
    slot: slot!,
    ...(values.timezone ? { timezone: values.timezone } : {}),
    ...(values.reason ? { reason: values.reason } : {}),
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
  const { values, invalid } = readFields(raw, TOOL_FIELDS.cancel_appointment);
  const { owner, missing } = whoseAppointment(values, context, invalid);
  return finish(missing, invalid, () => ({
    ...owner,
    ...(values.reason ? { reason: values.reason } : {}),
  }));
}

/**
 * `transfer_to_human {reason?}`; nothing is required, a caller who asks for a person gets one.
 *
 * @example readTransferToHuman({ reason: 'billing question' }); // { ok: true, args: { reason: 'billing question' } }
 */
export function readTransferToHuman(raw: Record<string, unknown>): ArgsResult<TransferToHumanArgs> {
  const { values, invalid } = readFields(raw, TOOL_FIELDS.transfer_to_human);
  return finish([], invalid, () => (values.reason ? { reason: values.reason } : {}));
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
  const { values, invalid } = readFields(raw, TOOL_FIELDS.find_appointments);
  const caller = callerDetails(values, context, invalid);
  return finish(reachable(caller, invalid) ? [] : ['phone or email'], invalid, () => caller);
}

export const TOOL_NAMES = [
  'check_availability',
  'book_appointment',
  'reschedule_appointment',
  'cancel_appointment',
  'find_appointments',
  'transfer_to_human',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export type ToolRequest =
  | { tool: 'check_availability'; args: CheckAvailabilityArgs }
  | { tool: 'book_appointment'; args: BookAppointmentArgs }
  | { tool: 'reschedule_appointment'; args: RescheduleAppointmentArgs }
  | { tool: 'cancel_appointment'; args: CancelAppointmentArgs }
  | { tool: 'find_appointments'; args: FindAppointmentsArgs }
  | { tool: 'transfer_to_human'; args: TransferToHumanArgs };

/**
 * One tool call's arguments by tool name; `undefined` for a tool this server does not have.
 *
 * @example readToolArguments(call.name, call.arguments, context);
 */
export function readToolArguments(
  tool: string,
  raw: Record<string, unknown>,
  context: ToolContext,
): { ok: true; request: ToolRequest } | { ok: false; result: MissingDetails } | undefined {
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
    case 'transfer_to_human':
      return wrap('transfer_to_human', readTransferToHuman(raw));
    default:
      return undefined;
  }
}
