/**
 * What the assistant says: spoken dates in the caller's timezone, one short message per outcome,
 * and the single line of JSON Vapi receives as a tool result (multi-line results break the
 * assistant's parsing, docs/vapi.md#answers). Deterministic: "today"/"tomorrow" only relative to a
 * given `now`.
 */
import { DateTime } from 'luxon';
import type {
  AppointmentId,
  AppointmentSummary,
  AppointmentsFound,
  Booked,
  Cancelled,
  DayWithSlots,
  Failed,
  FieldProblem,
  NeedsInfo,
  NoSlots,
  NotFound,
  OfferedSlot,
  Rescheduled,
  SlotUnavailable,
  SlotsOffered,
  ToolResult,
} from './results.js';
import { timeZone } from '../timeZones.js';

const LOCALE = 'en-US';

function inZone(iso: string, timezone: string): DateTime {
  return DateTime.fromISO(iso, { setZone: true }).setZone(timeZone(timezone)).setLocale(LOCALE);
}

/**
 * A clock time as people say it: minutes only when there are some. A time the clock shows twice
 * (the hour repeated when clocks go back) also names the zone's time, or the two would sound alike.
 *
 * @example spokenClock(DateTime.fromISO('2026-12-01T14:30')); // '2:30 PM'
 * @example spokenClock(DateTime.fromISO('2026-11-01T01:30:00-05:00').setZone('America/New_York')); // '1:30 AM Eastern Standard Time'
 */
export function spokenClock(time: DateTime): string {
  const local = time.setLocale(LOCALE);
  const clock = local.toFormat(time.minute === 0 ? 'h a' : 'h:mm a');
  return local.getPossibleOffsets().length > 1 ? `${clock} ${local.toFormat('ZZZZZ')}` : clock;
}

/**
 * A day as people say it, in the zone of `date`; "today"/"tomorrow" only when `now` is given, and
 * the year only when it is not this year's.
 *
 * @example spokenDay(DateTime.fromISO('2026-12-02', { zone: 'America/New_York' })); // 'Wednesday, December 2'
 */
export function spokenDay(date: DateTime, now?: Date): string {
  if (now) {
    const today = DateTime.fromJSDate(now).setZone(date.zone);
    const day = date.toISODate();
    if (day === today.toISODate()) return 'today';
    if (day === today.plus({ days: 1 }).toISODate()) return 'tomorrow';
    if (date.year !== today.year) return date.setLocale(LOCALE).toFormat('cccc, LLLL d, yyyy');
  }
  return date.setLocale(LOCALE).toFormat('cccc, LLLL d');
}

/**
 * The spoken label of an instant in the caller's timezone.
 *
 * @example spokenDateTime('2026-12-01T14:30:00-05:00', 'America/New_York'); // 'Tuesday, December 1 at 2:30 PM'
 * @example spokenDateTime('2026-12-02T09:00:00-05:00', 'America/New_York', now); // 'tomorrow at 9 AM'
 */
export function spokenDateTime(iso: string, timezone: string, now?: Date): string {
  const time = inZone(iso, timezone);
  if (!time.isValid) return iso;
  return `${spokenDay(time, now)} at ${spokenClock(time)}`;
}

/** "on Tuesday, December 1 at 2 PM", but "today at 2 PM": relative days take no "on". */
function onDay(label: string): string {
  return /^(today|tomorrow)\b/.test(label) ? label : `on ${label}`;
}

/**
 * A spoken list.
 *
 * @example spokenList(['9 AM', '11 AM', '2 PM']); // '9 AM, 11 AM or 2 PM'
 */
export function spokenList(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** Slots grouped by day: "Tuesday, December 1 at 9 AM or 2 PM, or Wednesday, December 2 at 10 AM". */
function spokenSlots(starts: readonly string[], timezone: string, now?: Date): string {
  const days = new Map<string, string[]>();
  for (const start of starts) {
    const time = inZone(start, timezone);
    const day = spokenDay(time, now);
    days.set(day, [...(days.get(day) ?? []), spokenClock(time)]);
  }
  return spokenList([...days].map(([day, clocks]) => `${day} at ${spokenList(clocks)}`));
}

/**
 * Labels slots for the caller. `idFor` makes each slot's opaque id (see `slotId.ts`).
 *
 * @example labelSlots(['2026-12-01T14:30:00-05:00'], 'America/New_York', (slot) => encodeSlotId(…));
 */
export function labelSlots(
  slots: readonly string[],
  timezone: string,
  idFor: (slot: string) => string,
  now?: Date,
): OfferedSlot[] {
  return slots.map((start) => ({
    id: idFor(start),
    start,
    label: spokenDateTime(start, timezone, now),
  }));
}

/**
 * The days `nearestDaysWithSlots` found, labelled for the caller ("Wednesday, December 2").
 *
 * @example daysOffered(nearestDaysWithSlots({ slots, day, timezone }), timezone, idFor);
 */
export function daysOffered(
  days: ReadonlyArray<{ date: string; slots: readonly string[] }>,
  timezone: string,
  idFor: (slot: string) => string,
  now?: Date,
): DayWithSlots[] {
  return days.map((day) => ({
    date: day.date,
    label: spokenDay(DateTime.fromISO(day.date, { zone: timeZone(timezone) }), now),
    slots: labelSlots(day.slots, timezone, idFor, now),
  }));
}

/**
 * `check_availability` found slots.
 *
 * @example slotsOffered(tz, labelSlots(picked, tz, idFor)).message; // 'I have Tuesday, December 1 at 9 AM or 2:30 PM. Which works best?'
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
 * @example noSlots(tz, '2026-12-01', daysOffered(nearest, tz, idFor)).message; // 'I have nothing free on Tuesday, December 1. …'
 */
export function noSlots(
  timezone: string,
  askedDay: string | undefined,
  nearestDays: DayWithSlots[],
  now?: Date,
): NoSlots {
  const asked = askedDay
    ? onDay(spokenDay(DateTime.fromISO(askedDay, { zone: timeZone(timezone) }), now))
    : 'then';
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
 * @example slotUnavailable(labelSlots(others, tz, idFor), tz).message; // 'That time was just taken. I can offer …'
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

const FAILURE_MESSAGES: Record<Failed['code'], string> = {
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
export function failed(code: Failed['code']): Failed {
  return { status: 'error', code, message: FAILURE_MESSAGES[code] };
}

/** Line breaks, tabs and other control characters (and U+2028/9) in any value become one space. */
const BREAKS = /[\s\p{Cc}\u2028\u2029]+/gu;

/**
 * The tool result as Vapi wants it: ONE line of compact JSON, `status` first, `message` last.
 * Every string is flattened to one line, even a name someone typed with a newline in it.
 *
 * @example formatToolResult(notFound('that appointment')); // '{"status":"not_found","message":"I couldn\'t find that appointment."}'
 */
export function formatToolResult(result: ToolResult): string {
  const { status, message, ...rest } = result;
  return JSON.stringify({ status, ...rest, message }, (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(BREAKS, ' ') : value,
  );
}
