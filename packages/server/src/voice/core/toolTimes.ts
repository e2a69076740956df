/**
 * Times as a model writes them in tool arguments: with an offset, or local to a timezone. A local
 * time the clocks skip is a problem to report, never a time moved an hour on; one they show twice
 * is its first occurrence.
 */
import { DateTime } from 'luxon';
import type { FieldProblem } from './outcomes.js';
import { EXPECTED, type Fields, type SlotChoice } from './toolFields.js';
import { timeZone } from '../../core/timeZones.js';

const WITH_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * A date-time as an instant with offset; offset-less text is local to `zone`, and a local time
 * the clocks show twice (when they go back) is its first occurrence, as calendars take it
 * (RFC 5545 §3.3.5).
 *
 * @example instant('2027-11-07T01:30', 'America/New_York').toISO(); // '2027-11-07T01:30:00.000-04:00'
 */
export function instant(value: string, zone: string): DateTime {
  const text = value.replace(' ', 'T');
  const read = DateTime.fromISO(text, { zone: timeZone(zone) });
  if (!read.isValid || WITH_OFFSET.test(text)) return read;
  const [first] = read.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  return first ?? read;
}

/**
 * Whether offset-less `value` names a local time that never happens in `zone` (skipped when the
 * clocks go forward); Luxon would quietly move it an hour on.
 */
function skippedLocalTime(value: string, zone: string): boolean {
  const text = value.replace(' ', 'T');
  if (WITH_OFFSET.test(text)) return false;
  const read = DateTime.fromISO(text, { zone: timeZone(zone) });
  const asWritten = DateTime.fromISO(text, { zone: 'UTC' });
  return read.isValid && (read.hour !== asWritten.hour || read.minute !== asWritten.minute);
}
/**
 * An instant as ISO 8601 with its offset, without milliseconds.
 *
 * @example iso(DateTime.fromISO('2026-12-01T14:30:00-05:00', { setZone: true })); // '2026-12-01T14:30:00-05:00'
 */
export const iso = (time: DateTime) => time.toISO({ suppressMilliseconds: true }) ?? '';

/**
 * The slot chosen: a slot id as given, or a start time read in `zone` (a skipped local time is a
 * problem, never moved an hour on).
 *
 * @example slotChoice({ startTime: '2026-12-01T14:30' }, 'America/New_York', invalid); // { startTime: '2026-12-01T14:30:00-05:00' }
 */
export function slotChoice(
  values: Fields,
  zone: string,
  invalid: FieldProblem[],
): SlotChoice | undefined {
  if (values.slotId) return { slotId: values.slotId };
  if (!values.startTime) return undefined;
  if (skippedLocalTime(values.startTime, zone)) {
    invalid.push({ field: 'startTime', expected: EXPECTED.existingTime });
    return undefined;
  }
  const start = instant(values.startTime, zone);
  if (start.isValid) return { startTime: iso(start) };
  invalid.push({ field: 'startTime', expected: EXPECTED.startTime });
  return undefined;
}
