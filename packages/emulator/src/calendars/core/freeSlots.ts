import { DateTime } from 'luxon';
import { availableSlotStarts } from './availability.js';
import type { BlockedSlot, Calendar, CalendarEvent } from './model.js';
import { formatOffsetIso, isValidTimeZone, localDateKey } from './times.js';

export interface FreeSlotsQuery {
  calendar: Calendar;
  /** IANA zone the slots are answered in ([spec] free-slots `timezone`). */
  timezone: string;
  /** IANA zone the calendar's hours are kept in (the location's). */
  calendarTimezone: string;
  /** Epoch ms ([spec] free-slots `startDate`). */
  startDate: number;
  /** Epoch ms ([spec] free-slots `endDate`). */
  endDate: number;
  now: number;
  events: readonly CalendarEvent[];
  blockedSlots: readonly BlockedSlot[];
  userId?: string;
}

/** HighLevel's free-slots body: local date `YYYY-MM-DD` -> slot starts with offsets. */
export type FreeSlotsByDate = Record<string, { slots: string[] }>;

export type FreeSlotsErrorCode = 'invalid_timezone' | 'invalid_range' | 'range_too_long';

export type FreeSlotsResult =
  | { ok: true; slots: FreeSlotsByDate }
  | { ok: false; error: { code: FreeSlotsErrorCode; message: string } };

/** [spec] free-slots `startDate`/`endDate`: "Date range cannot be more than 31 days". */
export const MAX_RANGE_DAYS = 31;

function checkQuery(query: FreeSlotsQuery): FreeSlotsResult | undefined {
  const fail = (code: FreeSlotsErrorCode, message: string): FreeSlotsResult => ({
    ok: false,
    error: { code, message },
  });
  for (const zone of [query.timezone, query.calendarTimezone])
    if (!isValidTimeZone(zone))
      return fail('invalid_timezone', `${zone} is not an IANA time zone (e.g. America/New_York)`);
  const { startDate, endDate } = query;
  if (!Number.isFinite(startDate) || !Number.isFinite(endDate))
    return fail('invalid_range', 'startDate and endDate must be epoch milliseconds');
  if (endDate < startDate) return fail('invalid_range', 'endDate must not be before startDate');
  // 31 days of 24 hours, or 31 local days when a DST change makes those longer.
  const limit = Math.max(
    startDate + MAX_RANGE_DAYS * 86_400_000,
    DateTime.fromMillis(startDate, { zone: query.timezone })
      .plus({ days: MAX_RANGE_DAYS })
      .toMillis(),
  );
  if (endDate > limit)
    return fail('range_too_long', `Date range cannot be more than ${MAX_RANGE_DAYS} days`);
  return undefined;
}

/**
 * A calendar's free slots between `startDate` and `endDate` (slot starts, both ends inclusive),
 * in HighLevel's shape ([spec] apps/calendars.json `get-slots`): keyed by the local date in
 * `timezone`, each slot an ISO string with that zone's offset, days without slots left out. The
 * slots follow the calendar's open hours in `calendarTimezone`; `timezone` only changes how they
 * are written and grouped. The route adds HighLevel's `traceId` key
 * (docs/highlevel-behaviour.md#free-slots).
 *
 * @example
 * computeFreeSlots({ calendar, timezone: 'America/Chicago', calendarTimezone: 'America/Chicago',
 *   startDate: Date.parse('2024-10-28T05:00:00Z'), endDate: Date.parse('2024-10-29T04:59:59Z'),
 *   now, events: [], blockedSlots: [] });
 * // { ok: true, slots: { '2024-10-28': { slots: ['2024-10-28T10:00:00-05:00', …] } } }
 */
export function computeFreeSlots(query: FreeSlotsQuery): FreeSlotsResult {
  const invalid = checkQuery(query);
  if (invalid) return invalid;
  const starts = availableSlotStarts({
    calendar: query.calendar,
    calendarTimezone: query.calendarTimezone,
    from: query.startDate,
    to: query.endDate,
    now: query.now,
    events: query.events,
    blockedSlots: query.blockedSlots,
    userId: query.userId,
    enforceBookingWindow: true,
  });
  const slots: FreeSlotsByDate = {};
  for (const start of starts) {
    const day = (slots[localDateKey(start, query.timezone)] ??= { slots: [] });
    day.slots.push(formatOffsetIso(start, query.timezone));
  }
  return { ok: true, slots };
}
