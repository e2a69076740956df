/**
 * A tool's outcome (`outcomes.ts`) in words: the answer the caller hears (`results.ts`), in the
 * locale of the tool call. The Vapi route and the REST routes call it where they answer; nothing
 * below them words anything.
 * Also the single line of JSON Vapi receives as a tool result: multi-line results break the
 * assistant's parsing (docs/vapi.md#answers).
 */
import type {
  BookedAppointment,
  CancelledAppointment,
  HandOff,
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
  Transfer,
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
  handedOff,
} from './speech.js';
import { DEFAULT_LOCALE } from './phrases/locales.js';
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
                  : O extends HandOff
                    ? Transfer
                    : Failed;

/**
 * A booking's confirmation names the day by its date, never "today": the same answer is given
 * again, later, to a re-issued call (docs/vapi.md#timeouts-and-repeats).
 */
function confirmation(outcome: BookedAppointment, locale: string): Booked {
  const { status, appointmentId, contactId, start, provider } = outcome;
  if ('saidAs' in outcome)
    return {
      status,
      appointmentId,
      contactId,
      start,
      ...(provider ? { provider } : {}),
      message: outcome.saidAs,
    };
  return booked({ appointmentId, contactId, start }, outcome.timezone, undefined, {
    locale,
    provider,
  });
}

/**
 * The sentence names the alternatives by their dates; their labels, like those of every slot
 * offered, are relative to now.
 */
function takenSlot(outcome: SlotTaken, now: Date, locale: string) {
  const { alternatives, timezone, provider } = outcome;
  return slotUnavailable(labelSlots(alternatives, timezone, now, locale), timezone, undefined, {
    locale,
    provider,
  });
}

function upcoming({ appointments, timezone }: UpcomingAppointments, now: Date, locale: string) {
  return appointmentsFound(
    appointments.map(({ id, start }) => ({
      id,
      start,
      label: spokenDateTime(start, timezone, now, locale),
    })),
    locale,
  );
}

/**
 * The answer for an outcome in `locale` (the caller's, else the workspace's; default US
 * English), with "today" and "tomorrow" judged at `now` (the request's).
 *
 * @example spokenResult({ status: 'error', code: 'unavailable' }, ctx.now).message; // 'The calendar is not reachable right now. Please try again in a moment.'
 * @example spokenResult(outcome, ctx.now, ctx.locale);
 */
export function spokenResult<O extends ToolOutcome>(
  outcome: O,
  now: Date,
  locale?: string,
): SpokenResult<O>;
export function spokenResult(
  outcome: ToolOutcome,
  now: Date,
  locale: string = DEFAULT_LOCALE,
): ToolResult {
  switch (outcome.status) {
    case 'ok': {
      if ('appointments' in outcome) return upcoming(outcome, now, locale);
      const { timezone, slots, provider } = outcome;
      return slotsOffered(timezone, labelSlots(slots, timezone, now, locale), now, {
        locale,
        provider,
      });
    }
    case 'none': {
      const { timezone, askedDay, provider } = outcome;
      const days = daysOffered(outcome.nearestDays, timezone, now, locale);
      return noSlots(timezone, askedDay, days, now, { locale, provider });
    }
    case 'booked':
      return confirmation(outcome, locale);
    case 'slot_unavailable':
      return takenSlot(outcome, now, locale);
    case 'needs_info':
      return needsInfo(outcome.missing, outcome.invalid, locale);
    case 'rescheduled': {
      const { appointmentId, start, timezone, provider } = outcome;
      return rescheduled(appointmentId, start, timezone, now, { locale, provider });
    }
    case 'cancelled':
      return cancelled(outcome.appointmentId, outcome.start, outcome.timezone, now, locale);
    case 'not_found':
      return notFound(outcome.lookedFor, locale);
    case 'transfer':
      return handedOff(outcome, locale);
    case 'error':
      return failed(outcome.code, locale);
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
