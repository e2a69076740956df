import { describe, expect, it } from 'vitest';
import {
  phoneCountry,
  readPhone,
  unreadablePhoneProblem,
  unreadablePhoneRefusal,
  type PhoneCountry,
} from './customerPhone.js';

const usLocation: PhoneCountry = { country: 'US', source: 'location' };
const gbWorkspace: PhoneCountry = { country: 'GB', source: 'workspace' };

describe('phoneCountry', () => {
  it.each<[string | null, string | null, PhoneCountry | undefined]>([
    [null, 'US', { country: 'US', source: 'location' }],
    ['GB', 'US', { country: 'GB', source: 'workspace' }],
    ['GB', null, { country: 'GB', source: 'workspace' }],
    ['gb', null, { country: 'GB', source: 'workspace' }],
    [null, 'us', { country: 'US', source: 'location' }],
    [null, null, undefined],
    // Not a country libphonenumber knows: as if there were none.
    [null, 'XX', undefined],
    [null, 'United States', undefined],
    ['ZZ', 'US', { country: 'US', source: 'location' }],
  ])('workspace %s, Location %s -> %o', (workspaceCountry, locationCountry, expected) => {
    expect(phoneCountry({ workspaceCountry, locationCountry })).toEqual(expected);
  });
});

describe('readPhone', () => {
  it.each<[string, PhoneCountry | undefined, string]>([
    ['(415) 555-0132', usLocation, '+14155550132'],
    ['415.555.0132', usLocation, '+14155550132'],
    ['+1 415 555 0132', usLocation, '+14155550132'],
    ['+14155550132', undefined, '+14155550132'],
    ['020 7946 0018', gbWorkspace, '+442079460018'],
    ['07400 123456', gbWorkspace, '+447400123456'],
    ['+1 (415) 555-0132', gbWorkspace, '+14155550132'],
  ])('reads %s in %o as %s', (typed, country, e164) => {
    expect(readPhone(typed, country)).toEqual({ ok: true, phone: e164 });
  });

  it.each<[string, PhoneCountry | undefined]>([
    ['(415) 555-0132', undefined],
    ['(415) 555-0132', gbWorkspace],
    ['020 7946 0018', usLocation],
    ['(415) 555-013', usLocation],
    ['call me', usLocation],
  ])('cannot read %s in %o', (typed, country) => {
    expect(readPhone(typed, country)).toEqual({ ok: false, value: typed, country });
  });

  it('keeps at most 100 characters of what was typed', () => {
    const reading = readPhone('9'.repeat(300), usLocation);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(Array.from(reading.value)).toHaveLength(100);
  });
});

describe('the words for an unreadable phone', () => {
  const unreadable = (typed: string, country: PhoneCountry | undefined) => {
    const reading = readPhone(typed, country);
    if (reading.ok) throw new Error(`${typed} was read`);
    return reading;
  };

  it('say on the booking what happened, where it was read and how to add it', () => {
    expect(unreadablePhoneProblem(unreadable('(415) 555-013', usLocation))).toEqual({
      field: 'customer.phone',
      code: 'unreadable_phone',
      value: '(415) 555-013',
      message:
        '"(415) 555-013" is not a valid phone number of US (read in US: the connected Location\'s country; a workspace defaultCountry overrides it), nor one with a +country code. The booking was kept and its contact synced by email, without the phone. To add the phone, send a new version with the number in international form (starting +1 for US), or set the workspace\'s defaultCountry to the country it is from.',
    });
  });

  it.each<[PhoneCountry | undefined, RegExp[]]>([
    [gbWorkspace, [/read in GB: the workspace's defaultCountry\)/, /\+44 for GB/]],
    [usLocation, [/read in US: the connected Location's country/, /\+1 for US/]],
    [undefined, [/no country to read national numbers in/, /PATCH \/v1\/workspaces/]],
  ])('refuse a booking without email, for %o, saying how to fix it', (country, patterns) => {
    const message = unreadablePhoneRefusal(unreadable('(415) 555-013', country));
    for (const pattern of patterns) expect(message).toMatch(pattern);
    expect(message).toMatch(/customer\.email/);
  });
});
