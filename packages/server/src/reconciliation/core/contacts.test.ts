import { describe, expect, it } from 'vitest';
import { contactFinding, contactsOf, contactSearch, isPastCursor } from './contacts.js';
import { knownStatesOf } from './known.js';
import { contactState } from './recordState.js';

const SINCE = Date.parse('2026-03-02T09:00:00Z');
const found = (fields: Record<string, unknown> = {}) =>
  contactsOf({
    contacts: [
      {
        id: 'c_1',
        email: 'ada@example.com',
        dateAdded: '2026-01-01T00:00:00.000Z',
        dateUpdated: '2026-03-02T09:05:00.000Z',
        searchAfter: [1, 'c_1'],
        ...fields,
      },
    ],
  })[0]!;

describe('contactFinding', () => {
  it.each([
    ['changed, not told yet', found(), knownStatesOf([]), 'updated'],
    [
      'added since the last run',
      found({ dateAdded: '2026-03-02T09:01:00.000Z' }),
      knownStatesOf([]),
      'created',
    ],
  ])('%s: %s', (_what, contact, known, action) => {
    expect(contactFinding(contact, known, 'loc_1', SINCE)).toMatchObject({
      tell: true,
      change: { kind: 'contact', action, id: 'c_1', locationId: 'loc_1' },
    });
  });

  it('tells nothing of a state its webhook told', () => {
    const contact = found();
    const state = contactState(contact.fields, SINCE + 300_001);
    const known = knownStatesOf([
      { record_id: 'c_1', fingerprint: state.fingerprint, state_rank: state.rank },
    ]);
    expect(contactFinding(contact, known, 'loc_1', SINCE)).toBeUndefined();
  });
});

describe('paging', () => {
  it('asks for the contacts updated since, oldest first, after the last one read', () => {
    expect(contactSearch('loc_1', SINCE, [5, 'c_9'])).toEqual({
      locationId: 'loc_1',
      pageLimit: 100,
      filters: [
        { field: 'dateUpdated', operator: 'range', value: { gte: '2026-03-02T09:00:00.000Z' } },
      ],
      sort: [{ field: 'dateUpdated', direction: 'asc' }],
      searchAfter: [5, 'c_9'],
    });
  });

  it.each([
    [{ updatedAt: 6, id: 'a' }, true],
    [{ updatedAt: 5, id: 'c' }, true],
    [{ updatedAt: 5, id: 'b' }, false],
    [{ updatedAt: 4, id: 'z' }, false],
  ])('%o comes after the cursor (5, b): %s', (contact, past) => {
    expect(isPastCursor(contact, { at: 5, id: 'b' })).toBe(past);
  });

  it('reads each contact’s update time and cursor', () => {
    expect(found()).toMatchObject({
      id: 'c_1',
      updatedAt: SINCE + 300_000,
      searchAfter: [1, 'c_1'],
    });
    expect(contactsOf({ contacts: [{ name: 'no id' }] })).toEqual([]);
  });
});
