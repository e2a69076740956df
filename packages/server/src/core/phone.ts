/**
 * Phone numbers as one comparable form, E.164 (`+14155550100`), so `(415) 555-0100`,
 * `415.555.0100` and `+1 415 555 0100` are the same person. Used for booking customers, voice
 * tool arguments, the caller's number from the call, and the phones of HighLevel contacts alike.
 */
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';

export type { CountryCode };

/**
 * The E.164 form of a phone number, or `undefined` when it is not a valid number. Numbers
 * written without `+country` are read as numbers of `defaultCountry` (invalid without one).
 *
 * @example toE164('(415) 555-0100', 'US'); // '+14155550100'
 */
export function toE164(input: string, defaultCountry?: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * Whether `code` is a two-letter country libphonenumber knows.
 *
 * @example isCountryCode('GB'); // true
 */
export function isCountryCode(code: string): code is CountryCode {
  return isSupportedCountry(code);
}

/**
 * `value` as a country code libphonenumber knows (upper-cased), or `undefined`: for codes from
 * outside, such as HighLevel's `location.country`.
 *
 * @example toCountryCode('gb'); // 'GB'
 */
export function toCountryCode(value: unknown): CountryCode | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toUpperCase();
  return isCountryCode(code) ? code : undefined;
}
