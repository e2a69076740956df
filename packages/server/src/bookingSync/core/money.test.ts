import { describe, expect, it } from 'vitest';
import {
  amountLimitProblem,
  currencyExponent,
  decimalAmountProblem,
  formatMoney,
  monetoryFieldValue,
  sumMoney,
  toDecimalString,
  MAX_AMOUNT_MINOR_UNITS,
  toMinorUnits,
  type Money,
} from './money.js';

const usd = (amount: string): Money => ({ currency: 'USD', minor: toMinorUnits(amount, 'USD') });

describe('currencyExponent', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
  ])('%s has %i decimals', (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it.each(['XYZ', 'usd', 'US', ''])('refuses %j', (currency) => {
    expect(() => currencyExponent(currency)).toThrow(RangeError);
  });
});

describe('toMinorUnits / toDecimalString', () => {
  it.each([
    ['120.00', 'USD', 12000n, '120.00'],
    ['120.5', 'USD', 12050n, '120.50'],
    ['0.1', 'USD', 10n, '0.10'],
    ['0.01', 'USD', 1n, '0.01'],
    ['0', 'USD', 0n, '0.00'],
    ['19.990', 'USD', 1999n, '19.99'],
    ['-3.5', 'USD', -350n, '-3.50'],
    ['-0.05', 'USD', -5n, '-0.05'],
    ['1500', 'JPY', 1500n, '1500'],
    ['1500.0', 'JPY', 1500n, '1500'],
    ['1.234', 'KWD', 1234n, '1.234'],
    ['0.005', 'KWD', 5n, '0.005'],
    ['98765432109876543.21', 'USD', 9876543210987654321n, '98765432109876543.21'],
  ])('%s %s is %s minor units, written %s', (amount, currency, minor, decimal) => {
    expect(toMinorUnits(amount, currency)).toBe(minor);
    expect(toDecimalString(minor, currency)).toBe(decimal);
  });

  it.each([
    ['1.005', 'USD', /2 decimal places/],
    ['1.5', 'JPY', /no minor unit/],
    ['12,00', 'EUR', /decimal number/],
    ['1e3', 'USD', /decimal number/],
    ['.5', 'USD', /decimal number/],
    ['', 'USD', /decimal number/],
  ])('refuses %j %s', (amount, currency, message) => {
    expect(decimalAmountProblem(amount, currency)).toMatch(message);
    expect(() => toMinorUnits(amount, currency)).toThrow(RangeError);
  });
});

describe('sumMoney', () => {
  it('adds 0.10 and 0.20 to exactly 0.30', () => {
    const sum = sumMoney('USD', [usd('0.10'), usd('0.20')]);
    expect(toDecimalString(sum.minor, 'USD')).toBe('0.30');
    expect(monetoryFieldValue(sum)).toBe(0.3);
  });

  it('adds 1,000 bookings of 19.99 to exactly 19990.00', () => {
    const sum = sumMoney(
      'USD',
      Array.from({ length: 1000 }, () => usd('19.99')),
    );
    expect(toDecimalString(sum.minor, 'USD')).toBe('19990.00');
    expect(monetoryFieldValue(sum)).toBe(19990);
  });

  it('is zero for no amounts', () => {
    expect(sumMoney('EUR', [])).toEqual({ currency: 'EUR', minor: 0n });
  });

  it('refuses to add another currency', () => {
    expect(() => sumMoney('USD', [usd('1'), { currency: 'EUR', minor: 100n }])).toThrow(
      /EUR to a USD sum/,
    );
  });
});

describe('monetoryFieldValue', () => {
  it.each<[Money, number]>([
    [{ currency: 'USD', minor: 12000n }, 120],
    [{ currency: 'USD', minor: 12050n }, 120.5],
    [{ currency: 'USD', minor: 1n }, 0.01],
    [{ currency: 'JPY', minor: 1500n }, 1500],
    [{ currency: 'KWD', minor: 1234n }, 1.234],
    [{ currency: 'USD', minor: 999999999999999n }, 9999999999999.99],
  ])('%o is %d', (money, value) => {
    expect(monetoryFieldValue(money)).toBe(value);
  });

  it('refuses an amount a JSON number cannot hold exactly', () => {
    expect(() => monetoryFieldValue({ currency: 'USD', minor: 1234567890123456789n })).toThrow(
      /too many digits/,
    );
  });
});

describe('amountLimitProblem', () => {
  it.each([
    ['9999999999.99', 'USD'],
    ['999999999999', 'JPY'],
    ['999999999.999', 'KWD'],
  ])('accepts the maximum %s %s', (amount, currency) => {
    expect(amountLimitProblem(amount, currency)).toBeUndefined();
  });

  it.each([
    ['10000000000.00', 'USD', /at most 9999999999\.99 USD/],
    ['99999999999999.99', 'USD', /at most 9999999999\.99 USD/],
    ['1000000000000', 'JPY', /at most 999999999999 JPY/],
  ])('refuses %s %s', (amount, currency, message) => {
    expect(amountLimitProblem(amount, currency)).toMatch(message);
  });

  it('leaves room for a thousand paid bookings at the maximum in the revenue field', () => {
    const max = { currency: 'USD', minor: MAX_AMOUNT_MINOR_UNITS };
    const total = sumMoney(
      'USD',
      Array.from({ length: 1000 }, () => max),
    );
    expect(monetoryFieldValue(total)).toBe(9999999999990);
  });
});

describe('formatMoney', () => {
  it.each<[Money, string | undefined, string]>([
    [{ currency: 'USD', minor: 12000n }, undefined, '$120.00'],
    [{ currency: 'USD', minor: 30n }, undefined, '$0.30'],
    [{ currency: 'USD', minor: 1999000n }, undefined, '$19,990.00'],
    [{ currency: 'JPY', minor: 1500n }, 'en-US', '¥1,500'],
    [{ currency: 'KWD', minor: 1234n }, 'en-US', 'KWD 1.234'],
    [{ currency: 'USD', minor: 9876543210987654321n }, 'en-US', '$98,765,432,109,876,543.21'],
  ])('%o in %s reads %s', (money, locale, text) => {
    expect(formatMoney(money, locale).replace(/\u00a0/g, ' ')).toBe(text);
  });

  it('follows the locale', () => {
    expect(formatMoney({ currency: 'EUR', minor: 12050n }, 'de-DE').replace(/\u00a0/g, ' ')).toBe(
      '120,50 €',
    );
  });
});
