import { describe, expect, it } from 'vitest';
import { readContactPhone, unreadablePhoneRefusal } from './contactPhone.js';

const us = { country: 'US', source: 'workspace' } as const;

describe('readContactPhone', () => {
  it("reads a national number in the workspace's country", () => {
    expect(readContactPhone('(415) 555-0132', us)).toEqual({ phone: '+14155550132' });
  });

  it('takes no phone as none', () => {
    expect(readContactPhone(undefined, us)).toEqual({ phone: undefined });
  });

  it('reports a phone it cannot read, saying the contact is written without it', () => {
    const read = readContactPhone('555', us);
    expect('problem' in read && read.problem).toMatchObject({
      field: 'phone',
      code: 'unreadable_phone',
      value: '555',
    });
    expect('problem' in read && read.problem.message).toMatch(
      /"555" is not a valid phone number of US.*written without it.*\+1/,
    );
  });
});

describe('unreadablePhoneRefusal', () => {
  it('says what to send instead', () => {
    const read = readContactPhone('555', undefined);
    if (!('reading' in read)) throw new Error('expected an unreadable phone');
    expect(unreadablePhoneRefusal(read.reading)).toMatch(
      /no country to read national numbers in.*or send the contact's email/,
    );
  });
});
