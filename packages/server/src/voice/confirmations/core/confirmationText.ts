/**
 * The words of a confirmation: an SMS, or an email's subject and HTML, in the caller's language
 * (en, es, fr, de) with the appointment's time in the caller's timezone. The workspace may write
 * its own (`settings.confirmations.templates`), with `{when}`, `{name}`, `{service}` and
 * `{provider}` filled in; without one, the default sentence leaves out what is not known.
 */
import { DateTime } from 'luxon';
import { languageOf, type Language } from '../../core/settings.js';
import type { ChangeKind } from './change.js';
import { startInstant } from './change.js';

/** What a confirmation says; empty strings for what is not known. */
export interface ConfirmationDetails {
  kind: ChangeKind;
  start: string;
  timezone: string;
  locale: string;
  /** Whom to greet: the caller's first name. */
  name: string;
  service: string;
  provider: string;
}

export type ConfirmationTemplates = Partial<Record<ChangeKind, string>>;

export interface ConfirmationText {
  /** The SMS, and the email's text. */
  text: string;
  subject: string;
  /** The email's body: the text, escaped, in a paragraph. */
  html: string;
}

interface Words {
  /** Joins a date and a clock time ("Tuesday, December 1" + "2:30 PM"). */
  at(date: string, clock: string): string;
  greeting(name: string): string;
  appointment(service: string, provider: string): string;
  sentence: Record<ChangeKind, (appointment: string, when: string) => string>;
  subject: Record<ChangeKind, string>;
}

const WORDS: Record<Language, Words> = {
  en: {
    at: (date, clock) => `${date} at ${clock}`,
    greeting: (name) => (name ? `Hi ${name},` : 'Hi,'),
    appointment: (service, provider) =>
      `your ${service ? `${service} ` : ''}appointment${provider ? ` with ${provider}` : ''}`,
    sentence: {
      booked: (appointment, when) =>
        `${appointment} is confirmed for ${when}. Reply to this message to change it.`,
      rescheduled: (appointment, when) =>
        `${appointment} has been moved to ${when}. Reply to this message to change it.`,
      cancelled: (appointment, when) =>
        `${appointment} on ${when} has been cancelled. Reply to this message to book a new time.`,
    },
    subject: {
      booked: 'Your appointment is confirmed',
      rescheduled: 'Your appointment has been moved',
      cancelled: 'Your appointment has been cancelled',
    },
  },
  es: {
    // "a la una", "a las dos": the article agrees with the hour.
    at: (date, clock) => `${date} ${/^0?1\D/.test(clock) ? 'a la' : 'a las'} ${clock}`,
    greeting: (name) => (name ? `Hola ${name},` : 'Hola,'),
    appointment: (service, provider) =>
      `su cita${service ? ` de ${service}` : ''}${provider ? ` con ${provider}` : ''}`,
    sentence: {
      booked: (appointment, when) =>
        `${appointment} está confirmada para el ${when}. Responda a este mensaje para cambiarla.`,
      rescheduled: (appointment, when) =>
        `${appointment} se ha cambiado al ${when}. Responda a este mensaje para cambiarla.`,
      cancelled: (appointment, when) =>
        `${appointment} del ${when} ha sido cancelada. Responda a este mensaje para reservar otra.`,
    },
    subject: {
      booked: 'Su cita está confirmada',
      rescheduled: 'Su cita ha cambiado',
      cancelled: 'Su cita ha sido cancelada',
    },
  },
  fr: {
    at: (date, clock) => `${date} à ${clock}`,
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    appointment: (service, provider) =>
      `votre rendez-vous${service ? ` pour ${service}` : ''}${provider ? ` avec ${provider}` : ''}`,
    sentence: {
      booked: (appointment, when) =>
        `${appointment} est confirmé pour le ${when}. Répondez à ce message pour le modifier.`,
      rescheduled: (appointment, when) =>
        `${appointment} a été déplacé au ${when}. Répondez à ce message pour le modifier.`,
      cancelled: (appointment, when) =>
        `${appointment} du ${when} a été annulé. Répondez à ce message pour en prendre un autre.`,
    },
    subject: {
      booked: 'Votre rendez-vous est confirmé',
      rescheduled: 'Votre rendez-vous a été déplacé',
      cancelled: 'Votre rendez-vous a été annulé',
    },
  },
  de: {
    // "um 14:30 Uhr"; a 12-hour clock ("2:30 PM") already says what it is.
    at: (date, clock) => `${date} um ${clock}${/\d$/.test(clock) ? ' Uhr' : ''}`,
    greeting: (name) => (name ? `Hallo ${name},` : 'Hallo,'),
    appointment: (service, provider) =>
      `Ihr Termin${service ? ` für ${service}` : ''}${provider ? ` bei ${provider}` : ''}`,
    sentence: {
      booked: (appointment, when) =>
        `${appointment} am ${when} ist bestätigt. Antworten Sie auf diese Nachricht, um ihn zu ändern.`,
      rescheduled: (appointment, when) =>
        `${appointment} wurde auf ${when} verschoben. Antworten Sie auf diese Nachricht, um ihn zu ändern.`,
      cancelled: (appointment, when) =>
        `${appointment} am ${when} wurde abgesagt. Antworten Sie auf diese Nachricht, um einen neuen Termin zu vereinbaren.`,
    },
    subject: {
      booked: 'Ihr Termin ist bestätigt',
      rescheduled: 'Ihr Termin wurde verschoben',
      cancelled: 'Ihr Termin wurde abgesagt',
    },
  },
};

