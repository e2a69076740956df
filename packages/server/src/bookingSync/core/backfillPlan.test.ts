import { describe, expect, it } from 'vitest';
import { booking } from './testing.js';
import { planBackfill } from './backfillPlan.js';

const empty = { ledger: new Map(), customers: new Map(), fieldIds: {} };

describe('planBackfill', () => {
  it('counts the first sync of a workspace: fields, one contact, tags and a note', () => {
    const plan = planBackfill([booking({ id: 'a' })], empty);
    expect(plan).toMatchObject({
      events: 1,
      changes: 1,
      customers: 1,
      contactsToCreate: 1,
      contactsToUpdate: 0,
      fieldsToCreate: 9,
      tagCalls: 1,
      notes: 1,
      // list + 9 creates, upsert, tags, note
      estimatedCalls: 13,
      estimatedSeconds: 2,
    });
  });

  it('provisions fields once, and counts repeats and stale versions without calls', () => {
    const plan = planBackfill(
      [
        booking({ id: 'a' }),
        booking({ id: 'b', customer: { email: 'grace@example.com' } }),
        booking({ id: 'a', version: 3, status: 'cancelled' }),
        booking({ id: 'a', version: 3, status: 'cancelled' }),
        booking({ id: 'a', version: 2 }),
      ],
      empty,
    );
    expect(plan).toMatchObject({
      events: 5,
      changes: 3,
      duplicates: 1,
      stale: 1,
      customers: 2,
      contactsToCreate: 2,
      contactsToUpdate: 0,
      fieldsToCreate: 9,
      notes: 3,
    });
    // a: 13; b: upsert + tags + note; a v3: update + add booking:cancelled + remove 3 tags + note.
    expect(plan.estimatedCalls).toBe(13 + 3 + 4);
  });

  it('updates a contact the workspace already synced, with the cached ids', () => {
    const existing = booking({ id: 'a' });
    const plan = planBackfill([booking({ id: 'b', startsAt: '2026-12-08T15:00:00-05:00' })], {
      ledger: new Map([['a', existing]]),
      customers: new Map([
        [
          'ada@example.com',
          {
            contactId: 'c1',
            appliedTags: ['booking:confirmed', 'payment:paid', 'service:deep tissue massage'],
          },
        ],
      ]),
      fieldIds: Object.fromEntries(
        [
          'total_bookings',
          'total_cancellations',
          'total_revenue',
          'latest_booking_date',
          'latest_booking_service',
          'latest_payment_status',
          'latest_booking_status',
          'latest_booking_id',
          'first_booking_date',
        ].map((name) => [`contact.bookings_${name}`, `f_${name}`]),
      ),
    });
    // update + repeat-client + note
    expect(plan).toMatchObject({ contactsToCreate: 0, contactsToUpdate: 1, fieldsToCreate: 0 });
    expect(plan.estimatedCalls).toBe(3);
  });
});
