/**
 * Internal to the readers of tool arguments (`toolArgs.ts`, which re-exports the types callers
 * need, `searchWindow.ts` and `toolTimes.ts`).
 *
 * Reading single tool-call fields the way a language model writes them: blanks are "not given",
 * snake_case keys are accepted, each field is read on its own so one bad field never hides
 * another, and every problem says the form that is expected (for the `needs_info` answer).
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { toE164, type CountryCode } from '../../core/phone.js';
import type { FieldProblem, MissingDetails } from './outcomes.js';
import { isTimeZone } from '../../core/timeZones.js';

export interface ToolContext {
  now: Date;
  /** The workspace timezone, for times the model writes without an offset. */
  timezone: string;
  defaultCountry: CountryCode;
  /** The caller's number from the call, used when the model gives no phone. */
  callerNumber?: string;
  /** The rules' `maxDaysAhead`: no availability is searched past that day (default no limit). */
  maxDaysAhead?: number;
}

/** An offered slot's opaque id, or a start time (an instant with offset) to match against free slots. */
export type SlotChoice = { slotId: string } | { startTime: string };

/** Who the caller is; `phoneFrom` says whether the phone was said or is the calling number. */
export interface CallerDetails {
  phone?: string;
  phoneFrom?: 'arguments' | 'call';
  email?: string;
}

export type ArgsResult<T> = { ok: true; args: T } | { ok: false; result: MissingDetails };

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const DATE_OR_TIME = new RegExp(`${DATE_ONLY.source}|${DATE_TIME.source}`, 'i');

export const EXPECTED = {
  date: 'a date as YYYY-MM-DD, like 2026-12-01 (turn words like "tomorrow" into a date first)',
  dateOrTime:
    'a date as YYYY-MM-DD or a date and time like 2026-12-01T14:30 (no words like "tomorrow")',
  startTime:
    'a date and time like 2026-12-01T14:30:00-05:00, or the slot id from check_availability',
  existingTime:
    'a time that exists on that day: the clocks go forward then and skip it; offer the times check_availability gives',
  timezone: 'an IANA timezone, like America/New_York',
  phone: 'a phone number with its area code, like (415) 555-0100 or +14155550100',
  email: 'an email address, like ada@example.com',
  contactMethod: 'sms, email or call',
} as const;

const blank = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const text = (max: number) => {
  const expected = `text of at most ${max} characters`;
  return z.preprocess(blank, z.string({ error: expected }).trim().max(max, expected).optional());
};
const pattern = (regex: RegExp, expected: string) =>
  z.preprocess(blank, z.string({ error: expected }).trim().regex(regex, expected).optional());

const fields = {
  date: pattern(DATE_ONLY, EXPECTED.date).refine(
    (v) => v === undefined || DateTime.fromISO(v).isValid,
    EXPECTED.date,
  ),
  from: pattern(DATE_OR_TIME, EXPECTED.dateOrTime),
  to: pattern(DATE_OR_TIME, EXPECTED.dateOrTime),
  startTime: pattern(DATE_TIME, EXPECTED.startTime),
  timezone: pattern(/./, EXPECTED.timezone).refine(
    (v) => v === undefined || isTimeZone(v),
    EXPECTED.timezone,
  ),
  service: text(200),
  /** A team member by name ("Dr. Lee"), or "anyone". */
  provider: text(200),
  /** Why the caller moves or cancels, for the appointment's history. */
  reason: text(500),
  preferredContactMethod: z.preprocess(
    (v) => (typeof v === 'string' ? blank(v.trim().toLowerCase()) : v),
    z.enum(['sms', 'email', 'call'], { error: EXPECTED.contactMethod }).optional(),
  ),
  slotId: text(1000),
  appointmentId: text(200),
  name: text(200),
  firstName: text(100),
  lastName: text(100),
  notes: text(2000),
  email: z.preprocess(
    (v) => (typeof v === 'string' ? blank(v.trim().toLowerCase()) : v),
    z.email({ error: EXPECTED.email }).optional(),
  ),
  // Models sometimes send the digits as a number.
  phone: z.preprocess(
    (v) => blank(typeof v === 'number' ? String(v) : v),
    z.string({ error: EXPECTED.phone }).optional(),
  ),
};
export type Fields = { [K in keyof typeof fields]?: z.output<(typeof fields)[K]> };

