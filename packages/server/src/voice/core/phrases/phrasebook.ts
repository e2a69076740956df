/**
 * What one language must be able to say: the grammar of days and times around the dates Intl
 * writes, and every answer a voice tool gives. One phrasebook per language (`en.ts`, `es.ts`,
 * `fr.ts`, `de.ts`); a phrase missing from one fails to compile. What is translated and what
 * stays English for the model: docs/vapi.md#languages.
 */
import type { FailureCode, NoAppointment } from '../outcomes.js';

/** A day as Intl writes it in the locale ("Tuesday, December 1"), or "today"/"tomorrow". */
export interface SpokenDay {
  name: string;
  /** "today" or "tomorrow": said without the word a date takes ("on", es "el", de "am"). */
  relative: boolean;
}

/** A clock time as the locale writes it ("2:30 PM", "14:30", "9 Uhr"). */
export interface SpokenClock {
  time: string;
  /** The zone's name, when the clocks show this time twice on that day (they go back). */
  zone?: string;
}

/**
 * A day, or a day and its times, both ways a sentence needs it: on its own, as a label
 * ("Tuesday, December 1 at 2 PM"), and as said after a verb (en "on Tuesday, …", es "el martes,
 * …", de "am Dienstag, …"; "today …" in every language takes no such word).
 */
export interface When {
  label: string;
  on: string;
}

/** The details `needs_info` names in `missing` (the tool readers' words), said to the caller. */
export type MissingDetail =
  'name' | 'phone or email' | 'slotId or startTime' | 'appointmentId, phone or email';

/** What was not found: one appointment, the caller's next one, or any of theirs. */
export type NothingFound = NoAppointment['lookedFor'] | 'callers_upcoming_appointments';

export interface Phrasebook {
  /** A list, as said: en "9 AM, 11 AM or 2 PM". */
  list(items: readonly string[], conjunction: 'or' | 'and'): string;
  /** The day of the month inside a date: "1", but French says "1er". */
  dayOfMonth(day: number): string;
  /** A day inside a sentence: en "on Tuesday, December 1", but "today". */
  onDay(day: SpokenDay): string;
  /** The times of one day, after its name: en "at 9 AM or 2:30 PM", es "a las 9 o a las 14:30". */
  atTimes(clocks: readonly SpokenClock[]): string;

  /** `check_availability` found slots (with whom, on a team calendar). */
  slotsOffered(slots: When, provider?: string): string;
  /** Nothing free on the day asked (or in the window, without `asked`); the nearest days. */
  noSlots(asked: When | undefined, nearest: readonly When[], provider?: string): string;
  booked(when: When, provider?: string): string;
  /** The slot went; `alternatives` are the slots near it, if any. */
  slotTaken(alternatives: When | undefined, provider?: string): string;
  /** What the caller still has to say, each already in words (`missing`). */
  stillNeed(details: readonly string[]): string;
  missing: Record<MissingDetail, string>;
  /** A field the model must send again; `field` and `expected` stay as the model reads them. */
  fieldProblem(field: string, expected: string): string;
  rescheduled(when: When, provider?: string): string;
  cancelled(when: When): string;
  /** The whole sentence for what was looked for and not found. */
  notFound: Record<NothingFound, string>;
  /** "I couldn't find …" around other words. */
  couldNotFind(what: string): string;
  /** The caller's upcoming appointments, by their labels (at least one). */
  appointmentsFound(labels: readonly string[]): string;
  failures: Record<FailureCode, string>;
  handedOff: { transfer: string; callBack: string };
}
