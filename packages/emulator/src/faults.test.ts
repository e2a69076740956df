import { describe, expect, it } from 'vitest';
import { faultMatches, pickFault, type ActiveFault } from './faults.js';

const target = {
  method: 'GET',
  path: '/contacts/abc',
  template: '/contacts/{contactId}',
  locationId: 'loc1',
};

describe('faultMatches', () => {
  it.each([
    [undefined, true],
    [{ method: 'get' }, true],
    [{ method: 'POST' }, false],
    [{ path: '/contacts/{contactId}' }, true],
    [{ path: '/contacts/abc/' }, true],
    [{ path: '/contacts/' }, false],
    [{ path: '^/contacts/a' }, true],
    [{ path: /notes/ }, false],
    [{ locationId: 'loc2' }, false],
  ])('%j -> %s', (match, expected) => {
    expect(faultMatches(match, target)).toBe(expected);
  });
});

describe('pickFault', () => {
  it('uses up `count` and skips failed probability rolls without using it up', () => {
    const faults: ActiveFault[] = [{ rule: { status: 500, count: 1, probability: 0.5 }, hits: 0 }];
    expect(pickFault(faults, target, () => 0.7)).toBeNull();
    expect(pickFault(faults, target, () => 0.2)?.status).toBe(500);
    expect(pickFault(faults, target, () => 0.2)).toBeNull();
  });
});
