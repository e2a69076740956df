/**
 * Phone numbers compared as E.164, so `(415) 555-0100` in a US Location matches `+14155550100`.
 * National numbers are read in the Location's country with libphonenumber-js: it knows every
 * country's calling code, trunk prefix and number lengths, so a national number reads right in
 * any Location and digits too few or too many for their country are not taken for a phone.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * `00` dials abroad from most countries, and contacts imported from elsewhere keep it even in a
 * Location whose country dials `011`; it is read as `+` whatever the Location's country.
 */
const INTERNATIONAL_PREFIX = /^00/;

/**
 * `raw` as E.164 (`+14155550100`), reading national numbers in `country` (ISO 3166 alpha-2);
 * null when it is not a valid phone number there. A number written with `+` or `00` keeps its
 * own country.
 *
 * @example
 * toE164('(415) 555-0100', 'US'); // '+14155550100'
 * toE164('020 7946 0018', 'GB'); // '+442079460018'
 */
export function toE164(raw: string, country = 'US'): string | null {
  const text = raw.trim().replace(INTERNATIONAL_PREFIX, '+');
  const region = country.toUpperCase();
  const parsed = parsePhoneNumberFromString(text, isSupportedCountry(region) ? region : undefined);
  return parsed?.isValid() ? parsed.number : null;
}

/** True when both are the same number once normalized. */
export function samePhone(a: string, b: string, country: string): boolean {
  const x = toE164(a, country);
  return x !== null && x === toE164(b, country);
}
