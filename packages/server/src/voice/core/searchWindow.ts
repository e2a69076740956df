/**
 * `check_availability`'s arguments as a search window: instants in the caller's timezone, held to
 * the rules' horizon and to a length HighLevel can answer in a few requests. Words like
 * "tomorrow" are never guessed at: the model is told to send a date.
 */
import { DateTime } from 'luxon';
import type { FieldProblem } from './outcomes.js';
import {
  DATE_ONLY,
  EXPECTED,
  finish,
  readFields,
  TOOL_FIELDS,
  type ArgsResult,
  type Fields,
  type ToolContext,
} from './toolFields.js';
import { instant, iso } from './toolTimes.js';
import { timeZone } from '../../core/timeZones.js';

export interface CheckAvailabilityArgs {
  timezone: string;
  /** The window to search, instants with offset in `timezone`: [from, to). */
  from: string;
  to: string;
  /** The single local day asked about, if one was: "nothing that day" then offers nearby days. */
  askedDay?: string;
  service?: string;
  /** A team member by name, or "anyone". */
  provider?: string;
}
/**
 * The longest window one check searches. HighLevel's free slots take at most 31 days per request
 * (docs/highlevel-behaviour.md#free-slots), so a check costs a few of them, not thousands.
 */
export const MAX_SEARCH_DAYS = 62;

/**
 * The first instant past the last day the rules offer (`maxDaysAhead` days after today in the
 * workspace timezone), or `undefined` without a limit.
 *
 * @example searchHorizon({ now, timezone: 'America/Chicago', maxDaysAhead: 30 })?.toISO();
 */
export function searchHorizon(
  context: Pick<ToolContext, 'now' | 'timezone' | 'maxDaysAhead'>,
): DateTime | undefined {
  if (context.maxDaysAhead === undefined) return undefined;
  const today = DateTime.fromJSDate(context.now).setZone(timeZone(context.timezone));
  return today.startOf('day').plus({ days: context.maxDaysAhead + 1 });
}

/** The window of a check: instants in `zone`, plus the single day asked about, if any. */
function searchWindow(values: Fields, zone: string, now: DateTime, invalid: FieldProblem[]) {
  const dayStart = (date: string) =>
    DateTime.fromISO(date, { zone: timeZone(zone) }).startOf('day');
  const read = (value: string) => (DATE_ONLY.test(value) ? dayStart(value) : instant(value, zone));
  if (values.date) {
    const day = dayStart(values.date);
    return { from: day, to: day.plus({ days: 1 }), askedDay: values.date };
  }
  if (!values.from && !values.to) return { from: now, to: now.startOf('day').plus({ days: 8 }) };
  const from = values.from ? read(values.from) : now;
  if (!from.isValid) invalid.push({ field: 'from', expected: EXPECTED.dateOrTime });
  let to = from.startOf('day').plus({ days: 1 });
  if (values.to) {
    // A `to` written as a date includes that whole day.
    to = DATE_ONLY.test(values.to)
      ? dayStart(values.to).plus({ days: 1 })
      : instant(values.to, zone);
    if (!to.isValid) invalid.push({ field: 'to', expected: EXPECTED.dateOrTime });
  }
  const oneDay =
    values.from && DATE_ONLY.test(values.from) && (!values.to || values.to === values.from);
  return { from, to, ...(oneDay ? { askedDay: values.from } : {}) };
}

/**
 * The end of the window once held to the rules' horizon and `MAX_SEARCH_DAYS`: a window asked
 * for past them is refused (naming the field) before HighLevel is asked anything; the default
 * window is only shortened.
 */
function tooFar(
  values: Fields,
  start: DateTime,
  window: { to: DateTime },
  horizon: DateTime | undefined,
  invalid: FieldProblem[],
): DateTime {
  if (invalid.length) return window.to;
  const asked = values.date || values.from || values.to;
  const field = values.date ? 'date' : values.to ? 'to' : 'from';
  const lastDay = horizon?.minus({ days: 1 }).toISODate();
  if (horizon && window.to > horizon) {
    if (!asked) return horizon;
    invalid.push({ field, expected: `a date no later than ${lastDay}` });
  } else if (window.to.diff(start, 'days').days > MAX_SEARCH_DAYS) {
    invalid.push({ field, expected: `a window of at most ${MAX_SEARCH_DAYS} days` });
  }
  return window.to;
}

/**
 * `check_availability {date? | from?, to?, timezone?, service?}` as a search window. `date` wins
 * over `from`/`to`; a `from` alone searches to the end of its day; nothing given means from now
 * to the end of the seventh day; a window reaching into the past starts now. A window past the
 * rules' `maxDaysAhead`, or longer than `MAX_SEARCH_DAYS`, is refused.
 *
 * @example readCheckAvailability({ date: '2026-12-01' }, context); // { ok: true, args: { from: '2026-12-01T00:00:00-05:00', to: '2026-12-02T00:00:00-05:00', askedDay: '2026-12-01', … } }
 */
export function readCheckAvailability(
  raw: Record<string, unknown>,
  context: ToolContext,
): ArgsResult<CheckAvailabilityArgs> {
  const { values, invalid } = readFields(raw, TOOL_FIELDS.check_availability);
  const zone = values.timezone ?? context.timezone;
  const now = DateTime.fromJSDate(context.now).setZone(timeZone(zone));
  const window = searchWindow(values, zone, now, invalid);
  if (invalid.length === 0 && window.to <= window.from) {
    invalid.push({ field: 'to', expected: 'a time after from' });
  }
  if (invalid.length === 0 && window.to <= now) {
    invalid.push({ field: values.date ? 'date' : 'to', expected: 'today or a later date' });
  }
  const start = window.from < now ? now : window.from;
  const end = tooFar(values, start, window, searchHorizon(context), invalid);
  return finish([], invalid, () => ({
    timezone: zone,
    from: iso(start),
    to: iso(end),
    ...(window.askedDay ? { askedDay: window.askedDay } : {}),
    ...(values.service ? { service: values.service } : {}),
    ...(values.provider ? { provider: values.provider } : {}),
  }));
}
