import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CountryCode } from '../../core/phone.js';
import {
  maskSecret,
  maskSettings,
  voiceSettingsSchema,
  type VoiceSettingsInput,
} from './settings.js';

const SECRET = 'vapi-secret-0123456789abcd';

const minimal: VoiceSettingsInput = {
  calendarId: 'cal_123',
  timezone: 'America/New_York',
  auth: { type: 'bearer', secret: SECRET },
};

function problems(input: unknown): Array<[string, string]> {
  const result = voiceSettingsSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('voiceSettingsSchema', () => {
  it('fills sane defaults around the three required fields', () => {
    expect(voiceSettingsSchema.parse(minimal)).toEqual({
      calendarId: 'cal_123',
      timezone: 'America/New_York',
      defaultCountry: null,
      rules: {
        workingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        minLeadMinutes: 60,
        maxDaysAhead: 30,
        blackoutDates: [],
        slotMinutes: null,
      },
      slotsToOffer: 3,
      locale: 'en-US',
      services: [],
      confirmations: {
        channels: [],
        templates: {},
        quietHours: null,
      },
      handoff: { destination: null, afterFailures: 2, alertUserId: null },
      auth: { type: 'bearer', secret: SECRET },
    });
  });

  it.each<[string, unknown, string]>([
    ['locale', { locale: 'pt-BR' }, 'expected a locale in en, es, fr, de'],
    ['services.0.calendarId', { services: [{ name: 'Haircut', calendarId: '' }] }, 'calendar id'],
    ['confirmations.channels.0', { confirmations: { channels: ['fax'] } }, 'expected sms or email'],
    [
      'confirmations.quietHours.end',
      { confirmations: { quietHours: { start: '21:00', end: '8am' } } },
      '24-hour time',
    ],
    [
      'handoff.destination.number',
      { handoff: { destination: { type: 'number', number: '555-0100' } } },
      'E.164',
    ],
  ])('refuses a bad %s with its path', (path, extra, words) => {
    const parsed = voiceSettingsSchema.safeParse({ ...minimal, ...(extra as object) });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toContain(words);
  });

  it('takes a service map, a transfer number and a Spanish locale', () => {
    const settings = voiceSettingsSchema.parse({
      ...minimal,
      locale: 'es-MX',
      services: [{ name: 'Haircut', aliases: ['cut'], calendarId: 'cal_cuts' }],
      handoff: { destination: { type: 'number', number: '+14155550100' }, alertUserId: 'usr_1' },
    });
    expect(settings.locale).toBe('es-MX');
    expect(settings.services).toEqual([
      { name: 'Haircut', aliases: ['cut'], calendarId: 'cal_cuts' },
    ]);
    expect(settings.handoff).toEqual({
      destination: { type: 'number', number: '+14155550100' },
      afterFailures: 2,
      alertUserId: 'usr_1',
    });
  });

  it('accepts the example of docs/vapi.md (voice settings)', () => {
    const settings = voiceSettingsSchema.parse({
      calendarId: 'cal_123',
      timezone: 'America/New_York',
      rules: {
        workingHours: [{ days: ['fri', 'mon', 'tue', 'wed', 'thu'], start: '09:00', end: '17:00' }],
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 15,
        minLeadMinutes: 120,
        maxDaysAhead: 30,
        blackoutDates: ['2026-12-25', '2026-12-24', '2026-12-25'],
        slotMinutes: null,
      },
      slotsToOffer: 3,
      auth: { type: 'hmac', secret: SECRET },
    });
    expect(settings.rules.workingHours[0]?.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(settings.rules.blackoutDates).toEqual(['2026-12-24', '2026-12-25']);
    expect(settings.defaultCountry).toBeNull();
  });

  it.each<[string, unknown, Array<[string, string]>]>([
    [
      'missing calendar',
      { ...minimal, calendarId: ' ' },
      [['calendarId', 'expected the HighLevel calendar id']],
    ],
    [
      'a zone that is not IANA',
      { ...minimal, timezone: 'Eastern' },
      [['timezone', 'expected an IANA timezone, like America/New_York']],
    ],
    [
      'end before start',
      { ...minimal, rules: { workingHours: [{ days: ['mon'], start: '17:00', end: '09:00' }] } },
      [
        [
          'rules.workingHours.0.end',
          'expected the end after the start (hours past midnight belong to the next day)',
        ],
      ],
    ],
    [
      'a 12-hour time',
      { ...minimal, rules: { workingHours: [{ days: ['mon'], start: '9am', end: '17:00' }] } },
      [['rules.workingHours.0.start', 'expected a 24-hour time as HH:MM, like 09:00 or 17:30']],
    ],
    [
      'a weekday spelled out',
      { ...minimal, rules: { workingHours: [{ days: ['monday'], start: '09:00', end: '17:00' }] } },
      [
        [
          'rules.workingHours.0.days.0',
          'expected weekdays among mon, tue, wed, thu, fri, sat, sun',
        ],
      ],
    ],
    [
      'no weekdays',
      { ...minimal, rules: { workingHours: [{ days: [], start: '09:00', end: '17:00' }] } },
      [['rules.workingHours.0.days', 'expected at least one weekday']],
    ],
    [
      'an impossible blackout date',
      { ...minimal, rules: { blackoutDates: ['2026-02-30'] } },
      [['rules.blackoutDates.0', 'expected a date as YYYY-MM-DD, like 2026-12-25']],
    ],
    [
      'a typo in a rule name',
      { ...minimal, rules: { bufferAfter: 15 } },
      [['rules', 'Unrecognized key: "bufferAfter"']],
    ],
    [
      'eleven slots to offer',
      { ...minimal, slotsToOffer: 11 },
      [['slotsToOffer', 'Too big: expected number to be <=10']],
    ],
    [
      'a short secret',
      { ...minimal, auth: { type: 'bearer', secret: 'short' } },
      [['auth.secret', 'expected at least 16 characters']],
    ],
    [
      'the masked secret sent back from GET',
      { ...minimal, auth: { type: 'bearer', secret: '••••abcd' } },
      [
        [
          'auth.secret',
          'expected the full secret; GET returns it masked, so send the secret itself',
        ],
      ],
    ],
    [
      'an unknown auth type',
      { ...minimal, auth: { type: 'basic', secret: SECRET } },
      [['auth.type', 'expected one of bearer, x-vapi-secret, hmac']],
    ],
    [
      'a previous secret without an end',
      { ...minimal, auth: { type: 'bearer', secret: SECRET, previousSecret: `old-${SECRET}` } },
      [
        [
          'auth.previousSecretExpiresAt',
          'expected previousSecret and previousSecretExpiresAt together (a rotation needs an end)',
        ],
      ],
    ],
    [
      'an unknown country',
      { ...minimal, defaultCountry: 'XX' },
      [['defaultCountry', 'expected a two-letter country code, like US or GB']],
    ],
  ])('refuses %s, naming the field', (_name, input, expected) => {
    expect(problems(input)).toEqual(expected);
  });

  it.each([
    ['midnight close', { workingHours: [{ days: ['sat'], start: '18:00', end: '24:00' }] }],
    ['a per-service slot length', { slotMinutes: 90 }],
    ['no working hours at all (closed)', { workingHours: [] }],
  ])('accepts %s', (_name, rules) => {
    expect(problems({ ...minimal, rules })).toEqual([]);
  });

  it('lower-case country codes are accepted, typed for the phone helpers', () => {
    const country = voiceSettingsSchema.parse({ ...minimal, defaultCountry: 'gb' }).defaultCountry;
    expect(country).toBe('GB');
    expectTypeOf(country).toEqualTypeOf<CountryCode | null>();
  });
});

describe('maskSettings', () => {
  it('masks the secret and the previous one, and nothing else', () => {
    const settings = voiceSettingsSchema.parse({
      ...minimal,
      auth: {
        type: 'x-vapi-secret',
        secret: SECRET,
        previousSecret: 'previous-secret-wxyz',
        previousSecretExpiresAt: '2026-12-01T15:00:00Z',
      },
    });
    const masked = maskSettings(settings);
    expect(masked.auth).toEqual({
      type: 'x-vapi-secret',
      secret: '••••abcd',
      previousSecret: '••••wxyz',
      previousSecretExpiresAt: '2026-12-01T15:00:00Z',
    });
    expect(masked.rules).toEqual(settings.rules);
    expect(JSON.stringify(masked)).not.toContain(SECRET.slice(0, 12));
    expect(settings.auth.secret).toBe(SECRET);
  });

  it('adds no previous secret when there is none', () => {
    expect(maskSettings(voiceSettingsSchema.parse(minimal)).auth).toEqual({
      type: 'bearer',
      secret: maskSecret(SECRET),
    });
  });
});
