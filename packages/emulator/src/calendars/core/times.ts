import { DateTime } from 'luxon';

/** Units HighLevel accepts for slot duration, interval and buffers ([spec] CalendarCreateDTO). */
export type DurationUnit = 'mins' | 'hours';
/** Units for `allowBookingAfter` (minimum scheduling notice). */
export type NoticeUnit = 'hours' | 'days' | 'weeks' | 'months';
/** Units for `allowBookingFor` (how far ahead booking is allowed). */
export type WindowUnit = 'days' | 'weeks' | 'months';

const MINUTE_MS = 60_000;

/** Whether `zone` is an IANA time zone name luxon can resolve (e.g. `America/New_York`). */
export function isValidTimeZone(zone: string): boolean {
  return zone.length > 0 && DateTime.fromMillis(0, { zone }).isValid;
}

/**
 * Elapsed milliseconds of a calendar length such as `slotDuration` + `slotDurationUnit`.
 *
 * @example
 * durationMs(1, 'hours'); // 3_600_000
 */
export function durationMs(amount: number, unit: DurationUnit): number {
  return amount * (unit === 'hours' ? 60 : 1) * MINUTE_MS;
}

/**
 * `instant` moved by a notice or window length, counting days, weeks and months on the wall
 * clock of `zone` (so "1 day" from 09:00 is 09:00 the next day even across a DST change).
 *
 * @example
 * addCalendarPeriod(Date.parse('2026-03-07T14:00:00Z'), 1, 'days', 'America/New_York');
 * // 2026-03-08T13:00:00Z: 09:00 local on both days, 23 hours apart
 */
export function addCalendarPeriod(
  instant: number,
  amount: number,
  unit: NoticeUnit | WindowUnit,
  zone: string,
): number {
  return DateTime.fromMillis(instant, { zone })
    .plus({ [unit]: amount })
    .toMillis();
}

/**
 * An instant as HighLevel writes it in free-slots and appointment bodies: ISO 8601 with the
 * zone's offset and no milliseconds, e.g. `2024-10-28T10:00:00-05:00`
 * ([spec] apps/calendars.json `SlotsSchema`, `AppointmentCreateSchema.startTime`).
 *
 * @example
 * formatOffsetIso(Date.parse('2024-10-28T15:00:00Z'), 'America/Chicago');
 * // '2024-10-28T10:00:00-05:00'
 */
export function formatOffsetIso(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone })
    .startOf('second')
    .toISO({ suppressMilliseconds: true })!;
}

/**
 * An instant as the calendar's wall clock without an offset, `YYYY-MM-DD HH:mm:ss`, the form
 * `GET /contacts/{contactId}/appointments` returns
 * (docs/highlevel-behaviour.md#appointment-timestamps).
 *
 * @example
 * formatWallClock(Date.parse('2024-10-28T15:00:00Z'), 'America/Chicago'); // '2024-10-28 10:00:00'
 */
export function formatWallClock(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** The local date (`YYYY-MM-DD`) of `instant` in `zone`: the key of a free-slots day. */
export function localDateKey(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISODate()!;
}

/** The day after a local date (`YYYY-MM-DD`). */
export function nextLocalDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
}

/** Day of the week of a local date in HighLevel's numbering, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday % 7;
}

/**
 * The instant at which the wall clock in `zone` shows `minuteOfDay` minutes past midnight on
 * local `date`. 1440 is the midnight that ends the day. A time skipped by a DST change moves
 * forward by the length of the gap (02:30 on a spring-forward night becomes 03:30).
 *
 * @example
 * wallClockToInstant('2026-03-08', 9 * 60, 'America/New_York'); // 09:00 EDT = 13:00Z
 */
export function wallClockToInstant(date: string, minuteOfDay: number, zone: string): number {
  const day = DateTime.fromISO(date, { zone });
  if (minuteOfDay >= 24 * 60) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }).toMillis();
}

const HAS_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Epoch ms of an ISO 8601 date-time, or `undefined` when it is not one. A value with an offset
 * or `Z` is that instant whatever its form; a value without one is read on `zone`'s wall clock.
 * A bare date is refused: an appointment needs a time.
 *
 * @example
 * parseInstant('2026-03-09T09:00:00-04:00', 'UTC'); // 1773061200000
 * parseInstant('2026-03-09T13:00:00Z', 'UTC'); // the same instant
 */
export function parseInstant(text: string, zone: string): number | undefined {
  if (!HAS_TIME.test(text)) return undefined;
  const parsed = DateTime.fromISO(text, { zone });
  return parsed.isValid ? parsed.toMillis() : undefined;
}
