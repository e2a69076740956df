import { describe, expect, it } from 'vitest';
import type { BookingEvent } from './bookingEvent.js';
import { bookingFieldDefinitions, type FieldIds } from './customFields.js';
import { bookingsOfCustomer } from './ledger.js';
import { planContactSync, withContactTags, withFieldIds, type ContactSyncInput } from './plan.js';
import type { SyncStep } from './syncSteps.js';
import { booking, replay } from './testing.js';

const allFieldIds: FieldIds = Object.fromEntries(
  bookingFieldDefinitions().map((d, i) => [d.key, `field_${i}`]),
);

interface Situation {
  /** Events already synced, then the one this job is for (last). */
  events: BookingEvent[];
  fieldIds?: FieldIds;
  appliedTags?: string[];
  contactId?: string;
  customer?: string;
}

/** The plan the worker would get for the last event of `events`. */
function planFor(situation: Situation, extra: Partial<ContactSyncInput> = {}) {
  const { ledger, changes } = replay(situation.events);
  const change = changes.at(-1)!;
  const key = situation.customer ?? change.customersToSync[0]!;
  const bookings = bookingsOfCustomer(ledger, key);
  const customer =
    key === change.customersToSync[0] ? change.current.customer : change.previous!.customer;
  return planContactSync({
    locationId: 'loc_1',
    customer,
    change,
    bookings,
    fieldIds: situation.fieldIds ?? allFieldIds,
    appliedTags: situation.appliedTags ?? [],
    ...(situation.contactId ? { contactId: situation.contactId } : {}),
    ...extra,
  });
}

const kinds = (steps: SyncStep[]) => steps.map((s) => s.kind);

const first = booking({ id: 'bk_1' });
const second = booking({ id: 'bk_2', startsAt: '2026-12-08T15:00:00-05:00' });
const third = booking({ id: 'bk_3', startsAt: '2026-12-15T15:00:00-05:00' });
const afterTwo = [
  'booking:confirmed',
  'payment:paid',
  'repeat-client',
  'service:deep tissue massage',
];

describe('planContactSync: HighLevel calls per booking', () => {
  it.each<[string, Situation, SyncStep['kind'][], number]>([
    [
      'first booking of a new workspace',
      { events: [first], fieldIds: {} },
      ['provision-fields', 'upsert-contact', 'add-tags', 'add-note'],
      1 + 9 + 1 + 1 + 1,
    ],
    [
      'first booking, fields provisioned',
      { events: [first] },
      ['upsert-contact', 'add-tags', 'add-note'],
      3,
    ],
    [
      'repeat booking with an unchanged tag set',
      { events: [first, second, third], appliedTags: afterTwo, contactId: 'c_1' },
      ['update-contact', 'add-note'],
      2,
    ],
    [
      'second booking, which makes a repeat client',
      {
        events: [first, second],
        appliedTags: ['booking:confirmed', 'payment:paid', 'service:deep tissue massage'],
        contactId: 'c_1',
      },
      ['update-contact', 'add-tags', 'add-note'],
      3,
    ],
    [
      'cancellation of the only booking',
      {
        events: [first, booking({ id: 'bk_1', version: 2, status: 'cancelled' })],
        appliedTags: ['booking:confirmed', 'payment:paid', 'service:deep tissue massage'],
        contactId: 'c_1',
      },
      ['update-contact', 'add-tags', 'remove-tags', 'add-note'],
      4,
    ],
    [
      'a metadata-only edit',
      {
        events: [first, booking({ id: 'bk_1', version: 2, metadata: { room: '4' } })],
        appliedTags: ['booking:confirmed', 'payment:paid', 'service:deep tissue massage'],
        contactId: 'c_1',
      },
      ['update-contact'],
      1,
    ],
  ])('%s', (_case, situation, expectedKinds, calls) => {
    const plan = planFor(situation);
    expect(kinds(plan.steps)).toEqual(expectedKinds);
    expect(plan.estimatedCalls).toBe(calls);
  });
});

