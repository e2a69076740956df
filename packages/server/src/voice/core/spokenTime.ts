/**
 * Times as a caller hears them, in the caller's timezone and locale: weekdays, months, clock
 * times (12-hour in the US, 24-hour in Spain, France or Germany), "today" and "tomorrow" as Intl
 * writes them in the locale, put into sentences by the language's phrasebook (`phrases/`).
 * Deterministic: "today" and "tomorrow" are said only relative to a given `now`.
 */
import { DateTime } from 'luxon';
import type { SlotOption } from './outcomes.js';
import type { DayWithSlots, OfferedSlot } from './results.js';
import { DEFAULT_LOCALE, phrasebookFor, speakableLocale } from './phrases/locales.js';
import type { SpokenClock, SpokenDay, When } from './phrases/phrasebook.js';
import { timeZone } from '../../core/timeZones.js';

export type { When } from './phrases/phrasebook.js';

/** A locale Intl takes: a tag it can't read would throw deep inside a date's formatting. */
const intlLocale = (locale: string) => speakableLocale(locale) ?? DEFAULT_LOCALE;

/** Intl may put no-break spaces inside a time ("2:30 PM"); a caller hears plain ones. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function inZone(iso: string, timezone: string, locale: string): DateTime {
  return DateTime.fromISO(iso, { setZone: true }).setZone(timeZone(timezone)).setLocale(locale);
}

/**
 * A clock time as the locale writes it, minutes only when there are some ("9 AM", "2:30 PM";
 * es "9", "14:30"; de "9 Uhr"), without the leading zero some locales write on the hour ("09 h").
 * A time the clock shows twice (the hour repeated when clocks go back) also names the zone's
 * time, or the two would sound alike.
 */
function spokenClock(time: DateTime): SpokenClock {
  const written = time.toLocaleString(
    time.minute === 0 ? { hour: 'numeric' } : DateTime.TIME_SIMPLE,
  );
  const clock = plainSpaces(written).replace(/^0(?=\d)/, '');
  return time.getPossibleOffsets().length > 1
    ? { time: clock, zone: plainSpaces(time.toFormat('ZZZZZ')) }
    : { time: clock };
}

/**
 * A day in the zone and locale of `date`: "today"/"tomorrow" only when `now` is given, and the
 * year only when it is not this year's.
 */
function spokenDay(date: DateTime, now: Date | undefined): SpokenDay {
  let withYear = false;
  if (now) {
    const today = DateTime.fromJSDate(now).setZone(date.zone);
    const relative = new Intl.RelativeTimeFormat(date.locale ?? DEFAULT_LOCALE, {
      numeric: 'auto',
    });
    const day = date.toISODate();
    if (day === today.toISODate()) return { name: relative.format(0, 'day'), relative: true };
    if (day === today.plus({ days: 1 }).toISODate())
      return { name: relative.format(1, 'day'), relative: true };
    withYear = date.year !== today.year;
  }
  const phrases = phrasebookFor(date.locale ?? DEFAULT_LOCALE);
  const parts = date.toLocaleParts({
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(withYear ? { year: 'numeric' } : {}),
  });
  const name = parts
    .map(({ type, value }) =>
      type === 'day' && /^\d+$/.test(value) ? phrases.dayOfMonth(Number(value)) : value,
    )
    .join('');
  return { name: plainSpaces(name), relative: false };
}

/** A day with its times, both ways a sentence needs it. */
function whenOf(day: SpokenDay, clocks: readonly SpokenClock[], locale: string): When {
  const phrases = phrasebookFor(locale);
  const at = phrases.atTimes(clocks);
  return { label: `${day.name} ${at}`, on: `${phrases.onDay(day)} ${at}` };
}

/**
 * A local date (YYYY-MM-DD) said as a day in `timezone`, alone and inside a sentence.
 *
 * @example spokenDate('2026-12-02', 'America/New_York').label; // 'Wednesday, December 2'
 * @example spokenDate('2026-12-02', 'America/New_York', undefined, 'de-DE').on; // 'am Mittwoch, 2. Dezember'
 */
