/**
 * The voice settings as the form edits them (text as typed, rows with keys) and back, and the
 * server's 422 `details.fields` by the field they name. The server decides what is valid
 * (voice/core/settings.ts): the form only turns text into numbers and sends it.
 */
import type { AuthType, VoiceSettings, VoiceSettingsInput, Weekday } from '../../api/voice';

export const WEEKDAYS: { value: Weekday; label: string; short: string }[] = [
  { value: 'mon', label: 'Monday', short: 'Mon' },
  { value: 'tue', label: 'Tuesday', short: 'Tue' },
  { value: 'wed', label: 'Wednesday', short: 'Wed' },
  { value: 'thu', label: 'Thursday', short: 'Thu' },
  { value: 'fri', label: 'Friday', short: 'Fri' },
  { value: 'sat', label: 'Saturday', short: 'Sat' },
  { value: 'sun', label: 'Sunday', short: 'Sun' },
];

export interface HoursDraft {
  /** Keeps a row's inputs in place while rows above it are removed. */
  key: number;
  days: Weekday[];
  start: string;
  end: string;
}

export interface SettingsDraft {
  calendarId: string;
  timezone: string;
  defaultCountry: string;
  workingHours: HoursDraft[];
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minLeadMinutes: string;
  maxDaysAhead: string;
  blackoutDates: string[];
  /** Empty: the calendar's own appointment length. */
  slotMinutes: string;
  slotsToOffer: string;
  authType: AuthType;
  /** Never the stored one: GET shows it masked, so saving needs it typed or generated again. */
  secret: string;
  /** `hmac` only; empty: a timestamp is optional and gets 300 s. */
  maxAgeSeconds: string;
  /**
   * The settings this form does not edit (language, services, confirmations, handoff), sent back
   * as stored: a save here must never reset what was set through the API.
   */
  kept: KeptSettings;
}

type KeptSettings = Pick<VoiceSettings, 'locale' | 'services' | 'confirmations' | 'handoff'>;

/** The server's defaults for the settings the form keeps (docs/vapi.md#voice-settings). */
const KEPT_DEFAULTS: KeptSettings = {
  locale: 'en-US',
  services: [],
  confirmations: { channels: [], templates: {}, quietHours: null },
  handoff: { destination: null, afterFailures: 2, alertUserId: null },
};

let lastKey = 0;
/** A working-hours row, Monday to Friday 09:00–17:00 unless told otherwise. */
export function hoursRow(hours: Partial<Omit<HoursDraft, 'key'>> = {}): HoursDraft {
  return {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: '09:00',
    end: '17:00',
    ...hours,
    key: ++lastKey,
  };
}

/**
 * The form's starting values: the stored settings or, before there are any, the server's defaults
 * (docs/vapi.md#voice-settings) in the given timezone.
 */
export function draftOf(
  settings: VoiceSettings | null,
  fallback: { timezone: string },
): SettingsDraft {
  const rules = settings?.rules;
  return {
    calendarId: settings?.calendarId ?? '',
    timezone: settings?.timezone ?? fallback.timezone,
    // Empty: the workspace's country for phones, which the server follows as it changes.
    defaultCountry: settings?.defaultCountry ?? '',
    workingHours: (rules?.workingHours ?? [{}]).map((hours) => hoursRow(hours)),
    bufferBeforeMinutes: String(rules?.bufferBeforeMinutes ?? 0),
    bufferAfterMinutes: String(rules?.bufferAfterMinutes ?? 0),
    minLeadMinutes: String(rules?.minLeadMinutes ?? 60),
    maxDaysAhead: String(rules?.maxDaysAhead ?? 30),
    blackoutDates: rules?.blackoutDates ?? [],
    slotMinutes: rules?.slotMinutes == null ? '' : String(rules.slotMinutes),
    slotsToOffer: String(settings?.slotsToOffer ?? 3),
    authType: settings?.auth.type ?? 'bearer',
    secret: '',
    maxAgeSeconds:
      settings?.auth.maxAgeSeconds === undefined ? '' : String(settings.auth.maxAgeSeconds),
    kept: settings
      ? {
          locale: settings.locale,
          services: settings.services,
          confirmations: settings.confirmations,
          handoff: settings.handoff,
        }
      : KEPT_DEFAULTS,
  };
}

