/**
 * The customer's phone as a booking app typed it, read as E.164 in the workspace's country. Booking
 * apps pass on what their customers typed, often the national way (`(415) 555-0132`), so a number
 * without `+country` is read in the workspace's own `defaultCountry`, else in the connected
 * Location's country. A number that still cannot be read does not cost the booking when it has an
 * email to sync by: the booking keeps a problem that says so instead.
 */
import { getCountryCallingCode } from 'libphonenumber-js';
import { toCountryCode, toE164, type CountryCode } from '../../core/phone.js';

/** Where the country came from: the workspace's `defaultCountry`, or its Location's country. */
export type CountrySource = 'workspace' | 'location';

export interface PhoneCountry {
  country: CountryCode;
  source: CountrySource;
}

/** Something in a booking that could not be synced, kept on the stored version. */
export interface BookingProblem {
  /** The event's field, as a dotted path. */
  field: 'customer.phone';
  code: 'unreadable_phone';
  message: string;
  /** What the booking app sent, cut to 100 characters. */
  value: string;
}

export type PhoneReading =
  { ok: true; phone: string } | { ok: false; value: string; country: PhoneCountry | undefined };

/**
 * The country national numbers are read in: the workspace's own, else the Location's; neither
 * when neither is a known country code.
 *
 * @example phoneCountry({ workspaceCountry: null, locationCountry: 'US' }) // { country: 'US', source: 'location' }
 */
export function phoneCountry(input: {
  workspaceCountry: string | null | undefined;
  locationCountry: string | null | undefined;
}): PhoneCountry | undefined {
  const own = toCountryCode(input.workspaceCountry);
  if (own) return { country: own, source: 'workspace' };
  const location = toCountryCode(input.locationCountry);
  return location ? { country: location, source: 'location' } : undefined;
}

/**
 * The typed phone as E.164, or what could not be read and the country it was read in.
 *
 * @example readPhone('(415) 555-0132', { country: 'US', source: 'location' }) // { ok: true, phone: '+14155550132' }
 */
export function readPhone(typed: string, country: PhoneCountry | undefined): PhoneReading {
  const phone = toE164(typed, country?.country);
  if (phone) return { ok: true, phone };
  const characters = Array.from(typed);
  const value = characters.length > 100 ? `${characters.slice(0, 99).join('')}…` : typed;
  return { ok: false, value, country };
}

export type Unreadable = Extract<PhoneReading, { ok: false }>;

/**
 * The problem kept on a booking accepted without its phone (it had an email).
 *
 * @example if (!reading.ok) problems.push(unreadablePhoneProblem(reading));
 */
export function unreadablePhoneProblem(reading: Unreadable): BookingProblem {
  return {
    field: 'customer.phone',
    code: 'unreadable_phone',
    message: `${whyUnreadable(reading)} The booking was kept and its contact synced by email, without the phone. To add the phone, send a new version with the number ${howToWrite(reading.country)}.`,
    value: reading.value,
  };
}

/**
 * Why a booking with this phone and no email is refused, and how to fix it.
 *
 * @example throw new HttpError(422, 'validation_failed', unreadablePhoneRefusal(reading));
 */
export function unreadablePhoneRefusal(reading: Unreadable): string {
  return `${whyUnreadable(reading)} Send the number ${howToWrite(reading.country)}; or send the customer's email in customer.email.`;
}

/**
 * Why the phone could not be read: the value, and the country it was read in and whence.
 *
 * @example whyUnreadable(reading) // '"555" is not a valid phone number of US (read in US: …), nor one with a +country code.'
 */
export function whyUnreadable({ value, country }: Unreadable): string {
  if (!country) {
    return `"${value}" is not a phone number with a +country code, and this workspace has no country to read national numbers in (no defaultCountry, and no connected Location with a country).`;
  }
  const from =
    country.source === 'workspace'
      ? "the workspace's defaultCountry"
      : "the connected Location's country; a workspace defaultCountry overrides it";
  return `"${value}" is not a valid phone number of ${country.country} (read in ${country.country}: ${from}), nor one with a +country code.`;
}

/**
 * How to send a number that can be read, for a sentence that starts "Send the number …".
 *
 * @example howToWrite({ country: 'US', source: 'workspace' }) // 'in international form (starting +1 for US), or …'
 */
export function howToWrite(country: PhoneCountry | undefined): string {
  if (!country) {
    return 'in international form (like +1 415 555 0100), or set the workspace\'s defaultCountry (PATCH /v1/workspaces/{ws} {"defaultCountry": "US"})';
  }
  return `in international form (starting +${getCountryCallingCode(country.country)} for ${country.country}), or set the workspace's defaultCountry to the country it is from`;
}
