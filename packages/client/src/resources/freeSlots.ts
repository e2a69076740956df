/**
 * The pure part of `calendars.freeSlots`: splitting a long range into ranges HighLevel accepts
 * and merging the answers. `GET /calendars/{calendarId}/free-slots` (`get-slots` in
 * `apps/calendars.json`) takes `startDate`/`endDate` in epoch ms, no more than 31 days apart, and
 * answers `{ "2024-10-28": { slots: ["2024-10-28T10:00:00-05:00", …] }, …, traceId }`.
 */
import { HighLevelError } from '../errors.js';

/** "Date range cannot be more than 31 days" (the `startDate`/`endDate` descriptions). */
export const FREE_SLOTS_MAX_RANGE_MS = 31 * 86_400_000;

/**
 * Ranges covering `startMs`..`endMs`, none longer than `maxMs`, each starting where the previous
 * one ended, so that no instant falls between two calls.
 *
 * @example splitRange(0, 70 * 86_400_000) // three ranges: 31, 31 and 8 days
 */
export function splitRange(
  startMs: number,
  endMs: number,
  maxMs: number = FREE_SLOTS_MAX_RANGE_MS,
): Array<[startMs: number, endMs: number]> {
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs < startMs) {
    throw new HighLevelError(
      'validation',
      `Free slots need a start before the end (got start ${startMs}, end ${endMs} in epoch ms)`,
    );
  }
  const ranges: Array<[number, number]> = [];
  let from = startMs;
  do {
    const to = Math.min(endMs, from + maxMs);
    ranges.push([from, to]);
    from = to;
  } while (from < endMs);
  return ranges;
}

/**
 * Every slot string of one answer, skipping keys that are not days: HighLevel mixes a top-level
 * `traceId` in with the date keys.
 */
export function slotsOfDays(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const slots: string[] = [];
  for (const day of Object.values(body as Record<string, unknown>)) {
    const daySlots = (day as { slots?: unknown } | null)?.slots;
    if (!Array.isArray(daySlots)) continue;
    for (const slot of daySlots as unknown[]) if (typeof slot === 'string') slots.push(slot);
  }
  return slots;
}

function byInstant(a: string, b: string): number {
  const diff = Date.parse(a) - Date.parse(b);
  if (Number.isFinite(diff) && diff !== 0) return diff;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One list in time order with each instant once (a slot on the boundary of two ranges comes back
 * from both calls). The strings are kept exactly as HighLevel wrote them: booking with a slot
 * re-serialised to UTC can fail with "The slot you have selected is no longer available".
 */
export function mergeSlots(lists: readonly string[][]): string[] {
  const first = new Map<number | string, string>();
  for (const list of lists) {
    for (const slot of list) {
      const instant = Date.parse(slot);
      const key = Number.isNaN(instant) ? slot : instant;
      if (!first.has(key)) first.set(key, slot);
    }
  }
  return [...first.values()].sort(byInstant);
}