/** A number as typed; an empty box is none (the boxes that must not be empty say so). */
const numberOf = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The body of `PUT /v1/workspaces/{ws}/voice`. */
export function settingsOf(draft: SettingsDraft): VoiceSettingsInput {
  const maxAgeSeconds = draft.authType === 'hmac' ? numberOf(draft.maxAgeSeconds) : undefined;
  return {
    calendarId: draft.calendarId,
    timezone: draft.timezone.trim(),
    defaultCountry: draft.defaultCountry.trim() || null,
    rules: {
      workingHours: draft.workingHours.map(({ days, start, end }) => ({ days, start, end })),
      bufferBeforeMinutes: Number(draft.bufferBeforeMinutes),
      bufferAfterMinutes: Number(draft.bufferAfterMinutes),
      minLeadMinutes: Number(draft.minLeadMinutes),
      maxDaysAhead: Number(draft.maxDaysAhead),
      blackoutDates: draft.blackoutDates,
      slotMinutes: numberOf(draft.slotMinutes) ?? null,
    },
    slotsToOffer: Number(draft.slotsToOffer),
    ...draft.kept,
    auth: {
      type: draft.authType,
      // Left out when empty: the server keeps the stored secret (and a rotation in progress).
      ...(draft.secret === '' ? {} : { secret: draft.secret }),
      ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }),
    },
  };
}

/**
 * The id of the input for a server field path.
 *
 * @example fieldId('rules.workingHours.0.end'); // 'voice-rules-workingHours-0-end'
 */
export const fieldId = (path: string) => `voice-${path.replace(/\W+/g, '-')}`;

/** The 422's field problems by path (`rules.blackoutDates.1`), each in the server's words. */
export function fieldErrors(details: unknown): Map<string, string> {
  const fields = (details as { fields?: { path?: unknown; message?: unknown }[] } | undefined)
    ?.fields;
  const errors = new Map<string, string>();
  for (const field of Array.isArray(fields) ? fields : []) {
    if (typeof field.path !== 'string' || typeof field.message !== 'string') continue;
    errors.set(
      field.path,
      errors.has(field.path) ? `${errors.get(field.path)}; ${field.message}` : field.message,
    );
  }
  return errors;
}

/** Where the server reports each part of the draft: a field's complaint goes once it is edited. */
const PATHS: Record<keyof SettingsDraft, string> = {
  // Not edited here: what the server says of them stays until the settings are saved.
  kept: 'kept',
  calendarId: 'calendarId',
  timezone: 'timezone',
  defaultCountry: 'defaultCountry',
  workingHours: 'rules.workingHours',
  bufferBeforeMinutes: 'rules.bufferBeforeMinutes',
  bufferAfterMinutes: 'rules.bufferAfterMinutes',
  minLeadMinutes: 'rules.minLeadMinutes',
  maxDaysAhead: 'rules.maxDaysAhead',
  blackoutDates: 'rules.blackoutDates',
  slotMinutes: 'rules.slotMinutes',
  slotsToOffer: 'slotsToOffer',
  authType: 'auth.type',
  secret: 'auth.secret',
  maxAgeSeconds: 'auth.maxAgeSeconds',
};

/** The complaints left once `patch` is applied: those about the fields it changes are gone. */
export function withoutErrorsOf(
  errors: Map<string, string>,
  patch: Partial<SettingsDraft>,
): Map<string, string> {
  const changed = Object.keys(patch).map((key) => PATHS[key as keyof SettingsDraft]);
  const kept = [...errors].filter(
    ([path]) => !changed.some((prefix) => path === prefix || path.startsWith(`${prefix}.`)),
  );
  return kept.length === errors.size ? errors : new Map(kept);
}

const NAMES: Record<string, string> = {
  calendarId: 'Calendar',
  timezone: 'Timezone',
  defaultCountry: 'Default country',
  'rules.workingHours': 'Working hours',
  'rules.bufferBeforeMinutes': 'Free time before',
  'rules.bufferAfterMinutes': 'Free time after',
  'rules.minLeadMinutes': 'Minimum notice',
  'rules.maxDaysAhead': 'Days ahead',
  'rules.blackoutDates': 'Blackout dates',
  'rules.slotMinutes': 'Appointment length',
  slotsToOffer: 'Times offered at once',
  'auth.type': 'Authentication type',
  'auth.secret': 'Secret',
  'auth.maxAgeSeconds': 'Timestamp window',
};
const PARTS: Record<string, string> = { days: 'days', start: 'opens', end: 'closes' };

/**
 * A server field path in the form's words.
 *
 * @example fieldName('rules.workingHours.0.end'); // 'Working hours 1, closes'
 */
export function fieldName(path: string): string {
  const hours = /^rules\.workingHours\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (hours) {
    const part = hours[2] ? PARTS[hours[2]] : undefined;
    return `Working hours ${Number(hours[1]) + 1}${part ? `, ${part}` : ''}`;
  }
  const date = /^rules\.blackoutDates\.(\d+)$/.exec(path);
  if (date) return `Blackout date ${Number(date[1]) + 1}`;
  return NAMES[path] ?? path;
}
