/**
 * What each voice tool answers (docs/vapi.md#tool-results): one of these, with a `status` the
 * assistant's prompt can branch on and a `message` it can say. `speech.ts` builds and formats them.
 */

declare const fromHighLevel: unique symbol;

/**
 * An appointment id HighLevel returned. `booked` and `rescheduled` require one, and the only way
 * to make one is `appointmentIdFromHighLevel`, so "booked" can't be said without HighLevel's id.
 */
export type AppointmentId = string & { readonly [fromHighLevel]: true };

/**
 * The appointment id in a HighLevel answer: the flat create/update response (`{ id, … }`) or a
 * `{ event: { id } }` read; `undefined` when there is none.
 *
 * @example appointmentIdFromHighLevel(await hl.appointments.create(input)); // 'ocQHyuzHvysMo5N5VsXc'
 */
export function appointmentIdFromHighLevel(response: unknown): AppointmentId | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const record = response as { id?: unknown; event?: { id?: unknown } };
  const id = record.id ?? record.event?.id;
  return typeof id === 'string' && id.trim() !== '' ? (id.trim() as AppointmentId) : undefined;
}

/** A slot offered to the caller: the opaque id to book it, HighLevel's start, a spoken label. */
export interface OfferedSlot {
  id: string;
  start: string;
  label: string;
}

/** A day near the one asked for that has openings. */
export interface DayWithSlots {
  date: string;
  label: string;
  slots: OfferedSlot[];
}

export interface AppointmentSummary {
  id: string;
  start: string;
  label: string;
}

/** A field the assistant sent in a form we can't use, and the form we can. */
export interface FieldProblem {
  field: string;
  expected: string;
}

export interface SlotsOffered {
  status: 'ok';
  timezone: string;
  slots: OfferedSlot[];
  message: string;
}
export interface NoSlots {
  status: 'none';
  timezone: string;
  nearestDays: DayWithSlots[];
  message: string;
}
export interface Booked {
  status: 'booked';
  appointmentId: AppointmentId;
  contactId: string;
  start: string;
  message: string;
}
export interface SlotUnavailable {
  status: 'slot_unavailable';
  alternatives: OfferedSlot[];
  message: string;
}
/** `missing` names what the caller still has to say; `invalid` (an addition) what to re-send. */
export interface NeedsInfo {
  status: 'needs_info';
  missing: string[];
  invalid?: FieldProblem[];
  message: string;
}
export interface Rescheduled {
  status: 'rescheduled';
  appointmentId: AppointmentId;
  start: string;
  message: string;
}
export interface Cancelled {
  status: 'cancelled';
  appointmentId: string;
  message: string;
}
export interface NotFound {
  status: 'not_found';
  message: string;
}
export interface AppointmentsFound {
  status: 'ok';
  appointments: AppointmentSummary[];
  message: string;
}
/** `code` lets a prompt tell "try again" from "a person will confirm" without parsing words. */
export interface Failed {
  status: 'error';
  code:
    | 'unconfirmed'
    | 'not_booked'
    | 'unknown_tool'
    | 'unreadable_arguments'
    | 'unavailable'
    | 'not_run';
  message: string;
}

export type ToolResult =
  | SlotsOffered
  | NoSlots
  | Booked
  | SlotUnavailable
  | NeedsInfo
  | Rescheduled
  | Cancelled
  | NotFound
  | AppointmentsFound
  | Failed;
