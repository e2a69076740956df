import { describe, expect, it } from 'vitest';
import { booking } from './core/testing.js';
import type { LedgerBooking } from './core/ledger.js';
import { gatherBackfillState, type BackfillStateQuery } from './backfillState.js';

describe('gatherBackfillState', () => {
  it('reads in batches, then the bookings of customers a stored version names', async () => {
    const stored: LedgerBooking[] = [
      booking({ id: 'a', customer: { email: 'old@example.com' } }),
      booking({ id: 'x', customer: { email: 'old@example.com' } }),
      booking({ id: 'b' }),
    ];
    const queries: BackfillStateQuery[] = [];
    const state = await gatherBackfillState(
      ['a', 'b', 'c'],
      ['ada@example.com'],
      (query) => {
        queries.push(query);
        return Promise.resolve({
          bookings: stored.filter(
            (b) =>
              query.bookingIds.includes(b.id) ||
              query.customerKeys.includes(b.customer.email ?? ''),
          ),
          customers: query.customerKeys.map((customerKey) => ({ customerKey, appliedTags: [] })),
          fieldIds: { 'contact.bookings_total_bookings': 'f1' },
        });
      },
      2,
    );
    expect(queries).toEqual([
      { bookingIds: ['a', 'b'], customerKeys: ['ada@example.com'] },
      { bookingIds: ['c'], customerKeys: [] },
      // Booking a is stored under another customer: that customer's bookings count too.
      { bookingIds: [], customerKeys: ['old@example.com'] },
    ]);
    expect([...state.ledger.keys()].sort()).toEqual(['a', 'b', 'x']);
    expect([...state.customers.keys()]).toEqual(['ada@example.com', 'old@example.com']);
    expect(state.fieldIds).toEqual({ 'contact.bookings_total_bookings': 'f1' });
  });
});
