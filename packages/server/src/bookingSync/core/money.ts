/**
 * Money as exact integers. A booking's price arrives as a decimal string ("120.00"); it is turned
 * into BigInt minor units (cents for USD, yen for JPY, fils for KWD) before any arithmetic, so a
 * sum of a thousand "19.99"s is exactly "19990.00" — never 19989.999999999996.
 *
 * A currency's exponent (digits after the decimal point) comes from `Intl.NumberFormat`, i.e.
 * from the CLDR data shipped with Node: USD 2, JPY 0, KWD 3.
 */

/** An amount in one currency, in its minor units. */
export interface Money {
  currency: string;
  minor: bigint;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Only ISO 4217 codes Node knows; an unknown but well-formed code would silently get 2 digits. */
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/**
 * Whether `code` is an ISO 4217 currency code this runtime knows (upper-case, 3 letters).
 *
 * @example isCurrencyCode('USD') // true; isCurrencyCode('usd') // false
 */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);
}

/**
 * Exponents and formats looked up so far, per currency (and locale): building an
 * `Intl.NumberFormat` costs far more than using one, and a sync reads every amount of a
 * customer's bookings (bench/scale.bench.ts). Bounded by the currencies Node knows.
 */
const exponents = new Map<string, number>();
const formats = new Map<string, Intl.NumberFormat>();

/**
 * Digits after the decimal point for `currency`.
 *
 * @example currencyExponent('USD') // 2; currencyExponent('JPY') // 0
 */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    if (!isCurrencyCode(currency)) throw new RangeError(`Unknown currency code "${currency}"`);
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits!;
    exponents.set(currency, exponent);
  }
  return exponent;
}

/**
 * Why `amount` is not a valid amount of `currency`, or undefined when it is. Trailing zeros past
 * the currency's exponent are fine ("120.000" USD); other extra digits are not ("0.005" USD).
 *
 * @example decimalAmountProblem('0.005', 'USD'); // 'USD has 2 decimal places; "0.005" has more'
 */
export function decimalAmountProblem(amount: string, currency: string): string | undefined {
  const match = DECIMAL.exec(amount);
  if (!match) return 'expected a decimal number as a string, like "120.00"';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) {
    return exponent === 0
      ? `${currency} has no minor unit; expected a whole amount`
      : `${currency} has ${exponent} decimal places; "${amount}" has more`;
  }
  return undefined;
}

/**
 * The largest booking amount accepted, in minor units: 12 digits (USD 9,999,999,999.99, JPY
 * 999,999,999,999). A customer's revenue is written to HighLevel as one JSON number, exact only up
 * to 15 significant digits (`monetoryFieldValue`), and it is a sum: this limit leaves room for a
 * thousand paid bookings at the maximum before the sum outgrows what can be written.
 */
export const MAX_AMOUNT_MINOR_UNITS = 10n ** 12n - 1n;

/**
 * Why `amount` (a valid decimal of `currency`) is too large to accept, or undefined when it is not.
 *
 * @example amountLimitProblem('99999999999999.99', 'USD') // "at most 9999999999.99 USD …"
 */
export function amountLimitProblem(amount: string, currency: string): string | undefined {
  const minor = toMinorUnits(amount, currency);
  if (minor <= MAX_AMOUNT_MINOR_UNITS && minor >= -MAX_AMOUNT_MINOR_UNITS) return undefined;
  const max = toDecimalString(MAX_AMOUNT_MINOR_UNITS, currency);
  return `expected at most ${max} ${currency}: a customer's revenue is written to HighLevel as a number that stays exact only up to 15 digits`;
}

/**
 * The decimal string `amount` in minor units of `currency`.
 *
 * @example toMinorUnits('120.5', 'USD') // 12050n; toMinorUnits('1500', 'JPY') // 1500n
 */
export function toMinorUnits(amount: string, currency: string): bigint {
  const problem = decimalAmountProblem(amount, currency);
  if (problem) throw new RangeError(`Invalid ${currency} amount "${amount}": ${problem}`);
  const [, sign, whole, fraction = ''] = DECIMAL.exec(amount)!;
  const exponent = currencyExponent(currency);
  const digits = whole! + fraction.slice(0, exponent).padEnd(exponent, '0');
  const minor = BigInt(digits);
  return sign ? -minor : minor;
}

/**
 * Minor units back to a plain decimal string with exactly the currency's digits.
 *
 * @example toDecimalString(30n, 'USD') // "0.30"; toDecimalString(1500n, 'JPY') // "1500"
 */
export function toDecimalString(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

/**
 * The sum of amounts in one currency.
 *
 * @example sumMoney('USD', [{ currency: 'USD', minor: 10n }, { currency: 'USD', minor: 20n }])
 * // { currency: 'USD', minor: 30n }
 */
export function sumMoney(currency: string, amounts: readonly Money[]): Money {
  let minor = 0n;
  for (const amount of amounts) {
    if (amount.currency !== currency) {
      throw new RangeError(`Cannot add ${amount.currency} to a ${currency} sum`);
    }
    minor += amount.minor;
  }
  return { currency, minor };
}

/**
 * The value for a HighLevel MONETORY custom field: a JSON number (the spec's `MonetoryField`;
 * docs/highlevel-behaviour.md#custom-field-values). JSON cannot carry trailing zeros, so 120.00 is
 * sent as 120 and HighLevel formats it. The decimal string is converted once, at the end; a number
 * of up to 15 significant digits round-trips exactly, and anything longer is refused rather than
 * rounded.
 *
 * @example monetoryFieldValue({ currency: 'USD', minor: 30n }) // 0.3
 */
export function monetoryFieldValue(money: Money): number {
  const decimal = toDecimalString(money.minor, money.currency);
  const significant = decimal.replace(/[-.]/g, '').replace(/^0+/, '');
  if (significant.length > 15) {
    throw new RangeError(`${decimal} ${money.currency} has too many digits for a JSON number`);
  }
  return Number(decimal);
}

/**
 * The amount for people to read, e.g. in a note. Intl formats the decimal string itself, so no
 * float is involved at any size.
 *
 * @example formatMoney({ currency: 'USD', minor: 12000n }) // "$120.00"
 */
export function formatMoney(money: Money, locale = 'en-US'): string {
  const key = `${locale}|${money.currency}`;
  let format = formats.get(key);
  if (!format) {
    const exponent = currencyExponent(money.currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    // Locales come from workspace settings: a handful in practice, never unbounded growth.
    if (formats.size < 1_000) formats.set(key, format);
  }
  // `format` takes a decimal string and formats it exactly (Intl.NumberFormat v3).
  return format.format(toDecimalString(money.minor, money.currency) as `${number}`);
}
