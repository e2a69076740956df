/**
 * The words of each answer: one short message per outcome, with the dates in the caller's
 * timezone (`spokenTime.ts`). `spokenResult.ts` picks the builder for an outcome.
 */
import type {
  AppointmentSummary,
  AppointmentsFound,
  Booked,
  Cancelled,
  DayWithSlots,
  Failed,
  NeedsInfo,
  NoSlots,
  NotFound,
  OfferedSlot,
  Rescheduled,
  SlotUnavailable,
  SlotsOffered,
} from './results.js';
import type { AppointmentId, FailureCode, FieldProblem } from './outcomes.js';
import { onDay, spokenDate, spokenDateTime, spokenList, spokenSlots } from './spokenTime.js';

/**
 * `check_availability` found slots.
 *
 * @example slotsOffered(tz, labelSlots(picked, tz)).message; // 'I have Tuesday, December 1 at 9 AM or 2:30 PM. Which works best?'
 */
export function slotsOffered(timezone: string, slots: OfferedSlot[], now?: Date): SlotsOffered {
  const starts = slots.map((slot) => slot.start);
  return {
    status: 'ok',
    timezone,
    slots,
    message: `I have ${spokenSlots(starts, timezone, now)}. Which works best?`,
  };
}

/**
 * Nothing on the day asked (`askedDay`, a YYYY-MM-DD in `timezone`), with the nearest days that
 * have openings.
 *
 * @example noSlots(tz, '2026-12-01', daysOffered(nearest, tz)).message; // 'I have nothing free on Tuesday, December 1. …'
 */
export function noSlots(
  timezone: string,
  askedDay: string | undefined,
  nearestDays: DayWithSlots[],
  now?: Date,
): NoSlots {
  const asked = askedDay ? onDay(spokenDate(askedDay, timezone, now)) : 'then';
  const nearest = nearestDays.map((day) => day.label);
  const which =
    nearest.length === 1
      ? `The nearest day with openings is ${nearest[0]}. Shall I check it?`
      : `The nearest days with openings are ${spokenList(nearest, 'and')}. Shall I check one of those?`;
  const message = nearest.length
    ? `I have nothing free ${asked}. ${which}`
    : `I have nothing free ${asked}, and no openings on the days around it either.`;
  return { status: 'none', timezone, nearestDays, message };
}

/**
 * `book_appointment` succeeded; the id type makes it impossible without HighLevel's answer.
 *
 * @example booked({ appointmentId, contactId, start: slot }, tz).message; // "You're booked for Tuesday, December 1 at 2:30 PM."
 */
export function booked(
  appointment: { appointmentId: AppointmentId; contactId: string; start: string },
  timezone: string,
  now?: Date,
): Booked {
  const when = spokenDateTime(appointment.start, timezone, now);
  return { status: 'booked', ...appointment, message: `You're booked for ${when}.` };
}

/**
 * The slot went between the offer and the booking: alternatives, not an error.
 *
 * @example slotUnavailable(labelSlots(others, tz), tz).message; // 'That time was just taken. I can offer …'
 */
export function slotUnavailable(
  alternatives: OfferedSlot[],
  timezone: string,
  now?: Date,
): SlotUnavailable {
  const starts = alternatives.map((slot) => slot.start);
  const message = alternatives.length
    ? `That time was just taken. I can offer ${spokenSlots(starts, timezone, now)}.`
    : 'That time was just taken, and I have no other openings close to it. Would you like me to look at other days?';
  return { status: 'slot_unavailable', alternatives, message };
}

/**
 * What the caller still has to say, and the fields the model must re-send in another form.
 *
 * @example needsInfo(['phone or email']).message; // 'I still need the phone or email.'
 */
export function needsInfo(missing: string[], invalid: FieldProblem[] = []): NeedsInfo {
  const parts: string[] = [];
  if (missing.length) parts.push(`I still need the ${spokenList(missing, 'and')}.`);
  for (const problem of invalid) parts.push(`For ${problem.field} I need ${problem.expected}.`);
  return {
    status: 'needs_info',
    missing,
    ...(invalid.length ? { invalid } : {}),
    message: parts.join(' '),
  };
}

/**
 * `reschedule_appointment` moved the appointment (HighLevel's id required, as for `booked`).
 *
 * @example rescheduled(appointmentId, newSlot, tz).message; // 'Your appointment is moved to Wednesday, December 2 at 10 AM.'
 */
export function rescheduled(
  appointmentId: AppointmentId,
  start: string,
  timezone: string,
  now?: Date,
): Rescheduled {
  const when = spokenDateTime(start, timezone, now);
  return {
    status: 'rescheduled',
    appointmentId,
    start,
    message: `Your appointment is moved to ${when}.`,
  };
}

/**
 * `cancel_appointment` cancelled the appointment that started at `start`.
 *
 * @example cancelled('apt_1', start, tz).message; // 'Your appointment on Tuesday, December 1 at 2:30 PM is cancelled.'
 */
export function cancelled(
  appointmentId: string,
  start: string,
  timezone: string,
  now?: Date,
): Cancelled {
  const when = spokenDateTime(start, timezone, now);
  return {
    status: 'cancelled',
    appointmentId,
    message: `Your appointment ${onDay(when)} is cancelled.`,
  };
}

/**
 * Nothing matched; `lookedFor` completes "I couldn't find …".
 *
 * @example notFound('an upcoming appointment for that phone number');
 */
export function notFound(lookedFor: string): NotFound {
  return { status: 'not_found', message: `I couldn't find ${lookedFor}.` };
}

/**
 * `find_appointments`: the caller's upcoming appointments, or `not_found` when there are none.
 *
 * @example appointmentsFound([{ id, start, label }]).message; // 'You have one upcoming appointment: Tuesday, December 1 at 2:30 PM.'
 */
export function appointmentsFound(
  appointments: AppointmentSummary[],
): AppointmentsFound | NotFound {
  if (appointments.length === 0) return notFound('any upcoming appointments for you');
  const labels = appointments.map((appointment) => appointment.label);
  const count =
    appointments.length === 1
      ? 'one upcoming appointment'
      : `${appointments.length} upcoming appointments`;
  return {
    status: 'ok',
    appointments,
    message: `You have ${count}: ${spokenList(labels, 'and')}.`,
  };
}

const FAILURE_MESSAGES: Record<FailureCode, string> = {
  unconfirmed:
    "I couldn't confirm whether the booking went through. Please don't book again; the team will confirm it with you shortly.",
  not_booked:
    'Something went wrong on our side and the appointment was not booked. Shall I try again?',
  unknown_tool: 'That action is not available here.',
  unreadable_arguments: 'The request could not be read; please send the details again.',
  unavailable: 'The calendar is not reachable right now. Please try again in a moment.',
  not_run: 'That was not done: too many actions were asked at once. Please ask again.',
};

/**
 * A failure the assistant should voice; `unconfirmed` never claims the booking failed.
 *
 * @example failed('unavailable').message; // 'The calendar is not reachable right now. Please try again in a moment.'
 */
export function failed(code: FailureCode): Failed {
  return { status: 'error', code, message: FAILURE_MESSAGES[code] };
}
