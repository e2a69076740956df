/**
 * Phone numbers compared as E.164, so `(415) 555-0100` in a US Location matches `+14155550100`.
 * Deliberately small: a country's calling code and trunk prefix, no per-country length rules.
 */

/** Calling codes of the countries HighLevel Locations most often use; others need a `+`. */
const CALLING_CODES: Record<string, string> = {
  US: '1',
  CA: '1',
  PR: '1',
  GB: '44',
  IE: '353',
  AU: '61',
  NZ: '64',
  DE: '49',
  FR: '33',
  ES: '34',
  IT: '39',
  NL: '31',
  IN: '91',
  ZA: '27',
  BR: '55',
  MX: '52',
};

/**
 * `raw` as E.164 (`+14155550100`), reading national numbers with `country`'s calling code;
 * null when it has too few digits to be a phone number.
 *
 * @example
 * toE164('(415) 555-0100', 'US'); // '+14155550100'
 */
export function toE164(raw: string, country = 'US'): string | null {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 7) return null;
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  const code = CALLING_CODES[country.toUpperCase()];
  if (!code) return `+${digits}`;
  if (code === '1') {
    if (digits.length === 10) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
    return `+${digits}`;
  }
  if (digits.startsWith('0')) return `+${code}${digits.slice(1)}`;
  if (digits.startsWith(code) && digits.length > 10) return `+${digits}`;
  return `+${code}${digits}`;
}

/** True when both are the same number once normalized. */
export function samePhone(a: string, b: string, country: string): boolean {
  const x = toE164(a, country);
  return x !== null && x === toE164(b, country);
}
