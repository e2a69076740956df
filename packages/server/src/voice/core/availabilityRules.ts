/**
 * Which of HighLevel's free slots may be offered to a caller: HighLevel's free slots (already free
 * on the calendar) narrowed by the workspace's rules (docs/architecture.md#voice-booking). All
 * wall-clock rules are judged in the workspace timezone with Luxon, never with hand-made offset
 * arithmetic, so they hold on the days clocks change. Slot strings are returned exactly as
 * HighLevel wrote them: booking with a re-serialized slot can fail
 * (docs/highlevel-behaviour.md#booking-a-slot).
 */
import { DateTime } from 'luxon';
import { minutesOfDay, WEEKDAYS, type AvailabilityRules } from './settings.js';
import { byInstant, readTime } from './slotTimes.js';
import { timeZone } from '../../core/timeZones.js';

/**
 * An existing appointment (or any busy time) on the calendar. Offset-less times, as HighLevel's
 * `GET /contacts/{id}/appointments` writes them ("2026-12-01 10:00:00",
 * docs/highlevel-behaviour.md#appointment-timestamps), are wall-clock times in the workspace
 * timezone.
 */
export interface BusyInterval {
  start: string;
  end: string;
}

export interface RulesInput {
  rules: AvailabilityRules;
  /** The workspace timezone: working hours, blackout dates and "days ahead" are local to it. */
  timezone: string;
  now: Date;
  /** The calendar's slot length in minutes; `rules.slotMinutes` wins when it is set. */
  slotMinutes: number;
  busy?: readonly BusyInterval[];
}

export type SlotProblem =
  | 'unreadable'
  | 'outside_working_hours'
  | 'blackout_date'
  | 'too_soon'
  | 'too_far_ahead'
  | 'too_close_to_another_appointment';

interface Prepared {
  input: RulesInput;
  minutes: number;
  earliest: number;
  lastDay: string;
  blackout: ReadonlySet<string>;
  /** Busy intervals widened by both buffers, in epoch ms. */
  blocked: Array<[number, number]>;
}

function prepare(input: RulesInput): Prepared {
  const { rules, timezone, now } = input;
  const pad = (rules.bufferBeforeMinutes + rules.bufferAfterMinutes) * 60_000;
  const blocked: Array<[number, number]> = [];
  for (const interval of input.busy ?? []) {
    const start = readTime(interval.start, timezone);
    const end = readTime(interval.end, timezone);
    if (start.isValid && end.isValid) blocked.push([start.toMillis() - pad, end.toMillis() + pad]);
  }
  return {
    input,
    minutes: rules.slotMinutes ?? input.slotMinutes,
    earliest: now.getTime() + rules.minLeadMinutes * 60_000,
    lastDay:
      DateTime.fromJSDate(now)
        .setZone(timeZone(timezone))
        .plus({ days: rules.maxDaysAhead })
        .toISODate() ?? '',
    blackout: new Set(rules.blackoutDates),
    blocked,
  };
}

/**
 * Minutes past local midnight of the end, on the start's day; `null` when the appointment runs
 * into another day (a slot ending exactly at midnight ends at minute 1440 of its own day).
 */
function endMinuteOnStartDay(start: DateTime, end: DateTime): number | null {
  // Both are in the same zone (end = start + minutes): comparing the calendar fields is enough,
  // and far cheaper than Luxon's hasSame, which re-zones and truncates both (~90 µs a slot).
  if (end.day === start.day && end.month === start.month && end.year === start.year) {
    return end.hour * 60 + end.minute;
  }
  const midnight = start.plus({ days: 1 }).startOf('day');
  return end.equals(midnight) ? 24 * 60 : null;
}

function withinWorkingHours(start: DateTime, end: DateTime, rules: AvailabilityRules): boolean {
  const weekday = WEEKDAYS[start.weekday - 1];
  const startMinute = start.hour * 60 + start.minute;
  const endMinute = endMinuteOnStartDay(start, end);
  if (weekday === undefined || endMinute === null) return false;
  return rules.workingHours.some(
    (hours) =>
      hours.days.includes(weekday) &&
      startMinute >= minutesOfDay(hours.start) &&
      endMinute <= minutesOfDay(hours.end),
  );
}

function problemOf(slot: string, prepared: Prepared): SlotProblem | undefined {
  const { rules, timezone } = prepared.input;
  const start = readTime(slot, timezone);
  if (!start.isValid) return 'unreadable';
  // Time units are exact in Luxon: a 60-minute slot is 60 real minutes even across a DST change.
  const end = start.plus({ minutes: prepared.minutes });
  const day = start.toISODate() ?? '';
  if (prepared.blackout.has(day)) return 'blackout_date';
  if (!withinWorkingHours(start, end, rules)) return 'outside_working_hours';
  if (start.toMillis() < prepared.earliest) return 'too_soon';
  if (day > prepared.lastDay) return 'too_far_ahead';
  // Every appointment, new or existing, is padded by the same buffers and padded ranges may not
  // overlap: between two appointments there is bufferAfter + bufferBefore of free time.
  const [from, to] = [start.toMillis(), end.toMillis()];
  if (prepared.blocked.some(([busyFrom, busyTo]) => from < busyTo && busyFrom < to)) {
    return 'too_close_to_another_appointment';
  }
  return undefined;
}

/**
 * Why a slot may not be offered, or `undefined` when it may (for the call's audit trail).
 *
 * @example slotProblem('2026-12-25T10:00:00-05:00', input); // 'blackout_date'
 */
export function slotProblem(slot: string, input: RulesInput): SlotProblem | undefined {
  return problemOf(slot, prepare(input));
}

/**
 * The slots that satisfy every rule, in time order, each string verbatim. A slot must start and
 * end inside one working-hours range of its local weekday.
 *
 * @example applyRules({ slots, rules: settings.rules, timezone: settings.timezone, now, slotMinutes: 30, busy });
 */
export function applyRules(input: RulesInput & { slots: readonly string[] }): string[] {
  const prepared = prepare(input);
  const allowed = input.slots.filter((slot) => problemOf(slot, prepared) === undefined);
  return byInstant(allowed, input.timezone);
}
