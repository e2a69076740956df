/**
 * Times as a caller hears them: dates and clock times in the caller's timezone, lists, and the
 * labels of offered slots and days. Deterministic: "today" and "tomorrow" are said only relative
 * to a given `now`.
 */
import { DateTime } from 'luxon';
import type { SlotOption } from './outcomes.js';
import type { DayWithSlots, OfferedSlot } from './results.js';
import { timeZone } from '../../core/timeZones.js';

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
 * A local date (YYYY-MM-DD) said as a day in `timezone`.
 *
 * @example spokenDate('2026-12-02', 'America/New_York'); // 'Wednesday, December 2'
 */
export function spokenDate(date: string, timezone: string, now?: Date): string {
  return spokenDay(DateTime.fromISO(date, { zone: timeZone(timezone) }), now);
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

/**
 * "on Tuesday, December 1 at 2 PM", but "today at 2 PM": relative days take no "on".
 *
 * @example onDay('today at 2 PM'); // 'today at 2 PM'
 */
export function onDay(label: string): string {
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

/**
 * Instants grouped by day, each day said once.
 *
 * @example spokenSlots(starts, 'America/New_York'); // 'Tuesday, December 1 at 9 AM or 2 PM or Wednesday, December 2 at 10 AM'
 */
export function spokenSlots(starts: readonly string[], timezone: string, now?: Date): string {
  const days = new Map<string, string[]>();
  for (const start of starts) {
    const time = inZone(start, timezone);
    const day = spokenDay(time, now);
    days.set(day, [...(days.get(day) ?? []), spokenClock(time)]);
  }
  return spokenList([...days].map(([day, clocks]) => `${day} at ${spokenList(clocks)}`));
}

/**
 * Offered slots with their spoken labels.
 *
 * @example labelSlots([{ id, start: '2026-12-01T14:30:00-05:00' }], 'America/New_York'); // [{ id, start, label: 'Tuesday, December 1 at 2:30 PM' }]
 */
export function labelSlots(
  slots: readonly SlotOption[],
  timezone: string,
  now?: Date,
): OfferedSlot[] {
  return slots.map(({ id, start }) => ({ id, start, label: spokenDateTime(start, timezone, now) }));
}

/**
 * Days with openings, labelled for the caller ("Wednesday, December 2").
 *
 * @example daysOffered([{ date: '2026-12-02', slots }], 'America/New_York');
 */
export function daysOffered(
  days: ReadonlyArray<{ date: string; slots: readonly SlotOption[] }>,
  timezone: string,
  now?: Date,
): DayWithSlots[] {
  return days.map((day) => ({
    date: day.date,
    label: spokenDate(day.date, timezone, now),
    slots: labelSlots(day.slots, timezone, now),
  }));
}
