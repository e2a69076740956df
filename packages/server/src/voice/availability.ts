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
import { timeZone } from '../timeZones.js';

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

/**
 * A time as Luxon reads it: its own offset fixes the instant; offset-less text is wall-clock in
 * `zone` (HighLevel's "YYYY-MM-DD HH:mm:ss" included), never in the server's own timezone.
 */
function readTime(text: string, zone?: string): DateTime {
  const iso = text.trim().replace(' ', 'T');
  return zone
    ? DateTime.fromISO(iso, { zone: timeZone(zone) })
    : DateTime.fromISO(iso, { setZone: true });
}

/** ISO 8601 with `Z` or a ±HH:MM offset: `Date.parse` reads its instant exactly, and cheaply. */
const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The instant of a time as `readTime` reads it, in epoch ms (NaN when unreadable). */
function millisOf(text: string, zone?: string): number {
  const trimmed = text.trim();
  return ISO_WITH_OFFSET.test(trimmed) ? Date.parse(trimmed) : readTime(trimmed, zone).toMillis();
}

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

/**
 * The slots starting in [from, to), e.g. the window `check_availability` asked about.
 *
 * @example slotsBetween(slots, args.from, args.to);
 */
export function slotsBetween(slots: readonly string[], from: string, to: string): string[] {
  const [start, end] = [millisOf(from), millisOf(to)];
  return slots.filter((slot) => {
    const at = millisOf(slot);
    return at >= start && at < end;
  });
}

/** Sorted by instant; each slot read once (a comparison sort would read it log n times). */
function byInstant(slots: readonly string[], zone?: string): string[] {
  return slots
    .map((slot) => ({ slot, at: millisOf(slot, zone) }))
    .sort((a, b) => a.at - b.at)
    .map(({ slot }) => slot);
}

function groupByDay(slots: readonly string[], timezone?: string): Map<string, string[]> {
  const days = new Map<string, string[]>();
  for (const slot of byInstant(slots)) {
    const day = readTime(slot, timezone).toISODate() ?? '';
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return days;
}

/** `count` items of `items` evenly spaced from first to last. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  if (count === 1) return items.slice(0, 1);
  return Array.from(
    { length: count },
    (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))] as T,
  );
}

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

export interface OfferPreference {
  /** Zone for "morning" and for days; default: each slot's own offset (HighLevel's zone). */
  timezone?: string;
  partOfDay?: PartOfDay;
  /** An instant the caller asked for ("around 3"): the slots closest to it. */
  near?: string;
}

const PART_OF_DAY: Record<PartOfDay, [number, number]> = {
  morning: [0, 12],
  afternoon: [12, 17],
  evening: [17, 24],
};

/**
 * At most `n` slots to say on the phone. Without a preference: the earliest day with openings,
 * spread across that day (9 AM, 12:30 PM, 4 PM rather than 9, 9:30, 10), then the next days if
 * it has fewer than `n`. With `near`: the `n` closest to that time. A part of the day that has
 * nothing falls back to the whole day rather than offering nothing.
 *
 * @example pickSlotsToOffer(slots, 3, { timezone: 'America/New_York', partOfDay: 'afternoon' });
 */
export function pickSlotsToOffer(
  slots: readonly string[],
  n: number,
  preference: OfferPreference = {},
): string[] {
  let candidates = byInstant(slots, preference.timezone);
  if (preference.partOfDay) {
    const [from, to] = PART_OF_DAY[preference.partOfDay];
    const inPart = candidates.filter((slot) => {
      const hour = readTime(slot, preference.timezone).hour;
      return hour >= from && hour < to;
    });
    if (inPart.length) candidates = inPart;
  }
  if (preference.near !== undefined) {
    const target = readTime(preference.near, preference.timezone).toMillis();
    const distance = (slot: string) => Math.abs(millisOf(slot) - target);
    return byInstant([...candidates].sort((a, b) => distance(a) - distance(b)).slice(0, n));
  }
  const picked: string[] = [];
  for (const daySlots of groupByDay(candidates, preference.timezone).values()) {
    if (picked.length >= n) break;
    picked.push(...spread(daySlots, n - picked.length));
  }
  return picked;
}

/**
 * For a day with nothing free: up to `count` other days that have slots, nearest to `day` first
 * (an earlier day wins a tie), returned in date order. `slots` should already satisfy the rules.
 *
 * @example nearestDaysWithSlots({ slots, day: '2026-12-01', timezone: 'America/New_York' }); // [{ date: '2026-11-30', slots: […] }, …]
 */
export function nearestDaysWithSlots(input: {
  slots: readonly string[];
  day: string;
  timezone: string;
  count?: number;
}): Array<{ date: string; slots: string[] }> {
  const asked = DateTime.fromISO(input.day, { zone: 'UTC' });
  const distance = (date: string) =>
    Math.abs(DateTime.fromISO(date, { zone: 'UTC' }).diff(asked, 'days').days);
  return [...groupByDay(input.slots, input.timezone)]
    .filter(([date]) => date !== input.day)
    .sort(([a], [b]) => distance(a) - distance(b) || (a < b ? -1 : 1))
    .slice(0, input.count ?? 2)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, slots]) => ({ date, slots }));
}
