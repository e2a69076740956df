import { describe, expect, it } from 'vitest';
import type { VoiceSettings } from '../../api/voice';
import { draftOf, fieldErrors, fieldName, settingsOf, withoutErrorsOf } from './draft';

const FALLBACK = { timezone: 'Europe/London', country: 'GB' };

const stored: VoiceSettings = {
  calendarId: 'cal_1',
  timezone: 'America/New_York',
  defaultCountry: 'US',
  rules: {
    workingHours: [{ days: ['sat'], start: '10:00', end: '24:00' }],
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 15,
    minLeadMinutes: 120,
    maxDaysAhead: 14,
    blackoutDates: ['2026-12-25'],
    slotMinutes: null,
  },
  slotsToOffer: 2,
  // Set through the API, not edited by the form: a save must send them back as they are.
  locale: 'es-MX',
  services: [{ name: 'Haircut', aliases: ['cut'], calendarId: 'cal_cuts' }],
  confirmations: { channels: ['sms'], templates: {}, quietHours: { start: '21:00', end: '08:00' } },
  handoff: {
    destination: { type: 'number', number: '+14155550100' },
    afterFailures: 3,
    alertUserId: 'usr_1',
  },
  auth: { type: 'hmac', secret: '••••abcd', maxAgeSeconds: 60 },
};

describe('draftOf and settingsOf', () => {
  it('sends back what was stored, with the secret typed again', () => {
    const draft = { ...draftOf(stored, FALLBACK), secret: 'a-new-secret-0123456789' };
    expect(settingsOf(draft)).toEqual({
      ...stored,
      auth: { type: 'hmac', secret: 'a-new-secret-0123456789', maxAgeSeconds: 60 },
    });
  });

  it("starts a first setup from the server's defaults in the fallback zone", () => {
    const draft = draftOf(null, FALLBACK);
    expect(draft.defaultCountry).toBe('');
    const body = settingsOf(draft);
    expect(body).toMatchObject({
      calendarId: '',
      timezone: 'Europe/London',
      // None: phones follow the workspace's country.
      defaultCountry: null,
      rules: {
        workingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
        minLeadMinutes: 60,
        maxDaysAhead: 30,
        slotMinutes: null,
      },
      slotsToOffer: 3,
      locale: 'en-US',
      services: [],
      confirmations: { channels: [] },
      auth: { type: 'bearer' },
    });
  });

  it("keeps a country left empty empty: the workspace's, not a copy of it", () => {
    const draft = draftOf({ ...stored, defaultCountry: null }, FALLBACK);
    expect(draft.defaultCountry).toBe('');
    expect(settingsOf({ ...draft, defaultCountry: ' ' }).defaultCountry).toBeNull();
    expect(settingsOf({ ...draft, defaultCountry: 'IE' }).defaultCountry).toBe('IE');
  });

  it('sends a timestamp window for hmac only', () => {
    const draft = { ...draftOf(stored, FALLBACK), authType: 'bearer' as const };
    // An empty secret is left out: the server keeps the stored one, or asks for it.
    expect(settingsOf(draft).auth).toEqual({ type: 'bearer' });
  });
});

describe('field errors', () => {
  const errors = fieldErrors({
    fields: [
      { path: 'timezone', message: 'expected an IANA timezone' },
      { path: 'rules.workingHours.1.end', message: 'expected the end after the start' },
      { path: 'rules.workingHours.1.end', message: 'expected HH:MM' },
      { path: 7, message: 'not a path' },
    ],
  });

  it('keeps each field’s messages, joined', () => {
    expect([...errors]).toEqual([
      ['timezone', 'expected an IANA timezone'],
      ['rules.workingHours.1.end', 'expected the end after the start; expected HH:MM'],
    ]);
    expect(fieldErrors(undefined).size).toBe(0);
  });

  it.each([
    [{ timezone: 'UTC' }, ['rules.workingHours.1.end']],
    [{ workingHours: [] }, ['timezone']],
    [{ secret: 'x' }, ['timezone', 'rules.workingHours.1.end']],
  ])('forgets the complaints about what %j changes', (patch, left) => {
    expect([...withoutErrorsOf(errors, patch).keys()]).toEqual(left);
  });

  it.each([
    ['rules.workingHours.0.end', 'Working hours 1, closes'],
    ['rules.workingHours.2', 'Working hours 3'],
    ['rules.blackoutDates.1', 'Blackout date 2'],
    ['auth.secret', 'Secret'],
    ['(body)', '(body)'],
  ])('names %s as %s', (path, name) => {
    expect(fieldName(path)).toBe(name);
  });
});
