import { describe, expect, it } from 'vitest';
import { samePhone, toE164 } from './phone.js';

describe('toE164', () => {
  it.each([
    ['(415) 555-0100', 'US', '+14155550100'],
    ['415.555.0100', 'US', '+14155550100'],
    ['1 415 555 0100', 'US', '+14155550100'],
    ['+1 415 555 0100', 'GB', '+14155550100'],
    ['020 7946 0018', 'GB', '+442079460018'],
    ['0044 20 7946 0018', 'US', '+442079460018'],
    ['12345', 'US', null],
  ])('%s in %s -> %s', (raw, country, expected) => {
    expect(toE164(raw, country)).toBe(expected);
  });

  it('compares numbers written differently', () => {
    expect(samePhone('+14155550100', '(415) 555-0100', 'US')).toBe(true);
    expect(samePhone('+14155550100', '(415) 555-0101', 'US')).toBe(false);
  });
});