describe('planContactSync: steps', () => {
  it('upserts a new contact with its stats and never sends tags', () => {
    const plan = planFor({
      events: [booking({ customer: { firstName: 'Ada', phone: '(415) 555-0100' } })],
    });
    const upsert = plan.steps[0];
    expect(upsert).toMatchObject({ kind: 'upsert-contact', key: 'booking/bk_1/v1/upsert-contact' });
    if (upsert?.kind !== 'upsert-contact') throw new Error('expected an upsert');
    expect(upsert.body).toEqual({
      locationId: 'loc_1',
      firstName: 'Ada',
      phone: '+14155550100',
      customFields: expect.arrayContaining([
        { id: 'field_0', field_value: 1 },
        { id: 'field_2', field_value: 120 },
      ]) as unknown,
    });
    expect(upsert.body).not.toHaveProperty('tags');
    expect(upsert.body.customFields).toHaveLength(9);
  });

  it('updates a cached contact and carries the upsert that recreates it if deleted', () => {
    const plan = planFor({ events: [first], contactId: 'c_1' });
    const update = plan.steps[0];
    if (update?.kind !== 'update-contact') throw new Error('expected an update');
    expect(update.contactId).toBe('c_1');
    expect(update.body).not.toHaveProperty('locationId');
    expect(update.upsertBody).toEqual({ locationId: 'loc_1', ...update.body });
  });

  it('flips the status tag on cancel and drops the stale tags, leaving ours consistent', () => {
    const plan = planFor({
      events: [first, booking({ id: 'bk_1', version: 2, status: 'cancelled' })],
      appliedTags: ['booking:confirmed', 'payment:paid', 'service:deep tissue massage'],
      contactId: 'c_1',
    });
    const [, add, remove] = plan.steps;
    expect(add).toMatchObject({
      kind: 'add-tags',
      tags: ['booking:cancelled'],
      // Until the removal runs, the tags it removes are still ours.
      appliedAfter: [
        'booking:cancelled',
        'booking:confirmed',
        'payment:paid',
        'service:deep tissue massage',
      ],
    });
    expect(remove).toMatchObject({
      kind: 'remove-tags',
      tags: ['booking:confirmed', 'payment:paid', 'service:deep tissue massage'],
      appliedAfter: ['booking:cancelled'],
    });
  });

  it('skips tags already on the contact when they are known', () => {
    const plan = planFor(
      { events: [first], contactId: 'c_1' },
      { contactTags: ['booking:confirmed', 'payment:paid', 'service:deep tissue massage', 'vip'] },
    );
    expect(kinds(plan.steps)).toEqual(['update-contact', 'add-note']);
  });

  it('writes the note with its marker', () => {
    const plan = planFor({
      events: [first, booking({ id: 'bk_1', version: 2, startsAt: '2026-12-02T15:00:00-05:00' })],
    });
    const note = plan.steps.at(-1);
    if (note?.kind !== 'add-note') throw new Error('expected a note');
    expect(note.marker).toBe('[ghl-bridge booking bk_1 v2]');
    expect(note.body).toContain('Booking rescheduled');
    expect(note.body.endsWith(note.marker)).toBe(true);
  });

  it('syncs the former customer of a moved booking without a note', () => {
    const moved = booking({ id: 'bk_1', version: 2, customer: { email: 'grace@example.com' } });
    const plan = planFor({
      events: [first, second, moved],
      customer: 'ada@example.com',
      appliedTags: afterTwo,
      contactId: 'c_ada',
    });
    expect(plan.customerKey).toBe('ada@example.com');
    expect(plan.stats.totalBookings).toBe(1);
    expect(kinds(plan.steps)).toEqual(['update-contact', 'remove-tags']);
    expect(plan.steps.map((s) => s.key)).toEqual([
      'booking/bk_1/v2/former-customer/update-contact',
      'booking/bk_1/v2/former-customer/remove-tags',
    ]);
  });

  it('gives stable, distinct step keys, the same after provisioning', () => {
    const situation = { events: [first], fieldIds: {} };
    const before = planFor(situation);
    const again = planFor(situation);
    const after = planFor({ ...situation, fieldIds: allFieldIds });
    const keys = before.steps.map((s) => s.key);
    expect(again.steps.map((s) => s.key)).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(after.steps.map((s) => s.key)).toEqual(keys.slice(1));
    expect(before.steps[0]).toMatchObject({
      kind: 'provision-fields',
      missing: expect.any(Array) as unknown,
    });
  });

  it('gives another job (the next version) other keys', () => {
    const v1 = planFor({ events: [first] });
    const v2 = planFor({
      events: [first, booking({ id: 'bk_1', version: 2, status: 'cancelled' })],
    });
    const v1Keys = new Set(v1.steps.map((s) => s.key));
    expect(v2.steps.some((s) => v1Keys.has(s.key))).toBe(false);
  });
});

describe('a plan refined by what the run learns', () => {
  it('gives the contact write the provisioned field ids, keeping stats, note and keys', () => {
    const plan = planFor({ events: [first], fieldIds: {} });
    const provisioned = withFieldIds(plan, allFieldIds);
    expect(kinds(provisioned.steps)).toEqual(['upsert-contact', 'add-tags', 'add-note']);
    expect(provisioned.steps.map((s) => s.key)).toEqual(plan.steps.slice(1).map((s) => s.key));
    const upsert = provisioned.steps[0];
    if (upsert?.kind !== 'upsert-contact') throw new Error('expected an upsert');
    expect(upsert.body.customFields).toHaveLength(9);
    expect(provisioned.stats).toBe(plan.stats);
    expect(provisioned.note).toBe(plan.note);
    expect(provisioned.keys).toBe(plan.keys);
  });

  it('skips tags the contact write says are there, as a plan made with them would', () => {
    const onContact = ['booking:confirmed', 'payment:paid', 'service:deep tissue massage'];
    const plan = planFor({ events: [first], contactId: 'c_1' });
    const refined = withContactTags(plan, onContact);
    expect(kinds(refined.steps)).toEqual(['update-contact', 'add-note']);
    expect(refined.steps).toEqual(
      planFor({ events: [first], contactId: 'c_1' }, { contactTags: onContact }).steps,
    );
  });

  it('names the journal key of every step, planned or not', () => {
    const plan = planFor({ events: [first], contactId: 'c_1' }, { contactTags: [] });
    expect(plan.keys).toMatchObject({
      contact: 'booking/bk_1/v1/contact',
      addTags: 'booking/bk_1/v1/add-tags',
      removeTags: 'booking/bk_1/v1/remove-tags',
      provisionFields: 'booking/bk_1/v1/provision-fields',
    });
  });
});
