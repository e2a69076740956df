import { describe, expect, it } from 'vitest';
import { appointmentIdFromHighLevel, type AppointmentId, type ToolOutcome } from '../outcomes.js';
import { needsInfo } from '../speech.js';
import { spokenResult } from '../spokenResult.js';
import {
  readBookAppointment,
  readCancelAppointment,
  readRescheduleAppointment,
  type ToolContext,
} from '../toolArgs.js';
import { phrasebookFor } from './locales.js';

const NY = 'America/New_York';
/** Monday 2026-11-30, 10 AM in New York: December 1 is "tomorrow". */
const NOW = new Date('2026-11-30T15:00:00Z');
const apt = appointmentIdFromHighLevel({ id: 'apt_1' }) as AppointmentId;
const lee = { userId: 'usr_lee', name: 'Dr. Ann Lee' };

const offered: ToolOutcome = {
  status: 'ok',
  timezone: NY,
  slots: [
    { id: 's1', start: '2026-12-01T09:00:00-05:00' },
    { id: 's2', start: '2026-12-01T13:30:00-05:00' },
    { id: 's3', start: '2026-12-03T10:00:00-05:00' },
  ],
};
const offeredByLee: ToolOutcome = {
  status: 'ok',
  timezone: NY,
  provider: lee,
  slots: [
    { id: 's1', start: '2026-12-03T09:00:00-05:00' },
    { id: 's2', start: '2026-12-03T14:00:00-05:00' },
  ],
};
const bookedOutcome: ToolOutcome = {
  status: 'booked',
  appointmentId: apt,
  contactId: 'c_1',
  start: '2026-12-01T13:00:00-05:00',
  timezone: NY,
};
const nothingThatDay: ToolOutcome = {
  status: 'none',
  timezone: NY,
  askedDay: '2026-12-02',
  nearestDays: [
    { date: '2026-12-01', slots: [] },
    { date: '2026-12-03', slots: [] },
  ],
};

const say = (outcome: ToolOutcome, locale: string) => spokenResult(outcome, NOW, locale).message;
const labels = (outcome: ToolOutcome, locale: string) => {
  const result = spokenResult(outcome, NOW, locale);
  return 'slots' in result ? result.slots.map((slot) => slot.label) : [];
};

