/**
 * What each voice tool answers (docs/vapi.md#tool-results): one of these, with a `status` the
 * assistant's prompt can branch on and a `message` it can say. They are the words for a tool's
 * outcome (`outcomes.ts`): `spokenResult.ts` makes them, with `speech.ts`.
 */
import type {
  AppointmentId,
  FailureCode,
  FieldProblem,
  HandoffReason,
  WithProvider,
} from './outcomes.js';

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

export interface SlotsOffered extends WithProvider {
  status: 'ok';
  timezone: string;
  slots: OfferedSlot[];
  message: string;
}
export interface NoSlots extends WithProvider {
  status: 'none';
  timezone: string;
  nearestDays: DayWithSlots[];
  message: string;
}
export interface Booked extends WithProvider {
  status: 'booked';
  appointmentId: AppointmentId;
  contactId: string;
  start: string;
  message: string;
}
export interface SlotUnavailable extends WithProvider {
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
export interface Rescheduled extends WithProvider {
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
  code: FailureCode;
  message: string;
}

/** The caller is handed to a person; `transfer` says whether Vapi can transfer the call. */
export interface Transfer {
  status: 'transfer';
  reason: HandoffReason;
  transfer: boolean;
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
  | Transfer
  | Failed;
