/**
 * A workspace's voice-booking settings (docs/vapi.md#voice-settings): which HighLevel calendar, the
 * workspace timezone, the booking rules applied on top of HighLevel's free slots, how many slots to
 * offer, and the credential Vapi presents. Parsed once at `PUT /v1/workspaces/:ws/voice`.
 *
 * Unknown keys are refused rather than dropped: a typo such as `bufferAfter` would otherwise be
 * silently ignored and the buffer never applied.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { isCountryCode } from '../../core/phone.js';
import { isTimeZone } from '../../core/timeZones.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const AUTH_TYPES = ['bearer', 'x-vapi-secret', 'hmac'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

/** "HH:MM" on a 24-hour clock; `24:00` closes a day at midnight. */
const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * Minutes since local midnight of an "HH:MM" time from the settings.
 *
 * @example minutesOfDay('17:30'); // 1050
 */
export function minutesOfDay(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

const bothClockTimes = (hours: { start: string; end: string }) =>
  CLOCK_TIME.test(hours.start) && CLOCK_TIME.test(hours.end);

const clockTime = z
  .string()
  .trim()
  .regex(CLOCK_TIME, { message: 'expected a 24-hour time as HH:MM, like 09:00 or 17:30' });

const workingHours = z
  .strictObject({
    days: z
      .array(z.enum(WEEKDAYS, { error: `expected weekdays among ${WEEKDAYS.join(', ')}` }))
      .min(1, 'expected at least one weekday')
      .transform((days) => WEEKDAYS.filter((day) => days.includes(day))),
    start: clockTime,
    end: clockTime,
  })
  // A malformed time already has its own problem; comparing it would only add noise.
  .refine(
    (hours) => !bothClockTimes(hours) || minutesOfDay(hours.end) > minutesOfDay(hours.start),
    {
      message: 'expected the end after the start (hours past midnight belong to the next day)',
      path: ['end'],
    },
  );

const localDate = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid, {
    message: 'expected a date as YYYY-MM-DD, like 2026-12-25',
  });

const minutes = (max: number, fallback: number) =>
  z.number().int('expected whole minutes').min(0).max(max).default(fallback);

export const availabilityRulesSchema = z.strictObject({
  workingHours: z
    .array(workingHours)
    .default([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }]),
  bufferBeforeMinutes: minutes(24 * 60, 0),
  bufferAfterMinutes: minutes(24 * 60, 0),
  /** Calls are live: an hour's notice gives the business time to see a new appointment. */
  minLeadMinutes: minutes(30 * 24 * 60, 60),
  /** Whole local days after today; 0 means today only. */
  maxDaysAhead: z.number().int('expected whole days').min(0).max(365).default(30),
  blackoutDates: z
    .array(localDate)
    .default([])
    .transform((dates) => [...new Set(dates)].sort()),
  /** Length of the appointment when it differs from the calendar's slot; null = the calendar's. */
  slotMinutes: z.number().int('expected whole minutes').min(5).max(1440).nullable().default(null),
});

function secretProblem(value: string): string | undefined {
  if (value.startsWith('••••'))
    return 'expected the full secret; GET returns it masked, so send the secret itself';
  if (value.length < 16) return 'expected at least 16 characters';
  if (value.length > 512 || /\s/.test(value))
    return 'expected at most 512 characters and no spaces';
  return undefined;
}

const secret = z.string().superRefine((value, ctx) => {
  const message = secretProblem(value);
  if (message) ctx.addIssue({ code: 'custom', message });
});

const instantWithOffset = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 date-time, like 2026-12-01T15:00:00Z',
});

const authFields = {
  type: z.enum(AUTH_TYPES, { error: `expected one of ${AUTH_TYPES.join(', ')}` }),
  secret,
  /** During a rotation the old secret keeps working until `previousSecretExpiresAt`. */
  previousSecret: secret.optional(),
  previousSecretExpiresAt: instantWithOffset.optional(),
  /**
   * `hmac` only: requests must carry a signed `x-timestamp` at most this many seconds from the
   * server's clock (the replay window). Without it a timestamp, when sent, gets 300 s.
   */
  maxAgeSeconds: z.number().int().min(30).max(3600).optional(),
};

