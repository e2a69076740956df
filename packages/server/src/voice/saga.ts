/**
 * The booking saga of `book_appointment` (docs/architecture.md#voice-booking) as a pure state
 * machine: given where a booking is and what just happened, the next thing the shell must do. The
 * shell does the I/O (idempotency store, lock, HighLevel) and feeds each outcome back as an event.
 *
 * Order: stored outcome for the idempotency key -> lock on (calendar, start) -> stored outcome
 * again, inside the lock (a duplicate of this call may have finished while we waited) -> final
 * free-slot check -> contact -> record "unconfirmed" -> create the appointment -> answer, then
 * note and tags in the background.
 *
 * Two rules shape it:
 * - Never answer `booked` without HighLevel's appointment id: only events carrying an
 *   `AppointmentId` (made by `appointmentIdFromHighLevel`) lead to `booked`.
 * - When the outcome of a create is unknown (timeout, dropped connection), look for the
 *   appointment at that start for that contact before anything else. The "unconfirmed" record
 *   written before each create makes a re-issued call, or one after a crash, do the same.
 */
import type {
  BackgroundStep,
  BookingEvent,
  BookingRequest,
  BookingState,
  StoredOutcome,
  Transition,
} from './bookingSteps.js';
import type { AppointmentId, ToolResult } from './results.js';
import { booked, failed, slotUnavailable } from './speech.js';

export type {
  BackgroundStep,
  BookingEvent,
  BookingRequest,
  BookingState,
  BookingStep,
  StoredOutcome,
  Transition,
} from './bookingSteps.js';
export { storedOutcomeFromJson } from './bookingSteps.js';
export { voiceBookingNote, voiceNoteMarker } from './bookingNote.js';

/**
 * Where every booking starts.
 *
 * @example let { state, step } = startBooking(request);
 */
export function startBooking(request: BookingRequest): Transition {
  return {
    state: { at: 'checking_stored', inLock: false },
    step: { do: 'find_stored_outcome', key: request.idempotencyKey },
  };
}

function answer(
  result: ToolResult,
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

function bookedAnswer(
  request: BookingRequest,
  contactId: string,
  tags: string[],
  appointmentId: AppointmentId,
): Transition {
  const result = booked({ appointmentId, contactId, start: request.slot }, request.timezone);
  return answer(result, {
    remember: { kind: 'answered', result },
    releaseLock: true,
    background: [
      { do: 'add_note', contactId, appointmentId },
      { do: 'add_tags', contactId, tags: [...new Set([...request.tags, ...tags])] },
    ],
  });
}

function create(
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
      recordFirst: { kind: 'unconfirmed', contactId, tags },
    },
  };
}

function find(
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

/** We can't tell whether it exists: say so, keep the record, settle it in the background. */
function unconfirmed(request: BookingRequest, contactId: string): Transition {
  return answer(failed('unconfirmed'), {
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
 */
function lockStart(slot: string): string {
  const instant = Date.parse(slot);
  return Number.isNaN(instant) ? slot : new Date(instant).toISOString();
}

function unexpected(state: BookingState, event: BookingEvent): never {
  throw new Error(
    `Booking saga: "${event.type}" was not expected while ${state.at}; this is a bug in the caller`,
  );
}

/**
 * The next state and step after `event`. Throws on an event that can't happen in `state` (a bug
 * in the shell, not a condition to handle).
 *
 * @example ({ state, step } = nextBookingStep(request, state, { type: 'lock_acquired' }));
 */
export function nextBookingStep(
  request: BookingRequest,
  state: BookingState,
  event: BookingEvent,
): Transition {
  const maxAttempts = request.maxCreateAttempts ?? 2;
  switch (state.at) {
    case 'checking_stored': {
      if (event.type === 'step_failed')
        return answer(failed('unavailable'), { releaseLock: state.inLock });
      const outcome =
        event.type === 'stored_outcome_found'
          ? event.outcome
          : event.type === 'no_stored_outcome'
            ? null
            : unexpected(state, event);
      if (outcome?.kind === 'answered')
        return answer(outcome.result, { releaseLock: state.inLock });
      if (!state.inLock) {
        return {
          state: { at: 'locking' },
          step: {
            do: 'acquire_lock',
            calendarId: request.calendarId,
            start: lockStart(request.slot),
          },
        };
      }
      if (outcome?.kind === 'unconfirmed') {
        return find(request, outcome.contactId, outcome.tags, 0);
      }
      return {
        state: { at: 'checking_slot' },
        step: { do: 'check_slot_free', calendarId: request.calendarId, slot: request.slot },
      };
    }
    case 'locking':
      if (event.type === 'lock_acquired') {
        return {
          state: { at: 'checking_stored', inLock: true },
          step: { do: 'find_stored_outcome', key: request.idempotencyKey },
        };
      }
      if (event.type === 'lock_timed_out')
        return answer(slotUnavailable(event.alternatives, request.timezone), {
          releaseLock: false,
        });
      if (event.type === 'step_failed')
        return answer(failed('unavailable'), { releaseLock: false });
      return unexpected(state, event);
    case 'checking_slot':
      if (event.type === 'slot_taken') {
        const remember = state.contact ? 'forget' : 'keep';
        return answer(slotUnavailable(event.alternatives, request.timezone), {
          remember,
          releaseLock: true,
        });
      }
      if (event.type === 'step_failed') return answer(failed('unavailable'), { releaseLock: true });
      if (event.type !== 'slot_free') return unexpected(state, event);
      if (state.contact) return create(request, state.contact.id, state.contact.tags, 1);
      return { state: { at: 'resolving_contact' }, step: { do: 'resolve_contact' } };
    case 'resolving_contact':
      if (event.type === 'contact_resolved')
        return create(request, event.contactId, event.tags ?? [], 1);
      if (event.type === 'step_failed') return answer(failed('unavailable'), { releaseLock: true });
      return unexpected(state, event);
    case 'creating':
      switch (event.type) {
        case 'appointment_created':
          return bookedAnswer(request, state.contactId, state.tags, event.appointmentId);
        case 'appointment_slot_taken':
          // On a retry the slot may be "taken" by our own first attempt: that is not a no.
          if (state.attempt > 1) return unconfirmed(request, state.contactId);
          return answer(slotUnavailable(event.alternatives, request.timezone), {
            remember: 'forget',
            releaseLock: true,
          });
        case 'appointment_failed':
          return answer(failed('not_booked'), { remember: 'forget', releaseLock: true });
        case 'appointment_outcome_unknown':
        case 'step_failed':
          return find(request, state.contactId, state.tags, state.attempt);
        default:
          return unexpected(state, event);
      }
    case 'finding':
      switch (event.type) {
        case 'appointment_found':
          return bookedAnswer(request, state.contactId, state.tags, event.appointmentId);
        case 'appointment_not_found':
          // A create from an earlier request that never happened: the slot must be re-checked.
          if (state.attempt === 0) {
            return {
              state: { at: 'checking_slot', contact: { id: state.contactId, tags: state.tags } },
              step: { do: 'check_slot_free', calendarId: request.calendarId, slot: request.slot },
            };
          }
          if (state.attempt < maxAttempts)
            return create(request, state.contactId, state.tags, state.attempt + 1);
          return answer(failed('not_booked'), { remember: 'forget', releaseLock: true });
        case 'step_failed':
          return unconfirmed(request, state.contactId);
        default:
          return unexpected(state, event);
      }
    case 'answered':
      // The answer is final: background work that fails is retried, never reported to the caller.
      if (event.type === 'background_failed')
        return { state, step: { do: 'retry_in_background', step: event.step } };
      return unexpected(state, event);
  }
}