const wordsFor = (locale: string) => WORDS[languageOf(locale) ?? 'en'];

/** Intl writes some spaces as no-break ones ("2:30 PM"); an SMS is cheaper without them. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/**
 * The appointment's time as the confirmation writes it: its day and clock time in the caller's
 * timezone and language, the year when it is not this year's, and the timezone named, so a
 * reader elsewhere is not misled.
 *
 * @example writtenWhen('2026-12-01T14:30:00-05:00', 'America/New_York', 'en-US', now); // 'Tuesday, December 1 at 2:30 PM (America/New_York)'
 * @example writtenWhen('2026-12-01T14:30:00-05:00', 'America/New_York', 'de-DE', now); // 'Dienstag, 1. Dezember um 14:30 Uhr (America/New_York)'
 */
export function writtenWhen(start: string, timezone: string, locale: string, now: Date): string {
  const time = startInstant(start, timezone).setLocale(locale);
  if (!time.isValid) return start;
  const thisYear = DateTime.fromJSDate(now).setZone(time.zone).year;
  const date = time.toLocaleString({
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(time.year === thisYear ? {} : { year: 'numeric' }),
  });
  // English says "2 PM" for a whole hour, as the voice does; other languages write "14:00".
  const wholeHourInEnglish = time.minute === 0 && languageOf(locale) === 'en';
  const clock = time.toLocaleString(
    wholeHourInEnglish ? { hour: 'numeric' } : { hour: 'numeric', minute: '2-digit' },
  );
  return plainSpaces(`${wordsFor(locale).at(date, clock)} (${timezone})`);
}

/**
 * A workspace's own template with its placeholders filled in. A value left empty leaves no gap
 * ("Hi {name}, …" without a name reads "Hi, …"); an unknown `{placeholder}` stays as written.
 *
 * @example fillTemplate('See you {when}, {name}!', { when: 'Tuesday at 2 PM', name: 'Ada' }); // 'See you Tuesday at 2 PM, Ada!'
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const filled = template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? values[key]! : whole,
  );
  return filled
    .replace(/\(\s*\)/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([,.])/g, '$1')
    .trim();
}

/**
 * Text as HTML: the characters HTML gives a meaning escaped, line breaks kept.
 *
 * @example escapeHtml('<b>Ada</b> & co'); // '&lt;b&gt;Ada&lt;/b&gt; &amp; co'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The confirmation of a change: the workspace's template for it when there is one, else the
 * default sentence in the caller's language.
 *
 * @example confirmationText({ kind: 'booked', start, timezone: 'America/New_York', locale: 'en-US', name: 'Ada', service: '', provider: '' }, {}, now).text;
 * // 'Hi Ada, your appointment is confirmed for Tuesday, December 1 at 2:30 PM (America/New_York). Reply to this message to change it.'
 */
export function confirmationText(
  details: ConfirmationDetails,
  templates: ConfirmationTemplates,
  now: Date,
): ConfirmationText {
  const words = wordsFor(details.locale);
  const when = writtenWhen(details.start, details.timezone, details.locale, now);
  const own = templates[details.kind];
  const text = own
    ? fillTemplate(own, {
        when,
        name: details.name,
        service: details.service,
        provider: details.provider,
      })
    : `${words.greeting(details.name)} ${words.sentence[details.kind](
        words.appointment(details.service, details.provider),
        when,
      )}`;
  return {
    text,
    subject: words.subject[details.kind],
    html: `<p>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`,
  };
}