describe('the answers in each language', () => {
  it.each<[string, ToolOutcome, string, string]>([
    [
      'slots offered',
      offered,
      'es-ES',
      'Tengo disponibilidad mañana a las 9 o a las 13:30 o el jueves, 3 de diciembre a las 10. ¿Cuál prefiere?',
    ],
    [
      'slots offered',
      offered,
      'fr-FR',
      'Je peux vous proposer demain à 9 h ou à 13:30 ou le jeudi 3 décembre à 10 h. Quel créneau vous convient le mieux ?',
    ],
    [
      'slots offered',
      offered,
      'de-DE',
      'Ich kann Ihnen morgen um 9 Uhr oder um 13:30 Uhr oder am Donnerstag, 3. Dezember um 10 Uhr anbieten. Was passt Ihnen am besten?',
    ],
    [
      'slots with a team member',
      offeredByLee,
      'en-US',
      'Dr. Ann Lee has Thursday, December 3 at 9 AM or 2 PM. Which works best?',
    ],
    [
      'slots with a team member',
      offeredByLee,
      'es',
      'Dr. Ann Lee tiene disponibilidad el jueves, 3 de diciembre a las 9 o a las 14. ¿Cuál prefiere?',
    ],
    [
      'slots with a team member',
      offeredByLee,
      'fr',
      'Dr. Ann Lee est disponible le jeudi 3 décembre à 9 h ou à 14 h. Quel créneau vous convient le mieux ?',
    ],
    [
      'slots with a team member',
      offeredByLee,
      'de',
      'Dr. Ann Lee hat am Donnerstag, 3. Dezember um 9 Uhr oder um 14 Uhr Zeit. Was passt Ihnen am besten?',
    ],
    [
      'booked, by its date',
      bookedOutcome,
      'es-ES',
      'Su cita queda reservada para el martes, 1 de diciembre a las 13.',
    ],
    [
      'booked, by its date',
      bookedOutcome,
      'fr-FR',
      'Votre rendez-vous est confirmé pour le mardi 1er décembre à 13 h.',
    ],
    [
      'booked, by its date',
      bookedOutcome,
      'de-DE',
      'Ihr Termin am Dienstag, 1. Dezember um 13 Uhr ist gebucht.',
    ],
    [
      'booked at one o’clock in Mexico: "a la 1", one period at the end',
      bookedOutcome,
      'es-MX',
      'Su cita queda reservada para el martes, 1 de diciembre a la 1 p.m.',
    ],
    [
      'nothing that day',
      nothingThatDay,
      'es',
      'No tengo nada libre el miércoles, 2 de diciembre. Los días más cercanos con disponibilidad son mañana y el jueves, 3 de diciembre. ¿Quiere que consulte alguno de ellos?',
    ],
    [
      'nothing that day',
      nothingThatDay,
      'fr',
      "Je n'ai rien de libre le mercredi 2 décembre. Les jours les plus proches avec des disponibilités sont demain et le jeudi 3 décembre. Voulez-vous que je regarde l'un d'eux ?",
    ],
    [
      'nothing that day',
      nothingThatDay,
      'de',
      'Ich habe am Mittwoch, 2. Dezember nichts frei. Die nächsten Tage mit freien Terminen sind morgen und Donnerstag, 3. Dezember. Soll ich mir einen davon ansehen?',
    ],
  ])('%s (%s)', (_name, outcome, locale, message) => {
    expect(say(outcome, locale)).toBe(message);
  });

  it.each<[string, string[]]>([
    ['en-US', ['tomorrow at 9 AM', 'tomorrow at 1:30 PM', 'Thursday, December 3 at 10 AM']],
    ['es-ES', ['mañana a las 9', 'mañana a las 13:30', 'jueves, 3 de diciembre a las 10']],
    ['fr-FR', ['demain à 9 h', 'demain à 13:30', 'jeudi 3 décembre à 10 h']],
    ['de-DE', ['morgen um 9 Uhr', 'morgen um 13:30 Uhr', 'Donnerstag, 3. Dezember um 10 Uhr']],
  ])('labels each slot in %s', (locale, expected) => {
    expect(labels(offered, locale)).toEqual(expected);
  });

  it('says the team member in every answer about their time', () => {
    const moved: ToolOutcome = {
      status: 'rescheduled',
      appointmentId: apt,
      start: '2026-12-02T10:00:00-05:00',
      timezone: NY,
      provider: lee,
    };
    expect(say(moved, 'en-US')).toBe(
      'Your appointment with Dr. Ann Lee is moved to Wednesday, December 2 at 10 AM.',
    );
    expect(say(moved, 'de-DE')).toBe(
      'Ich habe Ihren Termin bei Dr. Ann Lee verschoben: Er ist jetzt am Mittwoch, 2. Dezember um 10 Uhr.',
    );
    expect(say({ ...bookedOutcome, provider: lee }, 'en-US')).toBe(
      "You're booked with Dr. Ann Lee for Tuesday, December 1 at 1 PM.",
    );
    expect(say({ ...nothingThatDay, provider: lee, nearestDays: [] }, 'en-US')).toBe(
      'Dr. Ann Lee has nothing free on Wednesday, December 2, and no openings on the days around it either.',
    );
    expect(
      say({ status: 'slot_unavailable', timezone: NY, provider: lee, alternatives: [] }, 'fr'),
    ).toBe(
      "Ce créneau vient d'être pris, et Dr. Ann Lee n'a pas d'autre disponibilité proche. Voulez-vous que je regarde d'autres jours ?",
    );
    expect(spokenResult(offeredByLee, NOW, 'es')).toMatchObject({ provider: lee });
  });

  it('names a repeated hour by its zone, in the language', () => {
    const twice: ToolOutcome = {
      status: 'ok',
      timezone: NY,
      slots: [{ id: 's', start: '2026-11-01T01:30:00-05:00' }],
    };
    expect(labels(twice, 'es-ES')).toEqual([
      'domingo, 1 de noviembre a la 1:30 (hora estándar oriental)',
    ]);
    expect(labels(twice, 'de-DE')).toEqual([
      'Sonntag, 1. November um 1:30 Uhr (Nordamerikanische Ostküsten-Normalzeit)',
    ]);
  });

  it('says the year of a date in another year', () => {
    const next: ToolOutcome = {
      status: 'ok',
      timezone: NY,
      appointments: [{ id: 'a', start: '2027-01-05T08:00:00-05:00' }],
    };
    expect(say(next, 'fr-FR')).toBe(
      'Vous avez un rendez-vous à venir : mardi 5 janvier 2027 à 8 h.',
    );
    expect(say(next, 'es')).toBe('Tiene una cita próxima: martes, 5 de enero de 2027 a las 8.');
  });

  it('falls back to English for a locale answers are not written in', () => {
    expect(say(offeredByLee, 'ja-JP')).toBe(say(offeredByLee, 'en-US'));
    expect(say({ status: 'error', code: 'unavailable' }, 'fr-')).toBe(
      "Je n'arrive pas à accéder à l'agenda pour le moment. Merci de réessayer dans un instant.",
    );
  });
});

describe('what the caller still has to say', () => {
  const context: ToolContext = { now: NOW, timezone: NY, defaultCountry: 'US' };
  const reported = [
    readBookAppointment({}, context),
    readRescheduleAppointment({}, context),
    readCancelAppointment({}, context),
  ].flatMap((read) => (read.ok ? [] : read.result.missing));

  it('covers every detail the tool readers report missing', () => {
    expect(new Set(reported)).toEqual(new Set(Object.keys(phrasebookFor('en').missing)));
  });

  it.each(['es', 'fr', 'de'])('is said in words in %s, never as field names', (locale) => {
    const { message } = needsInfo(reported, [], locale);
    expect(message).not.toMatch(/slotId|startTime|appointmentId|phone or email|\bname\b/);
  });

  it.each<[string, string]>([
    [
      'es',
      'Todavía necesito la hora de la cita, su nombre y su teléfono o su correo electrónico. Para date necesito a date as YYYY-MM-DD.',
    ],
    [
      'fr',
      "Il me faut encore l'horaire du rendez-vous, votre nom et votre numéro de téléphone ou votre adresse e-mail. Pour date, il me faut a date as YYYY-MM-DD.",
    ],
    [
      'de',
      'Ich brauche noch die gewünschte Uhrzeit, Ihren Namen und Ihre Telefonnummer oder E-Mail-Adresse. Für date brauche ich a date as YYYY-MM-DD.',
    ],
  ])('keeps what the model must re-send in its words (%s)', (locale, message) => {
    const invalid = [{ field: 'date', expected: 'a date as YYYY-MM-DD' }];
    expect(
      needsInfo(['slotId or startTime', 'name', 'phone or email'], invalid, locale).message,
    ).toBe(message);
  });
});
