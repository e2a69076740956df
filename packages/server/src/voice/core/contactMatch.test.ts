import { describe, expect, it } from 'vitest';
import {
  decideContact,
  REVIEW_TAG,
  type Caller,
  type ContactCandidate,
  type ContactDecision,
} from './contactMatch.js';

const ada: ContactCandidate = {
  id: 'ada',
  firstName: 'Ada',
  lastName: 'Lovelace',
  phone: '+14155550100',
  email: 'ada@example.com',
};
const adaNoDetails: ContactCandidate = { id: 'ada-bare', name: 'Ada Lovelace' };
const adaOther: ContactCandidate = {
  id: 'ada-2',
  firstName: 'Ada',
  lastName: 'Lovelace',
  phone: '+14155550199',
};
const bob: ContactCandidate = {
  id: 'bob',
  name: 'Bob Lovelace',
  phone: '(415) 555-0100',
  email: 'bob@example.com',
};
const grace: ContactCandidate = { id: 'grace', name: 'Grace Hopper', email: 'GRACE@example.com ' };

const use = (contactId: string, matchedBy: 'phone' | 'email' | 'name'): ContactDecision => ({
  action: 'use',
  contactId,
  matchedBy,
});
const flagged = (
  reason: 'name_matches_several' | 'name_matches_but_details_differ',
  ids: string[],
): ContactDecision => ({
  action: 'create-flagged',
  reason,
  tag: REVIEW_TAG,
  similarContactIds: ids,
});

describe('decideContact', () => {
  it.each<[string, Caller, ContactCandidate[], ContactDecision]>([
    ['phone match', { phone: '+14155550100', name: 'Ada Lovelace' }, [ada], use('ada', 'phone')],
    ['phone stored in another format', { phone: '+14155550100' }, [bob], use('bob', 'phone')],
    [
      'phone beats email',
      { phone: '+14155550100', email: 'grace@example.com' },
      [grace, ada],
      use('ada', 'phone'),
    ],
    [
      'phone match even when the name differs (HighLevel keys on the phone too)',
      { phone: '+14155550199', name: 'Someone Else' },
      [adaOther],
      use('ada-2', 'phone'),
    ],
    [
      'a shared line: the one whose email matches',
      { phone: '+14155550100', email: 'bob@example.com' },
      [ada, bob],
      use('bob', 'phone'),
    ],
    [
      'a shared line: the one whose name matches',
      { phone: '+14155550100', name: 'bob  lovelace' },
      [ada, bob],
      use('bob', 'phone'),
    ],
    [
      "a shared line, nothing else matches: HighLevel's first",
      { phone: '+14155550100', name: 'Carol' },
      [ada, bob],
      use('ada', 'phone'),
    ],
    [
      'email match, any case and spaces',
      { email: 'Grace@Example.com' },
      [grace],
      use('grace', 'email'),
    ],
    [
      'email when the phone matches nobody',
      { phone: '+14155550123', email: 'grace@example.com' },
      [grace],
      use('grace', 'email'),
    ],
    [
      'a unique name with nothing to contradict it',
      { name: 'ada lovelace', phone: '+14155550123' },
      [adaNoDetails],
      use('ada-bare', 'name'),
    ],
    [
      'a unique name from first and last name',
      { name: 'Grace Hopper' },
      [{ id: 'g', firstName: 'Grace', lastName: 'Hopper' }],
      use('g', 'name'),
    ],
    [
      'a name shared by several contacts',
      { name: 'Ada Lovelace', phone: '+14155550123' },
      [ada, adaOther],
      flagged('name_matches_several', ['ada', 'ada-2']),
    ],
    [
      'a name whose contact has another phone',
      { name: 'Ada Lovelace', phone: '+14155550123' },
      [adaOther],
      flagged('name_matches_but_details_differ', ['ada-2']),
    ],
    [
      'a name whose contact has another email',
      { name: 'Grace Hopper', email: 'g.hopper@navy.mil' },
      [grace],
      flagged('name_matches_but_details_differ', ['grace']),
    ],
    [
      'a name whose contact has no email, caller gave only an email',
      { name: 'Ada Lovelace', email: 'new@example.com' },
      [adaOther],
      use('ada-2', 'name'),
    ],
    [
      'a name is not a partial match',
      { name: 'Ada', phone: '+14155550123' },
      [ada],
      { action: 'create' },
    ],
    [
      'nobody matches',
      { phone: '+14155550123', email: 'new@example.com', name: 'New Person' },
      [ada, bob, grace],
      { action: 'create' },
    ],
    ['no candidates', { phone: '+14155550100' }, [], { action: 'create' }],
    [
      'a candidate with an unreadable phone is not a phone match',
      { phone: '+14155550100' },
      [{ id: 'x', phone: 'n/a' }],
      { action: 'create' },
    ],
  ])('%s', (_name, caller, candidates, expected) => {
    expect(decideContact({ ...caller, candidates, defaultCountry: 'US' })).toEqual(expected);
  });

  it('reads national numbers of candidates in the workspace country', () => {
    const london: ContactCandidate = { id: 'uk', phone: '020 7946 0018' };
    expect(
      decideContact({ phone: '+442079460018', candidates: [london], defaultCountry: 'GB' }),
    ).toEqual(use('uk', 'phone'));
    expect(
      decideContact({ phone: '+442079460018', candidates: [london], defaultCountry: 'US' }),
    ).toEqual({ action: 'create' });
  });
});
