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
import type { BookingEvent, BookingRequest, BookingState, Transition } from './bookingSteps.js';
import {
  acquireLock,
  answerBooked,
  answerUnconfirmed,
  answerWith,
  checkSlotFree,
  createAppointment,
  findAppointment,
  findStoredOutcome,
  slotTaken,
} from './bookingTransitions.js';
import { failure } from './outcomes.js';

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
export { voiceBookingNote, voiceNoteMarker, type BookingCall } from './bookingNote.js';
export { lockStart } from './bookingTransitions.js';

/**
 * Where every booking starts.
 *
 * @example let { state, step } = startBooking(request);
 */
export function startBooking(request: BookingRequest): Transition {
  return findStoredOutcome(request, false);
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
        return answerWith(failure('unavailable'), { releaseLock: state.inLock });
      const outcome =
        event.type === 'stored_outcome_found'
          ? event.outcome
          : event.type === 'no_stored_outcome'
            ? null
            : unexpected(state, event);
      if (outcome?.kind === 'answered')
        return answerWith(outcome.result, { releaseLock: state.inLock });
      if (!state.inLock) return acquireLock(request);
      if (outcome?.kind === 'unconfirmed') {
        return findAppointment(request, outcome.contactId, outcome.tags, 0);
      }
      return checkSlotFree(request);
    }
    case 'locking':
      if (event.type === 'lock_acquired') return findStoredOutcome(request, true);
      if (event.type === 'lock_timed_out')
        return answerWith(slotTaken(request, event.alternatives), {
          releaseLock: false,
        });
      if (event.type === 'step_failed')
        return answerWith(failure('unavailable'), { releaseLock: false });
      return unexpected(state, event);
    case 'checking_slot':
      if (event.type === 'slot_taken') {
        const remember = state.contact ? 'forget' : 'keep';
        return answerWith(slotTaken(request, event.alternatives), {
          remember,
          releaseLock: true,
        });
      }
      if (event.type === 'step_failed')
        return answerWith(failure('unavailable'), { releaseLock: true });
      if (event.type !== 'slot_free') return unexpected(state, event);
      if (state.contact) return createAppointment(request, state.contact.id, state.contact.tags, 1);
      return { state: { at: 'resolving_contact' }, step: { do: 'resolve_contact' } };
    case 'resolving_contact':
      if (event.type === 'contact_resolved')
        return createAppointment(request, event.contactId, event.tags ?? [], 1);
      if (event.type === 'step_failed')
        return answerWith(failure('unavailable'), { releaseLock: true });
      return unexpected(state, event);
    case 'creating':
      switch (event.type) {
        case 'appointment_created':
          return answerBooked(
            request,
            state.contactId,
            state.tags,
            event.appointmentId,
            event.provider,
          );
        case 'appointment_slot_taken':
          // On a retry the slot may be "taken" by our own first attempt: that is not a no.
          if (state.attempt > 1) return answerUnconfirmed(request, state.contactId);
          return answerWith(slotTaken(request, event.alternatives), {
            remember: 'forget',
            releaseLock: true,
          });
        case 'appointment_failed':
          return answerWith(failure('not_booked'), { remember: 'forget', releaseLock: true });
        case 'appointment_outcome_unknown':
        case 'step_failed':
          return findAppointment(request, state.contactId, state.tags, state.attempt);
        default:
          return unexpected(state, event);
      }
    case 'finding':
      switch (event.type) {
        case 'appointment_found':
          return answerBooked(
            request,
            state.contactId,
            state.tags,
            event.appointmentId,
            event.provider,
          );
        case 'appointment_not_found':
          // A create from an earlier request that never happened: the slot must be re-checked.
          if (state.attempt === 0) {
            return checkSlotFree(request, { id: state.contactId, tags: state.tags });
          }
          if (state.attempt < maxAttempts)
            return createAppointment(request, state.contactId, state.tags, state.attempt + 1);
          return answerWith(failure('not_booked'), { remember: 'forget', releaseLock: true });
        case 'step_failed':
          return answerUnconfirmed(request, state.contactId);
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
