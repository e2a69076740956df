/**
 * Quiet hours: local hours of the caller's (`settings.confirmations.quietHours`) when nothing is
 * sent to them. A window whose end is before its start wraps midnight (21:00–08:00 is the night).
 */
import { DateTime } from 'luxon';
import { minutesOfDay } from '../../core/settings.js';
import { timeZone } from '../../../core/timeZones.js';

export interface QuietHours {
  start: string;
  end: string;
}

/** `minutes` past the local midnight of `day`, by the clock (a `24:00` is the next midnight). */
function atClock(day: DateTime, minutes: number): DateTime {
  if (minutes >= 24 * 60) return day.startOf('day').plus({ days: 1 });
  return day.set({
    hour: Math.floor(minutes / 60),
    minute: minutes % 60,
    second: 0,
    millisecond: 0,
  });
}

/**
 * When the quiet hours `now` falls in end, or `undefined` when it falls in none (or there are
 * none: no window, or one that starts as it ends).
 *
 * @example quietUntil(new Date('2026-12-02T03:00:00Z'), 'America/New_York', { start: '21:00', end: '08:00' }); // 2026-12-02T08:00 in New York
 */
export function quietUntil(
  now: Date,
  timezone: string,
  quiet: QuietHours | null,
): Date | undefined {
  if (!quiet) return undefined;
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return undefined;
  const local = DateTime.fromJSDate(now).setZone(timeZone(timezone));
  const minute = local.hour * 60 + local.minute;
  let until: DateTime | undefined;
  if (start < end) {
    if (minute >= start && minute < end) until = atClock(local, end);
  } else if (minute >= start) {
    until = atClock(local.plus({ days: 1 }), end);
  } else if (minute < end) {
    until = atClock(local, end);
  }
  return until?.toJSDate();
}
