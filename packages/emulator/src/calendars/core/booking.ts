import { availableSlotStarts } from './availability.js';
import type { BlockedSlot, Calendar, CalendarEvent } from './model.js';
import { durationMs, parseInstant } from './times.js';

/**
 * HighLevel's 400 message for a start time that is not a free slot
 * (docs/highlevel-behaviour.md#slot-no-longer-available).
 */
export const SLOT_UNAVAILABLE_MESSAGE = 'The slot you have selected is no longer available.';

export interface SlotCheck {
  calendar: Calendar;
  calendarTimezone: string;
  /** As sent: ISO with an offset or `Z`; without one it is read in `calendarTimezone`. */
  startTime: string;
  endTime?: string;
  now: number;
  events: readonly CalendarEvent[];
  blockedSlots: readonly BlockedSlot[];
  /** The appointment's `assignedUserId`: check that member's slots. */
  assignedUserId?: string;
  /** [spec] AppointmentCreateSchema: skip slot validation entirely. */
  ignoreFreeSlotValidation?: boolean;
  /** [spec] AppointmentCreateSchema: skip the minimum scheduling notice and date range only. */
  ignoreDateRange?: boolean;
  /** The appointment being rescheduled, whose current time should not count against it. */
  excludeEventId?: string;
}

export type SlotCheckResult =
  | { ok: true; startTime: number; endTime: number }
  | { ok: false; code: 'slot_unavailable'; message: typeof SLOT_UNAVAILABLE_MESSAGE }
  | { ok: false; code: 'invalid_time'; field: 'startTime' | 'endTime'; message: string };

/**
 * Whether an appointment may be booked at `startTime`: it must start on one of the calendar's free
 * slots (docs/highlevel-behaviour.md#booking-a-slot). Instants are compared, so `…T09:00:00-05:00`
 * and the same moment re-serialised as `…T14:00:00Z` are the same slot. Only the start is checked:
 * an `endTime` past the slot's length is accepted, as HighLevel accepts longer appointments.
 * `endTime` defaults to start + `slotDuration`.
 *
 * @example
 * const result = checkSlotAvailable({ calendar, calendarTimezone: 'America/New_York',
 *   startTime: '2026-03-09T14:00:00Z', now, events, blockedSlots });
 * if (!result.ok && result.code === 'slot_unavailable') {
 *   // answer 400 { message: result.message, error: 'Bad Request', statusCode: 400 }
 * }
 */
export function checkSlotAvailable(check: SlotCheck): SlotCheckResult {
  const { calendar, calendarTimezone } = check;
  const startTime = parseInstant(check.startTime, calendarTimezone);
  if (startTime === undefined)
    return invalid('startTime', 'startTime must be an ISO 8601 date-time');
  const endTime =
    check.endTime === undefined
      ? startTime + durationMs(calendar.slotDuration, calendar.slotDurationUnit)
      : parseInstant(check.endTime, calendarTimezone);
  if (endTime === undefined) return invalid('endTime', 'endTime must be an ISO 8601 date-time');
  if (endTime <= startTime) return invalid('endTime', 'endTime must be after startTime');
  if (check.ignoreFreeSlotValidation) return { ok: true, startTime, endTime };

  const offered = availableSlotStarts({
    calendar,
    calendarTimezone,
    from: startTime,
    to: startTime,
    now: check.now,
    events: check.events,
    blockedSlots: check.blockedSlots,
    userId: check.assignedUserId,
    excludeEventId: check.excludeEventId,
    enforceBookingWindow: !check.ignoreDateRange,
  });
  return offered.includes(startTime)
    ? { ok: true, startTime, endTime }
    : { ok: false, code: 'slot_unavailable', message: SLOT_UNAVAILABLE_MESSAGE };
}

function invalid(field: 'startTime' | 'endTime', message: string): SlotCheckResult {
  return { ok: false, code: 'invalid_time', field, message };
}
