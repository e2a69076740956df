import type { CustomField } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import {
  bookingFieldDefinitions,
  customFieldValues,
  keyFromName,
  planFieldProvisioning,
  type FieldIds,
} from './customFields.js';
import { customerStats } from './stats.js';
import { booking } from './testing.js';

const definitions = bookingFieldDefinitions();
const allKeys = definitions.map((d) => d.key);

/** An existing HighLevel contact field, as `GET /locations/{id}/customFields` lists it. */
function field(id: string, name: string, dataType: string, fieldKey?: string): CustomField {
  return {
    id,
    name,
    dataType,
    fieldKey: fieldKey ?? `contact.${keyFromName(name)}`,
    model: 'contact',
  };
}

describe('bookingFieldDefinitions', () => {
  it('names fields with the default prefix and keys them as HighLevel would', () => {
    expect(definitions.map((d) => [d.key, d.name, d.dataType])).toEqual([
      ['contact.bookings_total_bookings', 'Bookings – Total Bookings', 'NUMERICAL'],
      ['contact.bookings_total_cancellations', 'Bookings – Total Cancellations', 'NUMERICAL'],
      ['contact.bookings_total_revenue', 'Bookings – Total Revenue', 'MONETORY'],
      ['contact.bookings_latest_booking_date', 'Bookings – Latest Booking Date', 'DATE'],
      ['contact.bookings_latest_booking_service', 'Bookings – Latest Booking Service', 'TEXT'],
      ['contact.bookings_latest_payment_status', 'Bookings – Latest Payment Status', 'TEXT'],
      ['contact.bookings_latest_booking_status', 'Bookings – Latest Booking Status', 'TEXT'],
      ['contact.bookings_latest_booking_id', 'Bookings – Latest Booking ID', 'TEXT'],
      ['contact.bookings_first_booking_date', 'Bookings – First Booking Date', 'DATE'],
    ]);
    // With the default prefix, the key HighLevel derives from the name is the stable key.
    for (const d of definitions) expect(`contact.${keyFromName(d.name)}`).toBe(d.key);
  });

  it.each([
    ['Salon –', 'Salon – Total Bookings'],
    ['  Studio:  ', 'Studio: Total Bookings'],
    ['', 'Total Bookings'],
  ])('keeps the same keys under prefix %j', (prefix, firstName) => {
    const custom = bookingFieldDefinitions({ prefix });
    expect(custom[0]?.name).toBe(firstName);
    expect(custom.map((d) => d.key)).toEqual(allKeys);
  });
});

