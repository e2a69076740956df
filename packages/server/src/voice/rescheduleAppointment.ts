/**
 * `reschedule_appointment`: moves the caller's appointment to a slot they chose, under the same
 * slot lock as a booking, so a move and a booking never both win one slot. Repeating it is
 * harmless: an appointment already at that time answers the same.
 */
import { OutcomeUnknownError, SlotUnavailableError } from '@ghl-bridge/client';
import {
  appointmentIdFromHighLevel,
  type AppointmentId,
  type MissingDetails,
  type MovedAppointment,
  type NoAppointment,
  type SlotTaken,
} from './core/outcomes.js';
import type { RescheduleAppointmentArgs } from './core/toolArgs.js';
import { targetAppointment } from './appointments.js';
import { appointmentTarget } from './bookingTarget.js';
import { changingCalendar, LIVE, type VoiceContext } from './context.js';
import { afterReschedule } from './confirmations/changeFollowUps.js';
import { alternativesTo, chosenSlot } from './slotChoice.js';
import { releaseSlot, slotLock, waitForLock } from './slotLock.js';

type RescheduleOutcome = MovedAppointment | SlotTaken | NoAppointment | MissingDetails;

/**
 * Moves the appointment to `slot` holding the slot's lock. A move refused because the slot went
 * (docs/highlevel-behaviour.md#slot-no-longer-available) offers alternatives; one whose outcome is
 * unknown is settled by reading the appointment back.
 */
async function move(
  ctx: VoiceContext,
  appointmentId: AppointmentId,
  slot: string,
  timezone: string,
): Promise<RescheduleOutcome> {
  const moved = {
    status: 'rescheduled',
    appointmentId,
    start: slot,
    timezone,
    ...(ctx.provider ? { provider: ctx.provider } : {}),
  } as const;
  const taken = async (): Promise<SlotTaken> => {
    const alternatives = await alternativesTo(ctx, slot, timezone);
    return { status: 'slot_unavailable', timezone, alternatives };
  };
  const lock = slotLock(ctx.settings.calendarId, slot);
  if (!(await waitForLock(ctx, lock))) return taken();
  try {
    await changingCalendar(ctx, lock.calendarId, () =>
      ctx.hl.appointments.update(appointmentId, { startTime: slot }, LIVE),
    );
    return moved;
  } catch (error) {
    if (error instanceof SlotUnavailableError) return await taken();
    if (!(error instanceof OutcomeUnknownError)) throw error;
    const now = await ctx.hl.appointments.get(appointmentId, LIVE);
    if (Date.parse(now.startTime) === Date.parse(slot)) return moved;
    throw error;
  } finally {
    await releaseSlot(ctx.db, lock);
  }
}

/**
 * The tool: the appointment by id, else the caller's one upcoming appointment, moved to the slot
 * chosen (by slot id or start time).
 *
 * @example spokenResult(await rescheduleAppointment(ctx, { appointmentId, slot: { slotId } }), ctx.now);
 */
export async function rescheduleAppointment(
  workspace: VoiceContext,
  args: RescheduleAppointmentArgs,
): Promise<RescheduleOutcome> {
  const target = await targetAppointment(workspace, args);
  if ('outcome' in target) return target.outcome;
  const { event } = target;
  const ctx = await appointmentTarget(workspace, event);
  const appointmentId = appointmentIdFromHighLevel(event);
  if (!appointmentId) return { status: 'not_found', lookedFor: 'that_appointment' };
  const chosen = await chosenSlot(ctx, args);
  const asked =
    'slot' in chosen ? chosen.slot : 'startTime' in args.slot ? args.slot.startTime : '';
  const timezone = 'slot' in chosen ? chosen.timezone : (args.timezone ?? ctx.settings.timezone);
  // A re-issued reschedule finds the appointment already moved: the same answer again.
  if (Date.parse(event.startTime) === Date.parse(asked)) {
    const provider = ctx.provider ? { provider: ctx.provider } : {};
    return { status: 'rescheduled', appointmentId, start: event.startTime, timezone, ...provider };
  }
  if ('outcome' in chosen) return chosen.outcome;
  const outcome = await move(ctx, appointmentId, chosen.slot, timezone);
  // The history note and the confirmation run after the answer and never change it.
  if (outcome.status === 'rescheduled') {
    const reason = args.reason ? { reason: args.reason } : {};
    void afterReschedule(ctx, event, outcome, { from: event.startTime, ...reason });
  }
  return outcome;
}
