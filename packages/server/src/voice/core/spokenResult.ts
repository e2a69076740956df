/**
 * A tool's outcome (`outcomes.ts`) in words: the answer the caller hears (`results.ts`). The
 * Vapi route and the REST routes call it where they answer; nothing below them words anything.
 * Also the single line of JSON Vapi receives as a tool result: multi-line results break the
 * assistant's parsing (docs/vapi.md#answers).
 */
import type {
  BookedAppointment,
  CancelledAppointment,
  MissingDetails,
  MovedAppointment,
  NoAppointment,
  NoOpenSlots,
  OpenSlots,
  SlotTaken,
  ToolOutcome,
  UpcomingAppointments,
} from './outcomes.js';
import type {
  AppointmentsFound,
  Booked,
  Cancelled,
  Failed,
  NeedsInfo,
  NoSlots,
  NotFound,
  Rescheduled,
  SlotUnavailable,
  SlotsOffered,
  ToolResult,
} from './results.js';
import {
  appointmentsFound,
  booked,
  cancelled,
  failed,
  needsInfo,
  noSlots,
  notFound,
  rescheduled,
  slotUnavailable,
  slotsOffered,
} from './speech.js';
import { daysOffered, labelSlots, spokenDateTime } from './spokenTime.js';

/** The answer to each kind of outcome, so a route's JSON keeps the shape it documents. */
export type SpokenResult<O extends ToolOutcome> = O extends OpenSlots
  ? SlotsOffered
  : O extends NoOpenSlots
    ? NoSlots
    : O extends BookedAppointment
      ? Booked
      : O extends SlotTaken
        ? SlotUnavailable
        : O extends MissingDetails
          ? NeedsInfo
          : O extends MovedAppointment
            ? Rescheduled
            : O extends CancelledAppointment
              ? Cancelled
              : O extends NoAppointment
                ? NotFound
                : O extends UpcomingAppointments
                  ? AppointmentsFound | NotFound
                  : Failed;

const LOOKED_FOR: Record<NoAppointment['lookedFor'], string> = {
  that_appointment: 'that appointment',
  callers_upcoming_appointment: 'an upcoming appointment for you',
};

/**
 * A booking's confirmation names the day by its date, never "today": the same answer is given
 * again, later, to a re-issued call (docs/vapi.md#timeouts-and-repeats).
 */
function confirmation(outcome: BookedAppointment): Booked {
  const { status, appointmentId, contactId, start } = outcome;
  if ('saidAs' in outcome)
    return { status, appointmentId, contactId, start, message: outcome.saidAs };
  return booked({ appointmentId, contactId, start }, outcome.timezone);
}

/**
 * The sentence names the alternatives by their dates; their labels, like those of every slot
 * offered, are relative to now.
 */
function takenSlot(outcome: SlotTaken, now: Date) {
  return slotUnavailable(labelSlots(outcome.alternatives, outcome.timezone, now), outcome.timezone);
}

function upcoming({ appointments, timezone }: UpcomingAppointments, now: Date) {
  return appointmentsFound(
    appointments.map(({ id, start }) => ({
      id,
      start,
      label: spokenDateTime(start, timezone, now),
    })),
  );
}

/**
 * The answer for an outcome, with "today" and "tomorrow" judged at `now` (the request's).
 *
 * @example spokenResult({ status: 'error', code: 'unavailable' }, ctx.now).message; // 'The calendar is not reachable right now. Please try again in a moment.'
 */
export function spokenResult<O extends ToolOutcome>(outcome: O, now: Date): SpokenResult<O>;
export function spokenResult(outcome: ToolOutcome, now: Date): ToolResult {
  switch (outcome.status) {
    case 'ok':
      if ('appointments' in outcome) return upcoming(outcome, now);
      return slotsOffered(outcome.timezone, labelSlots(outcome.slots, outcome.timezone, now), now);
    case 'none': {
      const days = daysOffered(outcome.nearestDays, outcome.timezone, now);
      return noSlots(outcome.timezone, outcome.askedDay, days, now);
    }
    case 'booked':
      return confirmation(outcome);
    case 'slot_unavailable':
      return takenSlot(outcome, now);
    case 'needs_info':
      return needsInfo(outcome.missing, outcome.invalid);
    case 'rescheduled':
      return rescheduled(outcome.appointmentId, outcome.start, outcome.timezone, now);
    case 'cancelled':
      return cancelled(outcome.appointmentId, outcome.start, outcome.timezone, now);
    case 'not_found':
      return notFound(LOOKED_FOR[outcome.lookedFor]);
    case 'error':
      return failed(outcome.code);
  }
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
