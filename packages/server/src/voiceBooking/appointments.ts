/**
 * `find_appointments`, `cancel_appointment` and `reschedule_appointment`: the caller's upcoming
 * appointments on the workspace calendar, found through their contact (phone, then email).
 */
import { randomUUID } from 'node:crypto';
import {
  LocationAccessError,
  NotFoundError,
  OutcomeUnknownError,
  SlotUnavailableError,
  ValidationError,
  type CalendarEvent,
} from '@ghl-bridge/client';
import { DateTime } from 'luxon';
import {
  appointmentIdFromHighLevel,
  type AppointmentSummary,
  type ToolResult,
} from '../voice/results.js';
import {
  appointmentsFound,
  cancelled,
  needsInfo,
  notFound,
  rescheduled,
  slotUnavailable,
  spokenDateTime,
} from '../voice/speech.js';
import type {
  CallerDetails,
  CancelAppointmentArgs,
  FindAppointmentsArgs,
  RescheduleAppointmentArgs,
} from '../voice/toolArgs.js';
import { alternativesTo } from './availability.js';
import { chosenSlot, waitForLock } from './booking.js';
import { releaseSlot } from './bookingStore.js';
import { changingCalendar, LIVE, type VoiceContext } from './context.js';
import { timeZone } from '../timeZones.js';

const INACTIVE = new Set(['cancelled', 'invalid', 'noshow']);

/** The caller's contact id: the phone first, then the email (voice/contactMatch.ts order). */
async function callerContactId(ctx: VoiceContext, caller: CallerDetails) {
  const { hl, locationId } = ctx;
  if (caller.phone) {
    const byPhone = await hl.contacts.findDuplicate({ locationId, phone: caller.phone }, LIVE);
    if (byPhone?.id) return byPhone.id;
  }
  if (caller.email) {
    const byEmail = await hl.contacts.findDuplicate({ locationId, email: caller.email }, LIVE);
    if (byEmail?.id) return byEmail.id;
  }
  return undefined;
}

/**
 * The contact's upcoming appointments on the workspace calendar, soonest first. HighLevel lists
 * them without an offset, in the calendar's timezone: read in the workspace's (the calendar the
 * voice settings name is expected to share it).
 */
async function upcoming(ctx: VoiceContext, contactId: string): Promise<AppointmentSummary[]> {
  const zone = ctx.settings.timezone;
  const events = await ctx.hl.appointments.listForContact(contactId, LIVE);
  return events
    .filter((e) => e.id && e.startTime && e.calendarId === ctx.settings.calendarId)
    .filter((e) => !INACTIVE.has(e.appointmentStatus ?? e.status ?? ''))
    .map((e) => ({
      id: e.id!,
      start:
        DateTime.fromISO(e.startTime!.replace(' ', 'T'), { zone: timeZone(zone) }).toISO({
          suppressMilliseconds: true,
        }) ?? '',
    }))
    .filter((e) => Date.parse(e.start) > ctx.now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .map((e) => ({ ...e, label: spokenDateTime(e.start, zone, ctx.now) }));
}

/** @example formatToolResult(await findAppointments(ctx, args)); */
export async function findAppointments(
  ctx: VoiceContext,
  args: FindAppointmentsArgs,
): Promise<ToolResult> {
  const contactId = await callerContactId(ctx, args);
  if (!contactId) return notFound('any upcoming appointments for you');
  return appointmentsFound(await upcoming(ctx, contactId));
}

/** The appointment a cancel or reschedule is about, or the answer when it can't be told. */
async function targetAppointment(
  ctx: VoiceContext,
  args: CancelAppointmentArgs,
  /** Statuses still acceptable for an appointment named by id (a repeated cancel). */
  alsoAccept: readonly string[] = [],
): Promise<{ event: CalendarEvent } | { result: ToolResult }> {
  if (args.appointmentId) {
    try {
      const event = await ctx.hl.appointments.get(args.appointmentId, LIVE);
      const status = event.appointmentStatus ?? '';
      if (
        event.calendarId === ctx.settings.calendarId &&
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
    return { result: notFound('that appointment') };
  }
  const contactId = await callerContactId(ctx, args);
  const mine = contactId ? await upcoming(ctx, contactId) : [];
  if (mine.length === 0) return { result: notFound('an upcoming appointment for you') };
  if (mine.length > 1) {
    return {
      result: needsInfo(
        [],
        [{ field: 'appointmentId', expected: 'the id of one appointment from find_appointments' }],
      ),
    };
  }
  return { event: await ctx.hl.appointments.get(mine[0]!.id, LIVE) };
}

/** @example formatToolResult(await cancelAppointment(ctx, args)); */
export async function cancelAppointment(
  ctx: VoiceContext,
  args: CancelAppointmentArgs,
): Promise<ToolResult> {
  const target = await targetAppointment(ctx, args, ['cancelled']);
  if ('result' in target) return target.result;
  const { event } = target;
  // A status change keeps the appointment on record in HighLevel, unlike a delete. Cancelling
  // twice (a retried request) answers the same.
  if (event.appointmentStatus !== 'cancelled') {
    await changingCalendar(ctx, event.calendarId ?? ctx.settings.calendarId, () =>
      ctx.hl.appointments.update(event.id, { appointmentStatus: 'cancelled' }, LIVE),
    );
  }
  return cancelled(event.id, event.startTime, ctx.settings.timezone, ctx.now);
}

/** @example formatToolResult(await rescheduleAppointment(ctx, args)); */
export async function rescheduleAppointment(
  ctx: VoiceContext,
  args: RescheduleAppointmentArgs,
): Promise<ToolResult> {
  const target = await targetAppointment(ctx, args);
  if ('result' in target) return target.result;
  const { event } = target;
  const id = appointmentIdFromHighLevel(event);
  if (!id) return notFound('that appointment');
  const chosen = await chosenSlot(ctx, args);
  // A re-issued reschedule finds the appointment already moved: the same answer again.
  const alreadyThere =
    'result' in chosen
      ? Date.parse(event.startTime) ===
        Date.parse('startTime' in args.slot ? args.slot.startTime : '')
      : Date.parse(event.startTime) === Date.parse(chosen.slot);
  const zone = 'result' in chosen ? (args.timezone ?? ctx.settings.timezone) : chosen.timezone;
  if (alreadyThere) return rescheduled(id, event.startTime, zone, ctx.now);
  if ('result' in chosen) return chosen.result;
  const lock = {
    calendarId: ctx.settings.calendarId,
    start: new Date(Date.parse(chosen.slot)).toISOString(),
    holder: randomUUID(),
  };
  if (!(await waitForLock(ctx, lock))) {
    return slotUnavailable(await alternativesTo(ctx, chosen.slot, zone), zone);
  }
  try {
    await changingCalendar(ctx, lock.calendarId, () =>
      ctx.hl.appointments.update(id, { startTime: chosen.slot }, LIVE),
    );
    return rescheduled(id, chosen.slot, zone, ctx.now);
  } catch (error) {
    if (error instanceof SlotUnavailableError) {
      return slotUnavailable(await alternativesTo(ctx, chosen.slot, zone), zone);
    }
    if (!(error instanceof OutcomeUnknownError)) throw error;
    // Outcome unknown: HighLevel's own record says whether it moved.
    const now = await ctx.hl.appointments.get(id, LIVE);
    if (Date.parse(now.startTime) === Date.parse(chosen.slot)) {
      return rescheduled(id, chosen.slot, zone, ctx.now);
    }
    throw error;
  } finally {
    await releaseSlot(ctx.db, lock);
  }
}