/**
 * The arguments each tool reads (the assistant file may offer the model no others). Every tool
 * also takes `language` (toolArgs.ts `callerLocale`).
 */
export const TOOL_FIELDS = {
  check_availability: ['date', 'from', 'to', 'timezone', 'service', 'provider'],
  book_appointment: [
    'slotId',
    'startTime',
    'name',
    'firstName',
    'lastName',
    'phone',
    'email',
    'notes',
    'timezone',
    'service',
    'provider',
    'preferredContactMethod',
  ],
  reschedule_appointment: [
    'appointmentId',
    'slotId',
    'startTime',
    'phone',
    'email',
    'timezone',
    'reason',
  ],
  cancel_appointment: ['appointmentId', 'phone', 'email', 'reason'],
  find_appointments: ['phone', 'email'],
  transfer_to_human: ['reason'],
} as const satisfies Record<string, ReadonlyArray<keyof typeof fields>>;

const camel = (key: string) =>
  key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Every known field read on its own, so one bad field never hides another.
 *
 * @example const { values, invalid } = readFields(raw, ['phone', 'email']);
 */
export function readFields(
  raw: Record<string, unknown>,
  wanted: ReadonlyArray<keyof typeof fields>,
) {
  const input = Object.fromEntries(Object.entries(raw).map(([key, value]) => [camel(key), value]));
  const values: Fields = {};
  const invalid: FieldProblem[] = [];
  for (const field of wanted) {
    const parsed = fields[field].safeParse(input[field]);
    if (parsed.success) Object.assign(values, { [field]: parsed.data });
    else invalid.push({ field, expected: parsed.error.issues[0]?.message ?? 'another form' });
  }
  return { values, invalid };
}

/**
 * The caller's phone (E.164; the calling number when none is said) and email.
 *
 * @example callerDetails({ phone: '(415) 555-0100' }, context, invalid); // { phone: '+14155550100', phoneFrom: 'arguments' }
 */
export function callerDetails(
  values: Fields,
  context: ToolContext,
  invalid: FieldProblem[],
): CallerDetails {
  const details: CallerDetails = {};
  if (values.phone !== undefined) {
    const phone = toE164(values.phone, context.defaultCountry);
    if (!phone) invalid.push({ field: 'phone', expected: EXPECTED.phone });
    else [details.phone, details.phoneFrom] = [phone, 'arguments'];
  } else if (context.callerNumber) {
    const phone = toE164(context.callerNumber, context.defaultCountry);
    // A withheld or malformed calling number is simply not used.
    if (phone) [details.phone, details.phoneFrom] = [phone, 'call'];
  }
  if (values.email) details.email = values.email;
  return details;
}

/**
 * Needs-info when anything is missing or malformed; only then are the arguments built.
 *
 * @example return finish(missing, invalid, () => ({ phone, email }));
 */
export function finish<T>(
  missing: string[],
  invalid: FieldProblem[],
  args: () => T,
): ArgsResult<T> {
  return missing.length || invalid.length
    ? { ok: false, result: { status: 'needs_info', missing, invalid } }
    : { ok: true, args: args() };
}

/**
 * Whether one of the fields `names` was already reported malformed.
 *
 * @example hasProblem(invalid, 'phone', 'email');
 */
export const hasProblem = (invalid: FieldProblem[], ...names: string[]) =>
  invalid.some((problem) => names.includes(problem.field));

/**
 * A phone or email to reach the caller, or a malformed one already reported.
 *
 * @example reachable({ email: 'ada@example.com' }, []); // true
 */
export const reachable = (caller: CallerDetails, invalid: FieldProblem[]) =>
  Boolean(caller.phone || caller.email || hasProblem(invalid, 'phone', 'email'));
