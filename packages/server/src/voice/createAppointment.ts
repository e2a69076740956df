/**
 * The booking saga's create step: record "unconfirmed" under the idempotency key, create the
 * appointment at HighLevel's slot string verbatim, and tell the saga what HighLevel's answer
 * means: created, the slot taken, certainly refused, or unknown
 * (docs/architecture.md#voice-booking). A create whose answer was lost is found afterwards by its
 * contact and start.
 */
import { HighLevelError, OutcomeUnknownError, SlotUnavailableError } from '@ghl-bridge/client';
import { appointmentIdFromHighLevel, type AppointmentId, type Provider } from './core/outcomes.js';
import type { BookingEvent, BookingStep } from './core/saga.js';
import { rememberOutcome } from './bookingOutcomeStore.js';
import { changingCalendar, LIVE, type VoiceContext } from './context.js';
import { alternativesTo } from './slotChoice.js';
import { assignedProvider, isTeamCalendar } from './team.js';

/**
 * A create HighLevel refused outright (a 4xx) certainly did not happen; anything else, a timeout
 * or a 5xx after sending, may have (docs/highlevel-behaviour.md#error-bodies).
 */
function certainlyRefused(error: unknown): boolean {
  return (
    error instanceof HighLevelError &&
    !(error instanceof OutcomeUnknownError) &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500
  );
}

/**
 * Performs a `create_appointment` step; every outcome, failures included, is the event the saga
 * expects. `timezone` is the caller's, for the alternatives when the slot is taken.
 *
 * @example const event = await createAppointment(ctx, step, request.idempotencyKey, request.timezone);
 */
export async function createAppointment(
  ctx: VoiceContext,
  step: Extract<BookingStep, { do: 'create_appointment' }>,
  idempotencyKey: string,
  timezone: string,
): Promise<BookingEvent> {
  await rememberOutcome(ctx.db, ctx.workspaceId, idempotencyKey, step.recordFirst);
  try {
    const created = await changingCalendar(ctx, step.calendarId, () =>
      ctx.hl.appointments.create(
        {
          calendarId: step.calendarId,
          locationId: ctx.locationId,
          contactId: step.contactId,
          startTime: step.slot,
          ...(step.assignedUserId ? { assignedUserId: step.assignedUserId } : {}),
        },
        LIVE,
      ),
    );
    const appointmentId = appointmentIdFromHighLevel(created);
    if (!appointmentId) return { type: 'appointment_outcome_unknown' };
    const provider = await providerOf(ctx, created.assignedUserId);
    return { type: 'appointment_created', appointmentId, ...(provider ? { provider } : {}) };
  } catch (error) {
    // "The slot you have selected is no longer available"
    // (docs/highlevel-behaviour.md#slot-no-longer-available).
    if (error instanceof SlotUnavailableError) {
      const alternatives = await alternativesTo(ctx, step.slot, timezone).catch(() => []);
      return { type: 'appointment_slot_taken', alternatives };
    }
    if (certainlyRefused(error)) {
      ctx.log.warn({ err: error }, 'HighLevel refused the voice appointment');
      return { type: 'appointment_failed' };
    }
    ctx.log.warn({ err: error }, 'voice appointment create: outcome unknown');
    return { type: 'appointment_outcome_unknown' };
  }
}

/**
 * Who the appointment is with: the member named, else the one HighLevel gave it to (a round-robin
 * calendar's free member), by name.
 */
async function providerOf(ctx: VoiceContext, assignedUserId: unknown) {
  if (ctx.provider) return ctx.provider;
  const team = await isTeamCalendar(ctx, ctx.settings.calendarId).catch(() => false);
  return team ? assignedProvider(ctx, assignedUserId) : undefined;
}

/**
 * The contact's appointment starting at `slot` on `calendarId`, if any, with who it is with: how
 * a create whose answer was lost is settled.
 *
 * @example const found = await findAppointment(ctx, calendarId, contactId, '2027-01-05T10:00:00-05:00');
 */
export async function findAppointment(
  ctx: VoiceContext,
  calendarId: string,
  contactId: string,
  slot: string,
): Promise<{ appointmentId: AppointmentId; provider?: Provider } | undefined> {
  const at = Date.parse(slot);
  const events = await ctx.hl.appointments.list(
    {
      locationId: ctx.locationId,
      calendarId,
      startTime: at - 60_000,
      endTime: at + 60_000,
    },
    LIVE,
  );
  const match = events.find(
    (event) => event.contactId === contactId && Date.parse(event.startTime) === at,
  );
  const appointmentId = match && appointmentIdFromHighLevel(match);
  if (!appointmentId) return undefined;
  const provider = await providerOf(ctx, match.assignedUserId);
  return { appointmentId, ...(provider ? { provider } : {}) };
}
