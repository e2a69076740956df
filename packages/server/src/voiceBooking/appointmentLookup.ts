/** Finding the appointment a booking made, when HighLevel's answer to the create was lost. */
import { appointmentIdFromHighLevel } from '../voice/results.js';
import { LIVE, type VoiceContext } from './context.js';

/**
 * The id of the contact's appointment starting at `slot` on the workspace calendar, if any.
 *
 * @example const id = await findAppointment(ctx, contactId, '2027-01-05T10:00:00-05:00');
 */
export async function findAppointment(ctx: VoiceContext, contactId: string, slot: string) {
  const at = Date.parse(slot);
  const events = await ctx.hl.appointments.list(
    {
      locationId: ctx.locationId,
      calendarId: ctx.settings.calendarId,
      startTime: at - 60_000,
      endTime: at + 60_000,
    },
    LIVE,
  );
  const match = events.find(
    (event) => event.contactId === contactId && Date.parse(event.startTime) === at,
  );
  return match ? appointmentIdFromHighLevel(match) : undefined;
}
