/**
 * The transitions the booking saga (`saga.ts`) is made of: each builds the next state and the step
 * the shell must perform, so the saga itself reads as a table of "in this state, on this event".
 */
import type { BackgroundStep, BookingRequest, StoredOutcome, Transition } from './bookingSteps.js';
import {
  failure,
  type AppointmentId,
  type Provider,
  type SlotOption,
  type SlotTaken,
  type ToolOutcome,
} from './outcomes.js';

/**
 * Look for an outcome stored under the idempotency key: first outside the lock, then again
 * inside it (a duplicate of this call may have finished while this one waited).
 *
 * @example return findStoredOutcome(request, true);
 */
export function findStoredOutcome(request: BookingRequest, inLock: boolean): Transition {
  return {
    state: { at: 'checking_stored', inLock },
    step: { do: 'find_stored_outcome', key: request.idempotencyKey },
  };
}

/**
 * Take the lock on (calendar, start instant) before anything is checked or written.
 *
 * @example return acquireLock(request);
 */
export function acquireLock(request: BookingRequest): Transition {
  return {
    state: { at: 'locking' },
    step: { do: 'acquire_lock', calendarId: request.calendarId, start: lockStart(request.slot) },
  };
}

/**
 * The final free-slot check against HighLevel; `contact` when confirming an earlier request's
 * create that never happened (the contact is known already).
 *
 * @example return checkSlotFree(request, { id: 'c_1', tags: [] });
 */
export function checkSlotFree(
  request: BookingRequest,
  contact?: { id: string; tags: string[] },
): Transition {
  return {
    state: contact ? { at: 'checking_slot', contact } : { at: 'checking_slot' },
    step: { do: 'check_slot_free', calendarId: request.calendarId, slot: request.slot },
  };
}

/**
 * The end of the saga: the outcome for the caller, what to store under the key, whether to free
 * the lock, and the work left for after the answer.
 *
 * @example return answerWith(failure('unavailable'), { releaseLock: true });
 */
export function answerWith(
  result: ToolOutcome,
  options: {
    remember?: StoredOutcome | 'forget' | 'keep';
    releaseLock: boolean;
    background?: BackgroundStep[];
  },
): Transition {
  return {
    state: { at: 'answered', result },
    step: {
      do: 'answer',
      result,
      remember: options.remember ?? 'keep',
      releaseLock: options.releaseLock,
      background: options.background ?? [],
    },
  };
}

/**
 * `booked`, only ever with HighLevel's appointment id: stored for re-issued calls, then the note
 * and tags in the background.
 *
 * @example return answerBooked(request, 'c_1', [], appointmentId);
 */
export function answerBooked(
  request: BookingRequest,
  contactId: string,
  tags: string[],
  appointmentId: AppointmentId,
  provider?: Provider,
): Transition {
  const { slot: start, timezone } = request;
  const result = {
    status: 'booked',
    appointmentId,
    contactId,
    start,
    timezone,
    ...(provider ? { provider } : {}),
  } as const;
  return answerWith(result, {
    remember: { kind: 'answered', result },
    releaseLock: true,
    background: [
      { do: 'add_note', contactId, appointmentId },
      { do: 'add_tags', contactId, tags: [...new Set([...request.tags, ...tags])] },
      ...(request.contactFields && Object.keys(request.contactFields).length
        ? [{ do: 'update_contact' as const, contactId, fields: request.contactFields }]
        : []),
    ],
  });
}

/**
 * The slot is gone: alternatives near it, said in the caller's timezone.
 *
 * @example return answerWith(slotTaken(request, alternatives), { releaseLock: true });
 */
export function slotTaken(request: BookingRequest, alternatives: SlotOption[]): SlotTaken {
  return { status: 'slot_unavailable', timezone: request.timezone, alternatives };
}

/**
 * Record "unconfirmed" for the contact, then create the appointment; `attempt` counts creates in
 * this request.
 *
 * @example return createAppointment(request, 'c_1', [], 1);
 */
export function createAppointment(
  request: BookingRequest,
  contactId: string,
  tags: string[],
  attempt: number,
): Transition {
  return {
    state: { at: 'creating', contactId, tags, attempt },
    step: {
      do: 'create_appointment',
      calendarId: request.calendarId,
      slot: request.slot,
      contactId,
      ...(request.assignedUserId ? { assignedUserId: request.assignedUserId } : {}),
      recordFirst: { kind: 'unconfirmed', contactId, tags },
    },
  };
}

/**
 * Look for the contact's appointment at the slot's instant: a create whose outcome is unknown is
 * looked up before anything is retried. `attempt` 0 confirms an earlier request's create.
 *
 * @example return findAppointment(request, 'c_1', [], 0);
 */
export function findAppointment(
  request: BookingRequest,
  contactId: string,
  tags: string[],
  attempt: number,
): Transition {
  return {
    state: { at: 'finding', contactId, tags, attempt },
    step: {
      do: 'find_appointment',
      calendarId: request.calendarId,
      contactId,
      start: request.slot,
    },
  };
}

/**
 * Whether the appointment exists can't be told: say so, keep the record, settle it in the
 * background.
 *
 * @example return answerUnconfirmed(request, 'c_1');
 */
export function answerUnconfirmed(request: BookingRequest, contactId: string): Transition {
  return answerWith(failure('unconfirmed'), {
    remember: 'keep',
    releaseLock: true,
    background: [
      { do: 'reconcile', contactId, calendarId: request.calendarId, start: request.slot },
    ],
  });
}

/**
 * The lock is on the instant, so the same time written with two offsets is one lock (the slot
 * itself is still sent to HighLevel verbatim).
 *
 * @example lockStart('2026-12-01T14:30:00-05:00'); // '2026-12-01T19:30:00.000Z'
 */
export function lockStart(slot: string): string {
  const instant = Date.parse(slot);
  return Number.isNaN(instant) ? slot : new Date(instant).toISOString();
}
