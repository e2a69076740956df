/**
 * `find_appointments` and `cancel_appointment`, and how a cancel or a reschedule finds the
 * appointment it is about: by its id, else as the caller's one upcoming appointment on the
 * workspace calendar, found through their contact (phone, then email).
 */
import {
  LocationAccessError,
  NotFoundError,
  ValidationError,
  type CalendarEvent,
} from '@ghl-bridge/client';
import { DateTime } from 'luxon';
import type {
  CancelledAppointment,
  MissingDetails,
  NoAppointment,
  SlotOption,
  UpcomingAppointments,
} from './core/outcomes.js';
import type { CancelAppointmentArgs, FindAppointmentsArgs } from './core/toolArgs.js';
import { workspaceCalendars } from './bookingTarget.js';
import { callerContactId } from './callerContact.js';
import { afterCancel } from './confirmations/changeFollowUps.js';
import { changingCalendar, LIVE, type VoiceContext } from './context.js';
import { timeZone } from '../core/timeZones.js';

const INACTIVE = new Set(['cancelled', 'invalid', 'noshow']);

/**
 * The contact's upcoming appointments on the workspace's calendars, soonest first. HighLevel lists
 * them without an offset, in the calendar's timezone
 * (docs/highlevel-behaviour.md#appointment-timestamps): read in the workspace's (the calendar
 * the voice settings name is expected to share it).
 */
async function upcoming(ctx: VoiceContext, contactId: string): Promise<SlotOption[]> {
  const zone = timeZone(ctx.settings.timezone);
  const calendars = workspaceCalendars(ctx.settings);
  const events = await ctx.hl.appointments.listForContact(contactId, LIVE);
  return events
    .filter((e) => e.id && e.startTime && calendars.has(e.calendarId ?? ''))
    .filter((e) => !INACTIVE.has(e.appointmentStatus ?? e.status ?? ''))
    .map((e) => ({
      id: e.id!,
      start:
        DateTime.fromISO(e.startTime!.replace(' ', 'T'), { zone }).toISO({
          suppressMilliseconds: true,
        }) ?? '',
    }))
    .filter((e) => Date.parse(e.start) > ctx.now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/**
 * The tool: the caller's upcoming appointments (none when HighLevel has no contact for them).
 *
 * @example spokenResult(await findAppointments(ctx, { phone: '+14155550100' }), ctx.now);
 */
export async function findAppointments(
  ctx: VoiceContext,
  args: FindAppointmentsArgs,
): Promise<UpcomingAppointments> {
  const contactId = await callerContactId(ctx, args);
  const appointments = contactId ? await upcoming(ctx, contactId) : [];
  return { status: 'ok', timezone: ctx.settings.timezone, appointments };
}

/**
 * The appointment a cancel or reschedule is about, or the outcome when it can't be told: not
 * found, or several upcoming ones (the model must name one by id).
 *
 * @example const target = await targetAppointment(ctx, { appointmentId: 'apt_1' }, ['cancelled']);
 */
export async function targetAppointment(
  ctx: VoiceContext,
  args: CancelAppointmentArgs,
  /** Statuses still acceptable for an appointment named by id (a repeated cancel). */
  alsoAccept: readonly string[] = [],
): Promise<{ event: CalendarEvent } | { outcome: NoAppointment | MissingDetails }> {
  if (args.appointmentId) {
    try {
      const event = await ctx.hl.appointments.get(args.appointmentId, LIVE);
      const status = event.appointmentStatus ?? '';
      if (
        workspaceCalendars(ctx.settings).has(event.calendarId ?? '') &&
        (!INACTIVE.has(status) || alsoAccept.includes(status))
      ) {
        return { event };
      }
    } catch (error) {
      // An id of another Location is a 403, an unknown or malformed one a 400 or 422
      // (docs/highlevel-behaviour.md#auth-error-triad, #not-found-is-400): to this workspace,
      // each is no such appointment.
      const notOurs =
        error instanceof NotFoundError ||
        error instanceof LocationAccessError ||
        error instanceof ValidationError;
      if (!notOurs) throw error;
    }
    return { outcome: { status: 'not_found', lookedFor: 'that_appointment' } };
  }
  const contactId = await callerContactId(ctx, args);
  const mine = contactId ? await upcoming(ctx, contactId) : [];
  if (mine.length === 0) {
    return { outcome: { status: 'not_found', lookedFor: 'callers_upcoming_appointment' } };
  }
  if (mine.length > 1) {
    const expected = 'the id of one appointment from find_appointments';
    return {
      outcome: {
        status: 'needs_info',
        missing: [],
        invalid: [{ field: 'appointmentId', expected }],
      },
    };
  }
  return { event: await ctx.hl.appointments.get(mine[0]!.id, LIVE) };
}

/**
 * The tool. A status change keeps the appointment on record in HighLevel, unlike a delete;
 * cancelling twice (a retried request) answers the same.
 *
 * @example spokenResult(await cancelAppointment(ctx, { appointmentId: 'apt_1' }), ctx.now);
 */
export async function cancelAppointment(
  ctx: VoiceContext,
  args: CancelAppointmentArgs,
): Promise<CancelledAppointment | NoAppointment | MissingDetails> {
  const target = await targetAppointment(ctx, args, ['cancelled']);
  if ('outcome' in target) return target.outcome;
  const { event } = target;
  if (event.appointmentStatus !== 'cancelled') {
    await changingCalendar(ctx, event.calendarId ?? ctx.settings.calendarId, () =>
      ctx.hl.appointments.update(event.id, { appointmentStatus: 'cancelled' }, LIVE),
    );
  }
  const { timezone } = ctx.settings;
  const cancelled = {
    status: 'cancelled',
    appointmentId: event.id,
    start: event.startTime,
    timezone,
  } as const;
  // The history note and the confirmation run after the answer and never change it.
  void afterCancel(ctx, event, cancelled, args.reason);
  return cancelled;
}
