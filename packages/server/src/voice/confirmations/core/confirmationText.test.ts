import { describe, expect, it } from 'vitest';
import {
  confirmationText,
  escapeHtml,
  fillTemplate,
  writtenWhen,
  type ConfirmationDetails,
} from './confirmationText.js';

const NY = 'America/New_York';
const NOW = new Date('2026-11-20T12:00:00Z');
const START = '2026-12-01T14:30:00-05:00';

const details = (over: Partial<ConfirmationDetails> = {}): ConfirmationDetails => ({
  kind: 'booked',
  start: START,
  timezone: NY,
  locale: 'en-US',
  name: 'Ada',
  service: '',
  provider: '',
  ...over,
});

describe('confirmationText', () => {
  it('confirms a booking in plain English, with the time in the caller’s timezone', () => {
    expect(confirmationText(details(), {}, NOW).text).toBe(
      'Hi Ada, your appointment is confirmed for Tuesday, December 1 at 2:30 PM (America/New_York). Reply to this message to change it.',
    );
  });

  it('writes the time where the caller is, not where the business is', () => {
    const text = confirmationText(details({ timezone: 'America/Los_Angeles' }), {}, NOW).text;
    expect(text).toContain('Tuesday, December 1 at 11:30 AM (America/Los_Angeles)');
  });

  it('names the service and the team member when known, and leaves them out when not', () => {
    const both = confirmationText(details({ service: 'Haircut', provider: 'Olive' }), {}, NOW);
    expect(both.text).toMatch(/^Hi Ada, your Haircut appointment with Olive is confirmed for /);
    const nameless = confirmationText(details({ name: '' }), {}, NOW);
    expect(nameless.text).toMatch(/^Hi, your appointment is confirmed/);
  });

  it('says a move and a cancellation in their own words', () => {
    expect(confirmationText(details({ kind: 'rescheduled' }), {}, NOW).text).toBe(
      'Hi Ada, your appointment has been moved to Tuesday, December 1 at 2:30 PM (America/New_York). Reply to this message to change it.',
    );
    const cancelled = confirmationText(details({ kind: 'cancelled' }), {}, NOW);
    expect(cancelled.text).toContain('on Tuesday, December 1 at 2:30 PM (America/New_York)');
    expect(cancelled.text).toContain('has been cancelled');
    expect(cancelled.subject).toBe('Your appointment has been cancelled');
  });

  it('writes Spanish, French and German with the local clock', () => {
    const say = (locale: string) => confirmationText(details({ locale }), {}, NOW).text;
    expect(say('es-ES')).toBe(
      'Hola Ada, su cita está confirmada para el martes, 1 de diciembre a las 14:30 (America/New_York). Responda a este mensaje para cambiarla.',
    );
    expect(say('fr-FR')).toBe(
      'Bonjour Ada, votre rendez-vous est confirmé pour le mardi 1 décembre à 14:30 (America/New_York). Répondez à ce message pour le modifier.',
    );
    expect(say('de-DE')).toBe(
      'Hallo Ada, Ihr Termin am Dienstag, 1. Dezember um 14:30 Uhr (America/New_York) ist bestätigt. Antworten Sie auf diese Nachricht, um ihn zu ändern.',
    );
  });

  it('uses the workspace’s own template, filling every placeholder', () => {
    const templates = { booked: 'See you {when}, {name}! {service} with {provider}.' };
    const text = confirmationText(
      details({ service: 'Massage', provider: 'Olive' }),
      templates,
      NOW,
    ).text;
    expect(text).toBe(
      'See you Tuesday, December 1 at 2:30 PM (America/New_York), Ada! Massage with Olive.',
    );
    // Only the booking's template was given: a cancellation keeps the default words.
    expect(confirmationText(details({ kind: 'cancelled' }), templates, NOW).text).toMatch(
      /^Hi Ada/,
    );
  });

  it('escapes a name in the email’s HTML, so a caller cannot write markup into it', () => {
    const email = confirmationText(details({ name: '<script>x</script>' }), {}, NOW);
    expect(email.html).toContain('Hi &lt;script&gt;x&lt;/script&gt;,');
    expect(email.html).not.toContain('<script>');
    expect(email.html.startsWith('<p>')).toBe(true);
    expect(email.subject).toBe('Your appointment is confirmed');
  });
});

describe('writtenWhen', () => {
  it('says a whole hour without minutes in English, and the year when it is not this year', () => {
    expect(writtenWhen('2027-01-05T09:00:00-05:00', NY, 'en-US', NOW)).toBe(
      'Tuesday, January 5, 2027 at 9 AM (America/New_York)',
    );
  });

  it('reads a HighLevel time without an offset in the caller’s timezone', () => {
    expect(writtenWhen('2026-12-01 14:30:00', NY, 'en-US', NOW)).toBe(
      'Tuesday, December 1 at 2:30 PM (America/New_York)',
    );
  });

  it('agrees the Spanish article with one o’clock', () => {
    expect(writtenWhen('2026-12-01T13:00:00-05:00', NY, 'es-MX', NOW)).toBe(
      'martes, 1 de diciembre a la 1:00 p.m. (America/New_York)',
    );
  });

  it('writes plain spaces only, as an SMS costs more with others', () => {
    expect(writtenWhen(START, NY, 'en-US', NOW)).not.toMatch(/[\u00a0\u202f]/);
  });
});

describe('fillTemplate', () => {
  it('leaves no gap where a value is empty, and keeps a placeholder it does not know', () => {
    expect(
      fillTemplate('Hi {name}, see you ({provider}) {when}. {other}', {
        name: '',
        provider: '',
        when: 'soon',
      }),
    ).toBe('Hi, see you soon. {other}');
  });
});

describe('escapeHtml', () => {
  it('escapes every character HTML gives a meaning', () => {
    expect(escapeHtml(`<a href="x">O'Brien & co</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; co&lt;/a&gt;',
    );
  });
});
