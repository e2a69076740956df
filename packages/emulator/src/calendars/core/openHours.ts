import type { Calendar, Hours } from './model.js';
import { wallClockToInstant, weekdayOf } from './times.js';

/** A span of time `[start, end)` in epoch ms. */
export interface Interval {
  start: number;
  end: number;
}

const DAY_MINUTES = 24 * 60;

export function openMinuteOfDay(hours: Hours): number {
  return hours.openHour * 60 + hours.openMinute;
}

/** Closing at 00:00 means the midnight that ends the day, so a range can reach 24:00. */
export function closeMinuteOfDay(hours: Hours): number {
  const minute = hours.closeHour * 60 + hours.closeMinute;
  return minute === 0 ? DAY_MINUTES : minute;
}

/** The local date in an availability's `<YYYY-MM-DD>T00:00:00.000Z` ([spec] Availability.date). */
export function availabilityDate(date: string): string {
  return date.slice(0, 10);
}

/**
 * The hours that apply on a local date: the date's own availabilities replace its weekday's
 * `openHours` ([spec] CalendarCreateDTO: `openHours` "is only to set the standard availability",
 * `availabilities` set custom availability), unless `availabilityType` restricts the calendar to
 * one of the two (0 = open hours only, 1 = custom availabilities only).
 */
export function hoursOn(calendar: Calendar, date: string): Hours[] {
  const custom = calendar.availabilities.filter(
    (availability) => !availability.deleted && availabilityDate(availability.date) === date,
  );
  const weekday = weekdayOf(date);
  const weekly = calendar.openHours
    .filter((open) => open.daysOfTheWeek.includes(weekday))
    .flatMap((open) => open.hours);
  switch (calendar.availabilityType) {
    case 0:
      return weekly;
    case 1:
      return custom.flatMap((availability) => availability.hours);
    default:
      return custom.length > 0 ? custom.flatMap((availability) => availability.hours) : weekly;
  }
}

/**
 * The calendar's open ranges on a local `date`, as instants: its hours are wall-clock times in
 * `calendarTimezone`, so 09:00-17:00 is 09:00-17:00 local on both sides of a DST change.
 *
 * @example
 * openIntervalsOn(calendar, '2026-03-08', 'America/New_York');
 * // [{ start: 09:00 EDT, end: 17:00 EDT }] for a calendar open 09:00-17:00 on Sundays
 */
export function openIntervalsOn(
  calendar: Calendar,
  date: string,
  calendarTimezone: string,
): Interval[] {
  return hoursOn(calendar, date)
    .map((hours) => ({
      start: wallClockToInstant(date, openMinuteOfDay(hours), calendarTimezone),
      end: wallClockToInstant(date, closeMinuteOfDay(hours), calendarTimezone),
    }))
    .filter((interval) => interval.end > interval.start);
}
