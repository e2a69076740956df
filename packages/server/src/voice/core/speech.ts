/**
 * The words of each answer: one short message per outcome, in the locale asked (US English by
 * default), with the dates in the caller's timezone (`spokenTime.ts`). The sentences themselves
 * are in the phrasebooks (`phrases/`); `spokenResult.ts` picks the builder for an outcome.
 */
import type {
  AppointmentSummary,
  AppointmentsFound,
  Booked,
  Cancelled,
  DayWithSlots,
  Failed,
  NeedsInfo,
  NoSlots,
  NotFound,
  OfferedSlot,
  Rescheduled,
  SlotUnavailable,
  SlotsOffered,
  Transfer,
} from './results.js';
import type { AppointmentId, FailureCode, FieldProblem, HandOff, Provider } from './outcomes.js';
import { DEFAULT_LOCALE, phrasebookFor } from './phrases/locales.js';
import type { MissingDetail, NothingFound } from './phrases/phrasebook.js';
import { spokenDate, spokenSlots, spokenWhen } from './spokenTime.js';

/** How an answer is worded: its locale, and who the slots or the appointment are with. */
export interface Wording {
  /** A BCP 47 locale (`es-MX`); default US English. */
  locale?: string;
  /** The team member, on a team calendar: the answer says who. */
  provider?: Provider;
}

const withProvider = (provider: Provider | undefined) => (provider ? { provider } : {});

/** A time that ends in a period ("2 p.m." in Mexico) also ends the sentence: one period, not two. */
const said = (text: string) => text.replace(/(?<!\.)\.\.(?!\.)/g, '.');

/**
 * `check_availability` found slots.
 *
 * @example slotsOffered(tz, labelSlots(picked, tz)).message; // 'I have Tuesday, December 1 at 9 AM or 2:30 PM. Which works best?'
 * @example slotsOffered(tz, slots, now, { locale: 'es', provider }).message; // 'Dr. Ann Lee tiene disponibilidad el martes, 1 de diciembre a las 9 o a las 14:30. ¿Cuál prefiere?'
 */
export function slotsOffered(
  timezone: string,
  slots: OfferedSlot[],
  now?: Date,
  { locale = DEFAULT_LOCALE, provider }: Wording = {},
): SlotsOffered {
  const starts = slots.map((slot) => slot.start);
  const when = spokenSlots(starts, timezone, now, locale);
  return {
    status: 'ok',
    timezone,
    slots,
    ...withProvider(provider),
    message: said(phrasebookFor(locale).slotsOffered(when, provider?.name)),
  };
}

/**
 * Nothing on the day asked (`askedDay`, a YYYY-MM-DD in `timezone`), with the nearest days that
 * have openings.
 *
 * @example noSlots(tz, '2026-12-01', daysOffered(nearest, tz)).message; // 'I have nothing free on Tuesday, December 1. …'
 */
export function noSlots(
  timezone: string,
  askedDay: string | undefined,
  nearestDays: DayWithSlots[],
  now?: Date,
  { locale = DEFAULT_LOCALE, provider }: Wording = {},
): NoSlots {
  const asked = askedDay ? spokenDate(askedDay, timezone, now, locale) : undefined;
  const nearest = nearestDays.map((day) => spokenDate(day.date, timezone, now, locale));
  return {
    status: 'none',
    timezone,
    nearestDays,
    ...withProvider(provider),
    message: said(phrasebookFor(locale).noSlots(asked, nearest, provider?.name)),
  };
}

/**
 * `book_appointment` succeeded; the id type makes it impossible without HighLevel's answer.
 *
 * @example booked({ appointmentId, contactId, start: slot }, tz).message; // "You're booked for Tuesday, December 1 at 2:30 PM."
 */
export function booked(
  appointment: { appointmentId: AppointmentId; contactId: string; start: string },
  timezone: string,
  now?: Date,
  { locale = DEFAULT_LOCALE, provider }: Wording = {},
): Booked {
  const when = spokenWhen(appointment.start, timezone, now, locale);
  return {
    status: 'booked',
    ...appointment,
    ...withProvider(provider),
    message: said(phrasebookFor(locale).booked(when, provider?.name)),
  };
}

/**
 * The slot went between the offer and the booking: alternatives, not an error.
 *
 * @example slotUnavailable(labelSlots(others, tz), tz).message; // 'That time was just taken. I can offer …'
 */
export function slotUnavailable(
  alternatives: OfferedSlot[],
  timezone: string,
  now?: Date,
  { locale = DEFAULT_LOCALE, provider }: Wording = {},
): SlotUnavailable {
  const starts = alternatives.map((slot) => slot.start);
  const others = starts.length ? spokenSlots(starts, timezone, now, locale) : undefined;
  return {
    status: 'slot_unavailable',
    alternatives,
    ...withProvider(provider),
    message: said(phrasebookFor(locale).slotTaken(others, provider?.name)),
  };
}

