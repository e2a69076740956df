/**
 * The vocabulary of the booking saga (`saga.ts`): the request, the steps the shell performs, the
 * events it reports back, the states in between, and the outcome kept under the idempotency key.
 */
import {
  appointmentIdFromHighLevel,
  type AppointmentId,
  type BookedAppointment,
  type Provider,
  type SlotOption,
  type ToolOutcome,
} from './outcomes.js';

export interface BookingRequest {
  idempotencyKey: string;
  calendarId: string;
  /** HighLevel's free-slot string, verbatim: it is sent back as the start time. */
  slot: string;
  /** The caller's timezone: the confirmation is said in it. */
  timezone: string;
  /** Tags every booked contact gets, e.g. `source:voice`. */
  tags: string[];
  /** The team member the appointment is given to; none: the calendar decides. */
  assignedUserId?: string;
  /** What the caller said of themselves to keep on the contact (their timezone). */
  contactFields?: { timezone?: string };
  /** Creates in one request, counting the retry after a lookup found nothing. Default 2. */
  maxCreateAttempts?: number;
}

/** What the idempotency store keeps under the key. */
export type StoredOutcome =
  | { kind: 'answered'; result: BookedAppointment }
  /** A create was sent for this contact (with these extra tags); its outcome is not known yet. */
  | { kind: 'unconfirmed'; contactId: string; tags: string[] };

/** Work done after answering; its failure never changes the answer. */
export type BackgroundStep =
  | { do: 'add_note'; contactId: string; appointmentId: AppointmentId }
  | { do: 'add_tags'; contactId: string; tags: string[] }
  | { do: 'update_contact'; contactId: string; fields: { timezone?: string } }
  /** Find out later whether an unconfirmed create happened, and settle the record. */
  | { do: 'reconcile'; contactId: string; calendarId: string; start: string };

export type BookingStep =
  | { do: 'find_stored_outcome'; key: string }
  | { do: 'acquire_lock'; calendarId: string; start: string }
  | { do: 'check_slot_free'; calendarId: string; slot: string }
  | { do: 'resolve_contact' }
  /** Store `recordFirst` under the key, then create the appointment at `slot` verbatim. */
  | {
      do: 'create_appointment';
      calendarId: string;
      slot: string;
      contactId: string;
      assignedUserId?: string;
      recordFirst: StoredOutcome;
    }
  /** Appointments of the contact on the calendar starting at the same *instant* as `start`. */
  | { do: 'find_appointment'; calendarId: string; contactId: string; start: string }
  | {
      do: 'answer';
      result: ToolOutcome;
      /** Store this outcome under the key, clear what is stored, or leave it. */
      remember: StoredOutcome | 'forget' | 'keep';
      releaseLock: boolean;
      background: BackgroundStep[];
    }
  | { do: 'retry_in_background'; step: BackgroundStep };

export type BookingEvent =
  | { type: 'stored_outcome_found'; outcome: StoredOutcome }
  | { type: 'no_stored_outcome' }
  | { type: 'lock_acquired' }
  /** Another request held the lock past the wait; alternatives for the caller. */
  | { type: 'lock_timed_out'; alternatives: SlotOption[] }
  | { type: 'slot_free' }
  | { type: 'slot_taken'; alternatives: SlotOption[] }
  /** `tags` adds e.g. the review tag of a flagged new contact (see `contactMatch.ts`). */
  | { type: 'contact_resolved'; contactId: string; tags?: string[] }
  /** `provider`: the member HighLevel gave it to, on a team calendar. */
  | { type: 'appointment_created'; appointmentId: AppointmentId; provider?: Provider }
  /** HighLevel refused the slot ("The slot you have selected is no longer available"). */
  | { type: 'appointment_slot_taken'; alternatives: SlotOption[] }
  /** HighLevel refused the create for another reason: certainly nothing was created. */
  | { type: 'appointment_failed' }
  /** Timeout, dropped connection, 5xx after sending: it may or may not exist. */
  | { type: 'appointment_outcome_unknown' }
  | { type: 'appointment_found'; appointmentId: AppointmentId; provider?: Provider }
  | { type: 'appointment_not_found' }
  /** A read (store, lock, slot check, contact, lookup) failed. */
  | { type: 'step_failed' }
  | { type: 'background_failed'; step: BackgroundStep };

export type BookingState =
  | { at: 'checking_stored'; inLock: boolean }
  | { at: 'locking' }
  /** With a contact when confirming an earlier request's create that never happened. */
  | { at: 'checking_slot'; contact?: { id: string; tags: string[] } }
  | { at: 'resolving_contact' }
  | { at: 'creating'; contactId: string; tags: string[]; attempt: number }
  /** `attempt` 0: a create from an earlier request is being confirmed. */
  | { at: 'finding'; contactId: string; tags: string[]; attempt: number }
  | { at: 'answered'; result: ToolOutcome };

export interface Transition {
  state: BookingState;
  step: BookingStep;
}

/**
 * A stored outcome read back from the idempotency store (JSON), or `undefined` if it is not one.
 * The appointment id is checked again, so a damaged record can't produce a `booked` answer. A
 * booking stored with its sentence (`message`) instead of its timezone is read as said then.
 *
 * @example const outcome = storedOutcomeFromJson(JSON.parse(row.outcome));
 */
function isProvider(value: unknown): value is Provider {
  const record = value as Partial<Provider> | null;
  return typeof record?.userId === 'string' && typeof record.name === 'string';
}

export function storedOutcomeFromJson(value: unknown): StoredOutcome | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as {
    kind?: unknown;
    contactId?: unknown;
    tags?: unknown;
    result?: Record<string, unknown>;
  };
  if (record.kind === 'unconfirmed' && typeof record.contactId === 'string' && record.contactId) {
    const tags = Array.isArray(record.tags) ? record.tags.filter((t) => typeof t === 'string') : [];
    return { kind: 'unconfirmed', contactId: record.contactId, tags };
  }
  const result = record.result;
  if (record.kind !== 'answered' || result?.status !== 'booked') return undefined;
  const appointmentId = appointmentIdFromHighLevel({ id: result.appointmentId });
  const { contactId, start, timezone, message, provider } = result;
  if (!appointmentId || typeof contactId !== 'string' || typeof start !== 'string') {
    return undefined;
  }
  const booked = {
    status: 'booked',
    appointmentId,
    contactId,
    start,
    ...(isProvider(provider) ? { provider } : {}),
  } as const;
  if (typeof timezone === 'string') return { kind: 'answered', result: { ...booked, timezone } };
  if (typeof message === 'string')
    return { kind: 'answered', result: { ...booked, saidAs: message } };
  return undefined;
}
