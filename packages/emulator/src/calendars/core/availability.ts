import type { Calendar } from './model.js';
import { occupancyOf, type OccupancyInput } from './occupancy.js';
import { openIntervalsOn } from './openHours.js';
import { addCalendarPeriod, durationMs, localDateKey, nextLocalDate } from './times.js';

export interface SlotSearch extends OccupancyInput {
  /** Earliest slot start wanted, epoch ms (inclusive). */
  from: number;
  /** Latest slot start wanted, epoch ms (inclusive). */
  to: number;
  now: number;
  /**
   * Apply the minimum scheduling notice and the booking window (and refuse the past). Off only
   * for a booking sent with `ignoreDateRange` ([spec] AppointmentCreateSchema.ignoreDateRange).
   */
  enforceBookingWindow: boolean;
}

/**
 * The instants a booking may start in the calendar's time zone: `[earliest, latest]`.
 * Minimum notice counts from `now` ([spec] `allowBookingAfter`: "Minimum scheduling notice"), the
 * window too ([spec] `allowBookingFor`); both count days, weeks and months on the calendar's wall
 * clock. Zero or unset means no limit.
 */
export function bookingWindow(
  calendar: Calendar,
  calendarTimezone: string,
  now: number,
): { earliest: number; latest: number } {
  const { allowBookingAfter, allowBookingAfterUnit, allowBookingFor, allowBookingForUnit } =
    calendar;
  const earliest =
    allowBookingAfter && allowBookingAfterUnit
      ? addCalendarPeriod(now, allowBookingAfter, allowBookingAfterUnit, calendarTimezone)
      : now;
  const latest =
    allowBookingFor && allowBookingForUnit
      ? addCalendarPeriod(now, allowBookingFor, allowBookingForUnit, calendarTimezone)
      : Number.POSITIVE_INFINITY;
  return { earliest: Math.max(now, earliest), latest };
}

/**
 * Start instants of the bookable slots between `from` and `to`, ascending and distinct.
 *
 * Slots start every `slotInterval` from the opening of each open range, read on the calendar's
 * wall clock for the day, and need `slotDuration` before the range closes; then taken slots,
 * full days and (when enforced) the booking window remove some. Free-slots and the booking
 * check both use this, so an offered slot is always a bookable one.
 *
 * @example
 * availableSlotStarts({ calendar, calendarTimezone: 'America/New_York', from, to, now,
 *   events: [], blockedSlots: [], enforceBookingWindow: true });
 * // [Date.parse('2026-03-09T13:00:00Z'), Date.parse('2026-03-09T13:30:00Z'), …]
 */
export function availableSlotStarts(search: SlotSearch): number[] {
  const { calendar, calendarTimezone: zone, from, to } = search;
  const duration = durationMs(calendar.slotDuration, calendar.slotDurationUnit);
  const step = durationMs(calendar.slotInterval, calendar.slotIntervalUnit);
  const occupancy = occupancyOf(search);
  const window = search.enforceBookingWindow
    ? bookingWindow(calendar, zone, search.now)
    : { earliest: Number.NEGATIVE_INFINITY, latest: Number.POSITIVE_INFINITY };
  const first = Math.max(from, window.earliest);
  const last = Math.min(to, window.latest);
  if (!(duration > 0 && step > 0) || first > last) return [];

  const starts = new Set<number>();
  const lastDate = localDateKey(last, zone);
  for (let date = localDateKey(first, zone); date <= lastDate; date = nextLocalDate(date)) {
    if (occupancy.isDayFull(date)) continue;
    for (const open of openIntervalsOn(calendar, date, zone)) {
      for (let start = open.start; start + duration <= open.end; start += step) {
        if (start < first || start > last) continue;
        if (!occupancy.isTaken({ start, end: start + duration })) starts.add(start);
      }
    }
  }
  return [...starts].sort((a, b) => a - b);
}
