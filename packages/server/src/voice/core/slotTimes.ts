/**
 * Reading HighLevel's slot and busy times: an instant when the text has an offset, wall-clock
 * time in a given zone when it has none (docs/highlevel-behaviour.md#appointment-timestamps), never
 * the server's own timezone.
 */
import { DateTime } from 'luxon';
import { timeZone } from '../../core/timeZones.js';

/**
 * A time as Luxon reads it: its own offset fixes the instant; offset-less text is wall-clock in
 * `zone` (HighLevel's "YYYY-MM-DD HH:mm:ss" included), never in the server's own timezone.
 *
 * @example readTime('2026-12-01 10:00:00', 'America/New_York').toISO(); // '2026-12-01T10:00:00.000-05:00'
 */
export function readTime(text: string, zone?: string): DateTime {
  const iso = text.trim().replace(' ', 'T');
  return zone
    ? DateTime.fromISO(iso, { zone: timeZone(zone) })
    : DateTime.fromISO(iso, { setZone: true });
}

/** ISO 8601 with `Z` or a ±HH:MM offset: `Date.parse` reads its instant exactly, and cheaply. */
const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant of a time as `readTime` reads it, in epoch ms (NaN when unreadable).
 *
 * @example millisOf('2026-12-01T10:00:00-05:00'); // 1796137200000
 */
export function millisOf(text: string, zone?: string): number {
  const trimmed = text.trim();
  return ISO_WITH_OFFSET.test(trimmed) ? Date.parse(trimmed) : readTime(trimmed, zone).toMillis();
}

/**
 * Sorted by instant; each slot read once (a comparison sort would read it log n times).
 *
 * @example byInstant(['2026-12-01T10:00:00-05:00', '2026-12-01T14:00:00Z']); // the 14:00Z slot first
 */
export function byInstant(slots: readonly string[], zone?: string): string[] {
  return slots
    .map((slot) => ({ slot, at: millisOf(slot, zone) }))
    .sort((a, b) => a.at - b.at)
    .map(({ slot }) => slot);
}

/**
 * Slots by local date (YYYY-MM-DD) in `timezone`, each day in time order.
 *
 * @example groupByDay(slots, 'America/New_York').get('2026-12-01'); // that day's slots
 */
export function groupByDay(slots: readonly string[], timezone?: string): Map<string, string[]> {
  const days = new Map<string, string[]>();
  for (const slot of byInstant(slots)) {
    const day = readTime(slot, timezone).toISODate() ?? '';
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return days;
}
