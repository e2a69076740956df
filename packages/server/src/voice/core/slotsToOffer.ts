/**
 * Which allowed slots to say on the phone: a few, spread over the earliest day with openings or
 * nearest to a time asked for, and the nearest days that have some when the day asked has none.
 */
import { DateTime } from 'luxon';
import { byInstant, groupByDay, millisOf, readTime } from './slotTimes.js';

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
