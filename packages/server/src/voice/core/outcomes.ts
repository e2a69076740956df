/**
 * What a voice tool found or did, as plain data: a `status`, ids, HighLevel's instants and the
 * timezone to speak them in. No words: `spokenResult.ts` turns an outcome into the answer a
 * caller hears (docs/vapi.md#tool-results), once, where the Vapi route and the REST routes answer.
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

/** A free slot to offer: the opaque id that books it (`slotId.ts`) and HighLevel's start. */
export interface SlotOption {
  id: string;
  start: string;
}

/** A field the assistant sent in a form we can't use, and the form we can. */
export interface FieldProblem {
  field: string;
  expected: string;
}

/** A team member of a HighLevel calendar: who an appointment is with. */
export interface Provider {
  userId: string;
  name: string;
}

/** Who the slots or the appointment are with, when the calendar is a team's. */
export interface WithProvider {
  provider?: Provider;
}

/** `check_availability` found slots in the window asked. */
export interface OpenSlots extends WithProvider {
  status: 'ok';
  /** The caller's timezone: the slots are spoken in it. */
  timezone: string;
  slots: SlotOption[];
}

/** Nothing free in the window asked; the nearest days that have openings. */
export interface NoOpenSlots extends WithProvider {
  status: 'none';
  timezone: string;
  /** The single local day asked about (YYYY-MM-DD), when one was. */
  askedDay?: string;
  nearestDays: Array<{ date: string; slots: SlotOption[] }>;
}

/** The appointment HighLevel created, under the caller's contact. */
export interface BookedFields extends WithProvider {
  status: 'booked';
  appointmentId: AppointmentId;
  contactId: string;
  start: string;
}

/**
 * A booking as the idempotency store keeps it for a re-issued call. Rows written by earlier
 * versions hold the sentence the caller heard instead of the timezone; it is said again as it was.
 */
export type BookedAppointment = BookedFields & ({ timezone: string } | { saidAs: string });

/** The slot went between the offer and the booking: alternatives near it. */
export interface SlotTaken extends WithProvider {
  status: 'slot_unavailable';
  timezone: string;
  alternatives: SlotOption[];
}

/** `missing` names what the caller still has to say; `invalid` what the model must re-send. */
export interface MissingDetails {
  status: 'needs_info';
  missing: string[];
  invalid?: FieldProblem[];
}

export interface MovedAppointment extends WithProvider {
  status: 'rescheduled';
  appointmentId: AppointmentId;
  start: string;
  timezone: string;
}

export interface CancelledAppointment {
  status: 'cancelled';
  appointmentId: string;
  /** When the cancelled appointment was to start, to say which one it was. */
  start: string;
  timezone: string;
}

/** What was looked for and not found: one appointment by id, or the caller's upcoming ones. */
export interface NoAppointment {
  status: 'not_found';
  lookedFor: 'that_appointment' | 'callers_upcoming_appointment';
}

/** `find_appointments`: the caller's upcoming appointments, soonest first (maybe none). */
export interface UpcomingAppointments {
  status: 'ok';
  timezone: string;
  appointments: SlotOption[];
}

/** `code` lets a prompt tell "try again" from "a person will confirm" without parsing words. */
export type FailureCode =
  | 'unconfirmed'
  | 'not_booked'
  | 'unknown_tool'
  | 'unreadable_arguments'
  | 'unavailable'
  | 'not_run';

export interface ToolFailure {
  status: 'error';
  code: FailureCode;
}

/**
 * Why a caller is handed to a person: they asked, the tools failed `afterFailures` times in the
 * call, or a booking could not be confirmed either way.
 */
export type HandoffReason = 'caller_asked' | 'repeated_failures' | 'unconfirmed';

/**
 * The call goes to a person (docs/vapi.md#handoff-and-alerts). `transfer` is false when the workspace has
 * no transfer destination: the caller is told the team will call back.
 */
export interface HandOff {
  status: 'transfer';
  reason: HandoffReason;
  transfer: boolean;
}

export type ToolOutcome =
  | OpenSlots
  | NoOpenSlots
  | BookedAppointment
  | SlotTaken
  | MissingDetails
  | MovedAppointment
  | CancelledAppointment
  | NoAppointment
  | UpcomingAppointments
  | HandOff
  | ToolFailure;

/**
 * A failure, as data.
 *
 * @example return failure('unavailable');
 */
export function failure(code: FailureCode): ToolFailure {
  return { status: 'error', code };
}
