/**
 * What a backfill of historical bookings will do, decided from plain data: the ledger outcome of
 * each event, and, replaying the sync plan of each change in order, the contacts to create or
 * update, the fields to provision, the tag and note calls, and the HighLevel calls it costs —
 * for `ghl-bridge backfill --dry-run`, which writes nothing.
 */
import { applyBookingVersion, bookingsOfCustomer, type LedgerBooking } from '../sync/ledger.js';
import type { FieldIds } from '../sync/customFields.js';
import { planContactSync } from '../sync/plan.js';
import { syncNaming, type SyncNaming } from '../syncWorker/naming.js';
import { syncTargets } from './syncTargets.js';

export interface BackfillState {
  /** The workspace's ledger now: booking id -> stored version. */
  ledger: ReadonlyMap<string, LedgerBooking>;
  /** Cached HighLevel contacts and applied tags, by customer key. */
  customers: ReadonlyMap<string, { contactId?: string; appliedTags: string[] }>;
  fieldIds: FieldIds;
}

export interface BackfillPlan {
  events: number;
  /** New bookings and newer versions: each makes sync jobs. */
  changes: number;
  duplicates: number;
  stale: number;
  customers: number;
  contactsToCreate: number;
  contactsToUpdate: number;
  fieldsToCreate: number;
  tagCalls: number;
  notes: number;
  estimatedCalls: number;
  /** At `requestsPerSecond` (HighLevel's 100 per 10 s by default). */
  estimatedSeconds: number;
}

/**
 * @example
 * const plan = planBackfill(events, { ledger, customers, fieldIds });
 * console.log(`${plan.estimatedCalls} HighLevel calls, about ${plan.estimatedSeconds} s`);
 */
export function planBackfill(
  events: readonly LedgerBooking[],
  state: BackfillState,
  options: { requestsPerSecond?: number; locationId?: string; naming?: SyncNaming } = {},
): BackfillPlan {
  const naming = options.naming ?? syncNaming();
  let ledger = state.ledger;
  const contacts = new Map<string, { contactId?: string; appliedTags: string[] }>(state.customers);
  // Once provisioned by the first job, every later job has the ids.
  let fieldIds: FieldIds = state.fieldIds;
  const touched = new Set<string>();
  const created = new Set<string>();
  const plan: BackfillPlan = {
    events: events.length,
    changes: 0,
    duplicates: 0,
    stale: 0,
    customers: 0,
    contactsToCreate: 0,
    contactsToUpdate: 0,
    fieldsToCreate: 0,
    tagCalls: 0,
    notes: 0,
    estimatedCalls: 0,
    estimatedSeconds: 0,
  };

  for (const event of events) {
    const change = applyBookingVersion(ledger, event);
    if (change.outcome === 'duplicate') plan.duplicates += 1;
    if (change.outcome === 'stale') plan.stale += 1;
    if (change.outcome === 'duplicate' || change.outcome === 'stale') continue;
    plan.changes += 1;
    ledger = change.ledger;
    for (const target of syncTargets(change)) {
      const key = target.customerKey;
      const cached = contacts.get(key) ?? { appliedTags: [] };
      const sync = planContactSync({
        locationId: options.locationId ?? 'location',
        customer: target.customer,
        change: { ...(target.previous ? { previous: target.previous } : {}), current: event },
        bookings: bookingsOfCustomer(ledger, key),
        fieldIds,
        fieldDefinitions: naming.fieldDefinitions,
        tagNames: naming.tagNames,
        appliedTags: cached.appliedTags,
        ...(cached.contactId ? { contactId: cached.contactId } : {}),
      });
      touched.add(key);
      for (const step of sync.steps) {
        if (step.kind === 'provision-fields') plan.fieldsToCreate += step.missing.length;
        if (step.kind === 'upsert-contact') created.add(key);
        if (step.kind === 'add-tags' || step.kind === 'remove-tags') plan.tagCalls += 1;
        if (step.kind === 'add-note') plan.notes += 1;
      }
      plan.estimatedCalls += sync.estimatedCalls;
      if (sync.steps.some((step) => step.kind === 'provision-fields')) {
        fieldIds = Object.fromEntries(
          naming.fieldDefinitions.map((definition) => [definition.key, 'planned']),
        );
      }
      contacts.set(key, {
        contactId: cached.contactId ?? 'planned',
        appliedTags: sync.tags.nextApplied,
      });
    }
  }
  plan.customers = touched.size;
  plan.contactsToCreate = created.size;
  plan.contactsToUpdate = touched.size - created.size;
  plan.estimatedSeconds = Math.ceil(plan.estimatedCalls / (options.requestsPerSecond ?? 10));
  return plan;
}
