import { describe, expect, it } from 'vitest';
import type { BackfillPlan } from '../bookingSync/core/backfillPlan.js';
import { count, planLines, storedLine } from './backfillReport.js';

const plan = (n: number): BackfillPlan => ({
  events: n,
  changes: n,
  duplicates: 0,
  stale: 0,
  customers: n,
  contactsToCreate: n,
  contactsToUpdate: 0,
  fieldsToCreate: n,
  tagCalls: n,
  notes: n,
  estimatedCalls: n,
  estimatedSeconds: 1,
});

describe('what backfill prints', () => {
  it.each([
    [0, 'event', '0 events'],
    [1, 'event', '1 event'],
    [2, 'custom field', '2 custom fields'],
  ])('count(%i, %s) is %s', (n, thing, expected) => {
    expect(count(n, thing)).toBe(expected);
  });

  it('plans one event for one customer in the singular', () => {
    expect(planLines(plan(1))).toEqual([
      '  1 event: 1 to store, 0 already stored, 0 older than stored',
      '  1 customer: 1 contact to create, 0 to update',
      '  1 custom field to provision',
      '  1 tag call, 1 note',
      '  about 1 HighLevel call, 1 s at 100 requests per 10 s',
    ]);
  });

  it('plans several in the plural', () => {
    expect(planLines(plan(3))).toEqual([
      '  3 events: 3 to store, 0 already stored, 0 older than stored',
      '  3 customers: 3 contacts to create, 0 to update',
      '  3 custom fields to provision',
      '  3 tag calls, 3 notes',
      '  about 3 HighLevel calls, 1 s at 100 requests per 10 s',
    ]);
  });

  it('tallies the events stored, singular for one', () => {
    expect(storedLine(1, { created: 1, updated: 0, duplicate: 0, stale: 0 })).toBe(
      '✓ 1 event stored: 1 new booking, 0 newer versions, 0 already stored, 0 older than stored.',
    );
    expect(storedLine(3, { created: 1, updated: 1, duplicate: 1, stale: 0 })).toBe(
      '✓ 3 events stored: 1 new booking, 1 newer version, 1 already stored, 0 older than stored.',
    );
  });
});