/** The rules every auth block follows, whether its secret was sent or kept. */
function authRules<T extends z.ZodType<Partial<VoiceAuthShape>>>(schema: T) {
  return schema
    .refine((value) => value.maxAgeSeconds === undefined || value.type === 'hmac', {
      message: 'maxAgeSeconds applies to hmac only (the other types sign no timestamp)',
      path: ['maxAgeSeconds'],
    })
    .refine(
      (value) =>
        (value.previousSecret === undefined) === (value.previousSecretExpiresAt === undefined),
      {
        message:
          'expected previousSecret and previousSecretExpiresAt together (a rotation needs an end)',
        path: ['previousSecretExpiresAt'],
      },
    );
}

interface VoiceAuthShape {
  type: string;
  previousSecret: string;
  previousSecretExpiresAt: string;
  maxAgeSeconds: number;
}

const auth = authRules(z.strictObject(authFields));

/** Whether Intl knows the tag (it throws on a malformed one, like `fr-`). */
function isLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
}

/** The languages answers and confirmations are written in; a locale names one and a region. */
export const LANGUAGES = ['en', 'es', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The language of a BCP 47 locale (`es-MX` → `es`), or `undefined` when it is not one answers
 * are written in.
 *
 * @example languageOf('es-MX'); // 'es'
 */
export function languageOf(locale: string): Language | undefined {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((known) => known === language);
}

const locale = z
  .string()
  .trim()
  .refine((value) => languageOf(value) !== undefined && isLocale(value), {
    message: `expected a locale in ${LANGUAGES.join(', ')}, like en-US, es-MX, fr-FR or de-DE`,
  });

/** A service the caller can ask for, and the HighLevel calendar that books it. */
const service = z.strictObject({
  name: z.string().trim().min(1, 'expected the service as callers say it, like "Haircut"').max(200),
  /** Other ways callers say it ("cut", "trim"). */
  aliases: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  calendarId: z.string().trim().min(1, 'expected the HighLevel calendar id'),
});

export const CONFIRMATION_CHANNELS = ['sms', 'email'] as const;
export type ConfirmationChannel = (typeof CONFIRMATION_CHANNELS)[number];

/** Own words for a confirmation; `{when}`, `{name}`, `{service}` and `{provider}` are filled in. */
const template = z.string().trim().min(1).max(1000).optional();

const confirmations = z.strictObject({
  /** Empty: nothing is sent. SMS needs the contact's phone, email its address. */
  channels: z
    .array(
      z.enum(CONFIRMATION_CHANNELS, { error: `expected ${CONFIRMATION_CHANNELS.join(' or ')}` }),
    )
    .default([])
    .transform((channels) => [...new Set(channels)]),
  templates: z
    .strictObject({ booked: template, rescheduled: template, cancelled: template })
    .prefault({}),
  /** Local hours (the caller's timezone) when nothing is sent; a send waits for the end. */
  quietHours: z.strictObject({ start: clockTime, end: clockTime }).nullable().default(null),
});

const transferDestination = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('number'),
    number: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 number, like +14155550100'),
    extension: z
      .string()
      .trim()
      .regex(/^\d{1,10}$/, 'expected digits')
      .optional(),
  }),
  z.strictObject({
    type: z.literal('sip'),
    sipUri: z
      .string()
      .trim()
      .regex(/^sips?:\S+@\S+$/, 'expected a SIP URI, like sip:desk@pbx.example.com'),
  }),
]);

const handoff = z.strictObject({
  /** Where Vapi transfers the call; null: no transfer, the caller is told the team will call back. */
  destination: transferDestination.nullable().default(null),
  /** Failed tool answers in one call before the caller is handed to a person. */
  afterFailures: z.number().int().min(1).max(10).default(2),
  /** The HighLevel user the alert task is assigned to; null: the task is left unassigned. */
  alertUserId: z.string().trim().min(1).nullable().default(null),
});