/**
 * What the caller still has to say, and the fields the model must re-send in another form. Each
 * missing detail is said in the locale's words; a field and the form it expects stay as the
 * model reads them.
 *
 * @example needsInfo(['phone or email']).message; // 'I still need the phone or email.'
 * @example needsInfo(['name'], [], 'de-DE').message; // 'Ich brauche noch Ihren Namen.'
 */
export function needsInfo(
  missing: string[],
  invalid: FieldProblem[] = [],
  locale: string = DEFAULT_LOCALE,
): NeedsInfo {
  const words = phrasebookFor(locale);
  const details = missing.map((detail) =>
    Object.hasOwn(words.missing, detail) ? words.missing[detail as MissingDetail] : detail,
  );
  const parts: string[] = [];
  if (details.length) parts.push(words.stillNeed(details));
  for (const problem of invalid) parts.push(words.fieldProblem(problem.field, problem.expected));
  return {
    status: 'needs_info',
    missing,
    ...(invalid.length ? { invalid } : {}),
    message: said(parts.join(' ')),
  };
}

/**
 * `reschedule_appointment` moved the appointment (HighLevel's id required, as for `booked`).
 *
 * @example rescheduled(appointmentId, newSlot, tz).message; // 'Your appointment is moved to Wednesday, December 2 at 10 AM.'
 */
export function rescheduled(
  appointmentId: AppointmentId,
  start: string,
  timezone: string,
  now?: Date,
  { locale = DEFAULT_LOCALE, provider }: Wording = {},
): Rescheduled {
  const when = spokenWhen(start, timezone, now, locale);
  return {
    status: 'rescheduled',
    appointmentId,
    start,
    ...withProvider(provider),
    message: said(phrasebookFor(locale).rescheduled(when, provider?.name)),
  };
}

/**
 * `cancel_appointment` cancelled the appointment that started at `start`.
 *
 * @example cancelled('apt_1', start, tz).message; // 'Your appointment on Tuesday, December 1 at 2:30 PM is cancelled.'
 */
export function cancelled(
  appointmentId: string,
  start: string,
  timezone: string,
  now?: Date,
  locale: string = DEFAULT_LOCALE,
): Cancelled {
  const when = spokenWhen(start, timezone, now, locale);
  return {
    status: 'cancelled',
    appointmentId,
    message: said(phrasebookFor(locale).cancelled(when)),
  };
}

/**
 * Nothing matched: what was looked for (its sentence in the locale), or other words completing
 * "I couldn't find …".
 *
 * @example notFound('that_appointment', 'fr-FR').message; // 'Je ne trouve pas ce rendez-vous.'
 * @example notFound('an upcoming appointment for that phone number');
 */
export function notFound(
  lookedFor: NothingFound | (string & {}),
  locale: string = DEFAULT_LOCALE,
): NotFound {
  const words = phrasebookFor(locale);
  const message = Object.hasOwn(words.notFound, lookedFor)
    ? words.notFound[lookedFor as NothingFound]
    : words.couldNotFind(lookedFor);
  return { status: 'not_found', message };
}

/**
 * `find_appointments`: the caller's upcoming appointments, or `not_found` when there are none.
 *
 * @example appointmentsFound([{ id, start, label }]).message; // 'You have one upcoming appointment: Tuesday, December 1 at 2:30 PM.'
 */
export function appointmentsFound(
  appointments: AppointmentSummary[],
  locale: string = DEFAULT_LOCALE,
): AppointmentsFound | NotFound {
  if (appointments.length === 0) return notFound('callers_upcoming_appointments', locale);
  const labels = appointments.map((appointment) => appointment.label);
  return {
    status: 'ok',
    appointments,
    message: said(phrasebookFor(locale).appointmentsFound(labels)),
  };
}

/**
 * A failure the assistant should voice; `unconfirmed` never claims the booking failed.
 *
 * @example failed('unavailable').message; // 'The calendar is not reachable right now. Please try again in a moment.'
 */
export function failed(code: FailureCode, locale: string = DEFAULT_LOCALE): Failed {
  return { status: 'error', code, message: phrasebookFor(locale).failures[code] };
}

/**
 * The caller is handed to a person: put through when there is somewhere to transfer to, else
 * promised a call back.
 *
 * @example handedOff({ status: 'transfer', reason: 'caller_asked', transfer: true }).message; // 'Let me put you through to someone from the team.'
 */
export function handedOff(
  { status, reason, transfer }: HandOff,
  locale: string = DEFAULT_LOCALE,
): Transfer {
  const words = phrasebookFor(locale).handedOff;
  return { status, reason, transfer, message: transfer ? words.transfer : words.callBack };
}