describe('planFieldProvisioning', () => {
  it('creates every field in a Location that has none, sending the stable key', () => {
    const plan = planFieldProvisioning(definitions, [field('x', 'Pincode', 'TEXT')]);
    expect(plan.adopt).toEqual([]);
    expect(plan.create.map((c) => c.key)).toEqual(allKeys);
    expect(plan.create[2]?.input).toEqual({
      name: 'Bookings – Total Revenue',
      dataType: 'MONETORY',
      model: 'contact',
      fieldKey: 'bookings_total_revenue',
    });
  });

  it('adopts the fields an earlier provisioning made, creating nothing', () => {
    const existing = definitions.map((d, i) => field(`f${i}`, d.name, d.dataType, d.key));
    const plan = planFieldProvisioning(definitions, existing);
    expect(plan.create).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.fieldIds).toEqual(Object.fromEntries(allKeys.map((k, i) => [k, `f${i}`])));
  });

  it('recreates only the field deleted in HighLevel', () => {
    const existing = definitions
      .map((d, i) => field(`f${i}`, d.name, d.dataType, d.key))
      .filter((f) => f.fieldKey !== 'contact.bookings_total_revenue');
    const plan = planFieldProvisioning(definitions, existing);
    expect(plan.create.map((c) => c.key)).toEqual(['contact.bookings_total_revenue']);
    expect(Object.keys(plan.fieldIds)).toHaveLength(definitions.length - 1);
  });

  it.each<[string, CustomField[], { adopt?: string; create?: boolean; conflict?: boolean }]>([
    [
      'matches by key even after a rename in HighLevel',
      [field('k', 'Visits (all time)', 'NUMERICAL', 'contact.bookings_total_bookings')],
      { adopt: 'k' },
    ],
    [
      'matches a hand-made field by name, however it is dashed or cased',
      [field('n', 'bookings - total BOOKINGS', 'NUMERICAL', 'contact.visits')],
      { adopt: 'n' },
    ],
    [
      'matches our field when HighLevel suffixed its key',
      [
        field('u', 'Bookings – Total Bookings', 'TEXT', 'contact.visits'),
        field('o', 'Bookings – Total Bookings', 'NUMERICAL', 'contact.bookings_total_bookings_1'),
      ],
      { adopt: 'o' },
    ],
    [
      'prefers the key match over a name match',
      [
        field('n', 'Bookings – Total Bookings', 'NUMERICAL', 'contact.other'),
        field('k', 'Whatever', 'NUMERICAL', 'contact.bookings_total_bookings'),
      ],
      { adopt: 'k' },
    ],
    [
      'adopts a compatible type (MONETORY for a count)',
      [field('m', 'Bookings – Total Bookings', 'MONETORY')],
      { adopt: 'm' },
    ],
    [
      'does not adopt a same-named field of another type: creates its own',
      [field('t', 'Bookings – Total Bookings', 'TEXT', 'contact.visits')],
      { create: true },
    ],
    [
      'ignores opportunity fields',
      [{ ...field('o', 'Bookings – Total Bookings', 'NUMERICAL'), model: 'opportunity' }],
      { create: true },
    ],
    [
      'reports a field holding our key with the wrong type',
      [field('w', 'Bookings – Total Bookings', 'CHECKBOX', 'contact.bookings_total_bookings')],
      { conflict: true },
    ],
  ])('%s', (_case, existing, expected) => {
    const plan = planFieldProvisioning(definitions.slice(0, 1), existing);
    expect(plan.fieldIds['contact.bookings_total_bookings']).toBe(expected.adopt);
    expect(plan.create.length).toBe(expected.create ? 1 : 0);
    expect(plan.conflicts.length).toBe(expected.conflict ? 1 : 0);
    // Whatever happens, one stat never gets two fields.
    expect(plan.adopt.length + plan.create.length + plan.conflicts.length).toBe(1);
  });

  it('explains a conflict in words a person can act on', () => {
    const plan = planFieldProvisioning(definitions.slice(0, 1), [
      field('w', 'Visits', 'CHECKBOX', 'contact.bookings_total_bookings'),
    ]);
    expect(plan.conflicts[0]?.message).toMatch(/"Visits".*CHECKBOX.*NUMERICAL.*Custom Fields/);
  });

  it('never adopts one existing field for two stats', () => {
    const plan = planFieldProvisioning(definitions, [
      field('one', 'Bookings – Latest Booking Date', 'DATE', 'contact.bookings_first_booking_date'),
    ]);
    expect(plan.fieldIds).toEqual({ 'contact.bookings_first_booking_date': 'one' });
    expect(plan.create.map((c) => c.key)).toContain('contact.bookings_latest_booking_date');
  });
});

describe('customFieldValues', () => {
  const ids: FieldIds = Object.fromEntries(allKeys.map((k) => [k, `id:${k.slice(17)}`]));

  it('writes every stat typed for its field', () => {
    const stats = customerStats([
      booking({ id: 'bk_1', startsAt: '2026-11-30T23:30:00-05:00', price: '0.10 USD' }),
      booking({ id: 'bk_2', startsAt: '2026-12-05T09:00:00-05:00', price: '0.20 USD' }),
      booking({
        id: 'bk_3',
        status: 'cancelled',
        startsAt: '2026-12-09T09:00:00-05:00',
        payment: 'refunded',
      }),
    ]);
    expect(customFieldValues(stats, ids)).toEqual([
      { id: 'id:total_bookings', field_value: 2 },
      { id: 'id:total_cancellations', field_value: 1 },
      { id: 'id:total_revenue', field_value: 0.3 },
      { id: 'id:latest_booking_date', field_value: '2026-12-05' },
      { id: 'id:latest_booking_service', field_value: 'Deep Tissue Massage' },
      { id: 'id:latest_payment_status', field_value: 'paid' },
      { id: 'id:latest_booking_status', field_value: 'confirmed' },
      { id: 'id:latest_booking_id', field_value: 'bk_2' },
      { id: 'id:first_booking_date', field_value: '2026-11-30' },
    ]);
  });

  it('clears the payment status when the latest booking has none', () => {
    const stats = customerStats([booking({ payment: null, price: null })]);
    const values = customFieldValues(stats, ids);
    expect(values).toContainEqual({ id: 'id:latest_payment_status', field_value: '' });
    expect(values).toContainEqual({ id: 'id:total_revenue', field_value: 0 });
  });

  it('writes only fields with a known id', () => {
    const stats = customerStats([booking()]);
    const values = customFieldValues(stats, { 'contact.bookings_total_bookings': 'f1' });
    expect(values).toEqual([{ id: 'f1', field_value: 1 }]);
  });
});