export const voiceSettingsSchema = z.strictObject({
  calendarId: z.string().trim().min(1, 'expected the HighLevel calendar id'),
  timezone: z.string().trim().refine(isTimeZone, {
    message: 'expected an IANA timezone, like America/New_York',
  }),
  /**
   * Country for phone numbers said without a country code; null: the workspace's country for
   * phones (its `defaultCountry`, else the connected Location's), as booking events use.
   */
  defaultCountry: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { message: 'expected a two-letter country code, like US or GB' })
    .nullable()
    .default(null),
  rules: availabilityRulesSchema.prefault({}),
  slotsToOffer: z.number().int().min(1).max(10).default(3),
  /** The language answers are spoken in, unless the assistant passes the caller's. */
  locale: locale.default('en-US'),
  /** Services with calendars of their own; `calendarId` books anything else. */
  services: z.array(service).max(100).default([]),
  confirmations: confirmations.prefault({}),
  handoff: handoff.prefault({}),
  auth,
});

/**
 * What `PUT /v1/workspaces/:ws/voice` accepts: the settings, where `auth.secret` may be left out
 * to keep the stored one (GET shows it masked, so a form that changes a buffer cannot send it).
 * `keepStoredSecrets` fills it in.
 */
export const voiceSettingsUpdateSchema = voiceSettingsSchema.extend({
  auth: authRules(z.strictObject({ ...authFields, secret: secret.optional() })),
});

export type VoiceSettings = z.output<typeof voiceSettingsSchema>;
export type VoiceSettingsInput = z.input<typeof voiceSettingsSchema>;
export type AvailabilityRules = z.output<typeof availabilityRulesSchema>;
export type WorkingHours = AvailabilityRules['workingHours'][number];
export type VoiceAuth = VoiceSettings['auth'];
export type ServiceCalendar = VoiceSettings['services'][number];
export type ConfirmationSettings = VoiceSettings['confirmations'];
export type HandoffSettings = VoiceSettings['handoff'];
export type TransferDestination = NonNullable<HandoffSettings['destination']>;
export type VoiceSettingsUpdate = z.output<typeof voiceSettingsUpdateSchema>;

/**
 * A secret shown as its last four characters, enough to tell two apart and nothing more.
 *
 * @example maskSecret('sk_live_0123456789abcd'); // '••••abcd'
 */
export function maskSecret(value: string): string {
  return `••••${value.slice(-4)}`;
}

/**
 * The settings as `GET /v1/workspaces/:ws/voice` shows them: secrets masked.
 *
 * @example maskSettings(settings).auth.secret; // '••••abcd'
 */
export function maskSettings(settings: VoiceSettings): VoiceSettings {
  const { previousSecret, ...auth } = settings.auth;
  return {
    ...settings,
    auth: {
      ...auth,
      secret: maskSecret(auth.secret),
      ...(previousSecret === undefined ? {} : { previousSecret: maskSecret(previousSecret) }),
    },
  };
}

/**
 * The auth settings after a rotation: `newSecret` becomes current and the old one keeps working
 * for `graceMinutes`, long enough to update every assistant in Vapi.
 *
 * @example rotateSecret(settings.auth, newSecret, new Date(), 60 * 24);
 */
export function rotateSecret(
  auth: VoiceAuth,
  newSecret: string,
  now: Date,
  graceMinutes: number,
): VoiceAuth {
  return {
    type: auth.type,
    ...(auth.maxAgeSeconds !== undefined ? { maxAgeSeconds: auth.maxAgeSeconds } : {}),
    secret: newSecret,
    previousSecret: auth.secret,
    previousSecretExpiresAt: new Date(now.getTime() + graceMinutes * 60_000).toISOString(),
  };
}

/**
 * The settings to store from an update: a left-out `auth.secret` is the stored one, and so is a
 * rotation in progress (its previous secret and end) unless the update says otherwise; undefined
 * when the secret was left out and none is stored.
 *
 * @example keepStoredSecrets({ ...update, auth: { type: 'bearer' } }, stored.auth)?.auth.secret; // the stored secret
 */
export function keepStoredSecrets(
  update: VoiceSettingsUpdate,
  stored: VoiceAuth | undefined,
): VoiceSettings | undefined {
  const { secret: sent, ...rest } = update.auth;
  if (sent !== undefined) return { ...update, auth: { ...rest, secret: sent } };
  if (!stored) return undefined;
  const rotation =
    rest.previousSecret === undefined && stored.previousSecret !== undefined
      ? {
          previousSecret: stored.previousSecret,
          previousSecretExpiresAt: stored.previousSecretExpiresAt,
        }
      : {};
  return { ...update, auth: { ...rest, ...rotation, secret: stored.secret } };
}
