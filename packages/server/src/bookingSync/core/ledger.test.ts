import { describe, expect, it } from 'vitest';
import { applyBookingVersion, bookingsOfCustomer } from './ledger.js';
import { booking, replay } from './testing.js';

describe('applyBookingVersion', () => {
  it.each([
    ['a first version', [], { id: 'bk_1', version: 1 }, 'created', undefined],
    ['a higher version', [1], { id: 'bk_1', version: 2 }, 'updated', 1],
    ['a version that skips ahead', [1], { id: 'bk_1', version: 7 }, 'updated', 1],
    ['the same version again', [3], { id: 'bk_1', version: 3 }, 'duplicate', 3],
    ['a lower version arriving late', [3], { id: 'bk_1', version: 2 }, 'stale', 3],
  ] as const)('stores %s as %s', (_case, storedVersions, incoming, outcome, previousVersion) => {
    const { ledger } = replay(storedVersions.map((version) => booking({ version })));
    const change = applyBookingVersion(ledger, booking(incoming));
    expect(change.outcome).toBe(outcome);
    expect(change.previous?.version).toBe(previousVersion);
    const kept = Math.max(incoming.version, ...storedVersions);
    expect(change.ledger.get('bk_1')?.version).toBe(kept);
    expect(change.current.version).toBe(kept);
  });

  it('leaves the ledger untouched by a stale or repeated version', () => {
    const { ledger } = replay([booking({ version: 3, status: 'cancelled' })]);
    for (const version of [2, 3]) {
      const change = applyBookingVersion(ledger, booking({ version, status: 'confirmed' }));
      expect(change.ledger).toBe(ledger);
      expect(change.ledger.get('bk_1')?.status).toBe('cancelled');
      expect(change.customersToSync).toEqual([]);
    }
  });

  it('never changes the ledger it was given', () => {
    const { ledger } = replay([booking({ version: 1 })]);
    applyBookingVersion(ledger, booking({ version: 2, status: 'cancelled' }));
    expect(ledger.get('bk_1')?.status).toBe('confirmed');
  });

  it('names both customers when a new version moves the booking to someone else', () => {
    const { ledger } = replay([booking({ version: 1 })]);
    const change = applyBookingVersion(
      ledger,
      booking({ version: 2, customer: { email: 'grace@example.com' } }),
    );
    expect(change.customersToSync).toEqual(['grace@example.com', 'ada@example.com']);
    expect(bookingsOfCustomer(change.ledger, 'ada@example.com')).toEqual([]);
  });
});

describe('bookingsOfCustomer', () => {
  it('finds a customer by normalized email, else by E.164 phone', () => {
    const { ledger } = replay([
      booking({ id: 'a', customer: { email: 'ADA@example.com' } }),
      booking({ id: 'b', customer: { email: 'grace@example.com' } }),
      booking({ id: 'c', customer: { phone: '(415) 555-0100' } }),
      booking({ id: 'd', customer: { phone: '415.555.0100' } }),
    ]);
    expect(bookingsOfCustomer(ledger, 'ada@example.com').map((b) => b.id)).toEqual(['a']);
    expect(bookingsOfCustomer(ledger, '+14155550100').map((b) => b.id)).toEqual(['c', 'd']);
  });
});
