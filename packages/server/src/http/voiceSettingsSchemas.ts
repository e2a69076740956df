/**
 * The voice settings as /openapi.json shows them: what `PUT /v1/workspaces/:ws/voice` takes
 * (voice/core/settings.ts decides what is accepted) and what it and `GET` answer.
 */
import {
  maskSecret,
  voiceSettingsSchema,
  voiceSettingsUpdateSchema,
} from '../voice/core/settings.js';
import { documented, parsedSchema } from './documentedSchemas.js';

const exampleAuth = { type: 'x-vapi-secret', secret: 'vapi-secret-0123456789-abcd' };
const exampleWhere = {
  calendarId: 'cal_8Hq2mY0pLz',
  timezone: 'America/New_York',
  defaultCountry: 'US',
};
const exampleWorkingHours = [
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
  { days: ['sat'], start: '10:00', end: '14:00' },
];

/** The body, validated by the route itself: `voiceSettingsUpdateSchema` decides what is accepted. */
export const VoiceSettingsInput = documented(voiceSettingsUpdateSchema).openapi(
  'VoiceSettingsInput',
  {
    description: [
      'The voice-booking settings; unknown keys are refused, so a misspelt rule is never ignored.',
      '',
      '- `calendarId`: the HighLevel calendar the agent books in.',
      "- `timezone`: the business's IANA timezone; working hours and blackout dates are read in it.",
      "- `defaultCountry`: the country of phone numbers said without a +country code; null (the default) reads them in the workspace's country for phones, as booking events do (its own `defaultCountry`, else the connected Location's), else `US`.",
      "- `rules`, applied on top of HighLevel's free slots: `workingHours` (default Monday to Friday 09:00–17:00), `bufferBeforeMinutes` and `bufferAfterMinutes` around existing appointments, `minLeadMinutes` of notice (default 60), `maxDaysAhead` (default 30; 0 is today only), `blackoutDates` as YYYY-MM-DD, `slotMinutes` (null: the calendar's slot length).",
      '- `slotsToOffer`: how many slots the agent offers at once (default 3).',
      '- `auth`: the credential Vapi presents: `bearer` (`Authorization: Bearer <secret>`), `x-vapi-secret` (`X-Vapi-Secret: <secret>`) or `hmac` (`x-vapi-signature` or `x-signature`: HMAC-SHA256 of the body, or of `{timestamp}.{body}` with an `x-timestamp` header, checked against a 300 s replay window; `maxAgeSeconds` makes the timestamp required and sets the window). To rotate it, send the old one as `previousSecret` with `previousSecretExpiresAt`; both work until then. Leave `secret` out to keep the stored one (and a rotation in progress), e.g. when only a rule changes.',
    ].join('\n'),
    example: {
      ...exampleWhere,
      rules: {
        workingHours: exampleWorkingHours,
        bufferAfterMinutes: 15,
        blackoutDates: ['2026-12-25'],
      },
      slotsToOffer: 3,
      auth: exampleAuth,
    },
  },
);

/** The settings as stored: every default filled in, secrets masked. */
export const VoiceSettingsSchema = parsedSchema(voiceSettingsSchema).openapi('VoiceSettings', {
  description:
    'The voice-booking settings with every default filled in; `auth.secret` and `auth.previousSecret` show only their last four characters.',
  example: {
    ...exampleWhere,
    rules: {
      workingHours: exampleWorkingHours,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 15,
      minLeadMinutes: 60,
      maxDaysAhead: 30,
      blackoutDates: ['2026-12-25'],
      slotMinutes: null,
    },
    slotsToOffer: 3,
    auth: { ...exampleAuth, secret: maskSecret(exampleAuth.secret) },
  },
});
