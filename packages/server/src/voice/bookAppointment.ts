/**
 * `book_appointment`: drives the pure booking saga (core/saga.ts). Each step the saga asks for is
 * done here against the database and HighLevel, and its outcome fed back, until the saga
 * answers. Note and tags run after the answer and never change it (followUps.ts).
 */
import type { ContactCandidate } from './core/contactMatch.js';
import type { ToolOutcome } from './core/outcomes.js';
import {
  nextBookingStep,
  startBooking,
  type BookingCall,
  type BookingEvent,
  type BookingRequest,
  type BookingStep,
} from './core/saga.js';
import { idempotencyKey } from './core/slotId.js';
import type { BookAppointmentArgs, ContactMethod } from './core/toolArgs.js';
import { findOutcome, settleBooking } from './bookingOutcomeStore.js';
import { bookingTarget } from './bookingTarget.js';
import { contactCandidates, resolveContact } from './callerContact.js';
import type { VoiceContext } from './context.js';
import { createAppointment, findAppointment } from './createAppointment.js';
import { finishInBackground } from './followUps.js';
import { afterBooking } from './confirmations/changeFollowUps.js';
import { allowedSlotAt, alternativesTo, chosenSlot } from './slotChoice.js';
import { slotLock, waitForLock, type SlotLock } from './slotLock.js';

/** The tag every contact booked by voice gets. */
export const VOICE_TAG = 'source:voice';

/**
 * How the caller would rather be reached, as a tag: HighLevel's contact has no field for it, and
 * a tag is what its workflows and smart lists filter on.
 *
 * @example preferenceTag('sms'); // 'prefers:sms'
 */
export const preferenceTag = (method: ContactMethod) => `prefers:${method}`;

/**
 * The caller's own timezone, to keep on the contact: the one the model named, or the one the
 * slot was offered in when it is not the workspace's. The workspace's own is never written over
 * a contact's.
 */
function callerTimezone(ctx: VoiceContext, args: BookAppointmentArgs, offeredIn: string) {
  const timezone = args.timezone ?? (offeredIn !== ctx.settings.timezone ? offeredIn : undefined);
  return timezone ? { contactFields: { timezone } } : {};
}

interface Run {
  ctx: VoiceContext;
  args: BookAppointmentArgs;
  request: BookingRequest;
  lock?: SlotLock;
  /** The contact lookups, started during the final slot check. */
  candidates?: Promise<ContactCandidate[]>;
}

/** Performs one step; every failure becomes the event the saga expects for it. */
async function perform(run: Run, step: BookingStep): Promise<BookingEvent> {
  const { ctx, request } = run;
  const key = request.idempotencyKey;
  try {
    switch (step.do) {
      case 'find_stored_outcome': {
        const outcome = await findOutcome(ctx.db, ctx.workspaceId, key);
        return outcome ? { type: 'stored_outcome_found', outcome } : { type: 'no_stored_outcome' };
      }
      case 'acquire_lock': {
        const lock = slotLock(step.calendarId, step.start);
        if (await waitForLock(ctx, lock)) {
          run.lock = lock;
          return { type: 'lock_acquired' };
        }
        const alternatives = await alternativesTo(ctx, request.slot, request.timezone);
        return { type: 'lock_timed_out', alternatives };
      }
      case 'check_slot_free': {
        // The contact lookups read in parallel with the final check: one HighLevel round trip
        // less before the caller hears the answer. Nothing is written until the slot is free.
        run.candidates ??= contactCandidates(ctx, run.args);
        run.candidates.catch(() => undefined);
        const found = await allowedSlotAt(ctx, step.slot, request.timezone, { fresh: true });
        if ('slot' in found) return { type: 'slot_free' };
        return { type: 'slot_taken', alternatives: found.alternatives };
      }
      case 'resolve_contact': {
        const candidates = await (run.candidates ?? contactCandidates(ctx, run.args));
        const contact = await resolveContact(ctx, run.args, candidates);
        return { type: 'contact_resolved', ...contact };
      }
      case 'create_appointment':
        return await createAppointment(ctx, step, key, request.timezone);
      case 'find_appointment': {
        const found = await findAppointment(ctx, step.calendarId, step.contactId, step.start);
        return found ? { type: 'appointment_found', ...found } : { type: 'appointment_not_found' };
      }
      case 'answer':
      case 'retry_in_background':
        throw new Error(`The booking shell does not perform "${step.do}" as a step`);
    }
  } catch (error) {
    ctx.log.warn({ err: error, step: step.do, key }, 'voice booking step failed');
    return { type: 'step_failed' };
  }
}

/**
 * Books the chosen slot for the caller, on the calendar of the service asked for and with the team
 * member named or remembered by the slot id (bookingTarget.ts); resolves with the outcome as soon as it is known, and
 * with `background`, the note and tags still being written.
 *
 * @example const { outcome } = await bookAppointment(ctx, args, { callId, callerNumber, asked });
 */
export async function bookAppointment(
  asked: VoiceContext,
  args: BookAppointmentArgs,
  call: BookingCall,
): Promise<{ outcome: ToolOutcome; background: Promise<void>; contactId?: string }> {
  const done = Promise.resolve();
  const target = await bookingTarget(asked, args);
  if ('outcome' in target) return { outcome: target.outcome, background: done };
  const { ctx } = target;
  const chosen = await chosenSlot(ctx, args);
  if ('outcome' in chosen) {
    // A time this call already booked is no longer free: a re-issued call gets its booking.
    const asked = 'startTime' in args.slot ? args.slot.startTime : undefined;
    const key = asked ? idempotencyKey(call.callId, asked) : undefined;
    const stored = key ? await findOutcome(ctx.db, ctx.workspaceId, key) : undefined;
    return {
      outcome: stored?.kind === 'answered' ? stored.result : chosen.outcome,
      background: done,
    };
  }
  const { slot } = chosen;
  const request: BookingRequest = {
    idempotencyKey: idempotencyKey(call.callId, slot),
    calendarId: ctx.settings.calendarId,
    slot,
    timezone: chosen.timezone,
    tags: [
      VOICE_TAG,
      ...(args.preferredContactMethod ? [preferenceTag(args.preferredContactMethod)] : []),
    ],
    ...(ctx.provider ? { assignedUserId: ctx.provider.userId } : {}),
    ...callerTimezone(ctx, args, chosen.timezone),
  };
  const run: Run = { ctx, args, request };
  let { state, step } = startBooking(request);
  while (step.do !== 'answer') {
    const event = await perform(run, step);
    ({ state, step } = nextBookingStep(request, state, event));
  }
  const key = request.idempotencyKey;
  const lock = step.releaseLock ? run.lock : undefined;
  await settleBooking(ctx.db, ctx.workspaceId, key, step.remember, lock);
  const followUps = step.background.map((background) => ({
    step: background,
    call,
    name: args.name,
    idempotencyKey: key,
    slot: request.slot,
  }));
  const background = followUps.length ? finishInBackground(ctx, followUps) : done;
  // The confirmation to the caller goes after the answer too (confirmations/afterChange.ts).
  const confirmation = afterBooking(ctx, args, step.result);
  // An unconfirmed booking's contact, for the person who follows it up (voice/handoff/).
  const unsettled = step.background.find((later) => later.do === 'reconcile');
  return {
    outcome: step.result,
    background: Promise.all([background, confirmation]).then(() => undefined),
    ...(unsettled ? { contactId: unsettled.contactId } : {}),
  };
}