export function spokenDate(
  date: string,
  timezone: string,
  now?: Date,
  locale: string = DEFAULT_LOCALE,
): When {
  const spoken = intlLocale(locale);
  const day = spokenDay(
    DateTime.fromISO(date, { zone: timeZone(timezone) }).setLocale(spoken),
    now,
  );
  return { label: day.name, on: phrasebookFor(spoken).onDay(day) };
}

/**
 * An instant said in the caller's timezone and locale, alone and inside a sentence.
 *
 * @example spokenWhen('2026-12-01T14:30:00-05:00', 'America/New_York', undefined, 'es').on; // 'el martes, 1 de diciembre a las 14:30'
 */
export function spokenWhen(
  iso: string,
  timezone: string,
  now?: Date,
  locale: string = DEFAULT_LOCALE,
): When {
  const spoken = intlLocale(locale);
  const time = inZone(iso, timezone, spoken);
  if (!time.isValid) return { label: iso, on: iso };
  return whenOf(spokenDay(time, now), [spokenClock(time)], spoken);
}

/**
 * The spoken label of an instant in the caller's timezone.
 *
 * @example spokenDateTime('2026-12-01T14:30:00-05:00', 'America/New_York'); // 'Tuesday, December 1 at 2:30 PM'
 * @example spokenDateTime('2026-12-02T09:00:00-05:00', 'America/New_York', now); // 'tomorrow at 9 AM'
 * @example spokenDateTime('2026-12-01T14:30:00-05:00', 'Europe/Paris', undefined, 'fr-FR'); // 'mardi 1er décembre à 20:30'
 */
export function spokenDateTime(
  iso: string,
  timezone: string,
  now?: Date,
  locale: string = DEFAULT_LOCALE,
): string {
  return spokenWhen(iso, timezone, now, locale).label;
}

/**
 * A spoken list in the locale's language.
 *
 * @example spokenList(['9 AM', '11 AM', '2 PM']); // '9 AM, 11 AM or 2 PM'
 * @example spokenList(['lunes', 'martes'], 'and', 'es'); // 'lunes y martes'
 */
export function spokenList(
  items: readonly string[],
  conjunction: 'or' | 'and' = 'or',
  locale: string = DEFAULT_LOCALE,
): string {
  return phrasebookFor(locale).list(items, conjunction);
}

/**
 * Instants grouped by day, each day said once.
 *
 * @example spokenSlots(starts, 'America/New_York').label; // 'Tuesday, December 1 at 9 AM or 2 PM or Wednesday, December 2 at 10 AM'
 */
export function spokenSlots(
  starts: readonly string[],
  timezone: string,
  now?: Date,
  locale: string = DEFAULT_LOCALE,
): When {
  const spoken = intlLocale(locale);
  const days = new Map<string, { day: SpokenDay; clocks: SpokenClock[] }>();
  for (const start of starts) {
    const time = inZone(start, timezone, spoken);
    const day = spokenDay(time, now);
    const known = days.get(day.name) ?? { day, clocks: [] };
    days.set(day.name, { day, clocks: [...known.clocks, spokenClock(time)] });
  }
  const whens = [...days.values()].map(({ day, clocks }) => whenOf(day, clocks, spoken));
  const phrases = phrasebookFor(spoken);
  return {
    label: phrases.list(
      whens.map((when) => when.label),
      'or',
    ),
    on: phrases.list(
      whens.map((when) => when.on),
      'or',
    ),
  };
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
  locale: string = DEFAULT_LOCALE,
): OfferedSlot[] {
  return slots.map(({ id, start }) => ({
    id,
    start,
    label: spokenDateTime(start, timezone, now, locale),
  }));
}

/**
 * Days with openings, labelled for the caller ("Wednesday, December 2").
 *
 * @example daysOffered([{ date: '2026-12-02', slots }], 'America/New_York', now, 'fr-FR');
 */
export function daysOffered(
  days: ReadonlyArray<{ date: string; slots: readonly SlotOption[] }>,
  timezone: string,
  now?: Date,
  locale: string = DEFAULT_LOCALE,
): DayWithSlots[] {
  return days.map((day) => ({
    date: day.date,
    label: spokenDate(day.date, timezone, now, locale).label,
    slots: labelSlots(day.slots, timezone, now, locale),
  }));
}
