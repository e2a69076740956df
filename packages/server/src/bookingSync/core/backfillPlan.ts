/**
 * What a backfill of historical bookings will do, decided from plain data: the ledger outcome of
 * each event, and, replaying the sync plan of each change in order, the contacts to create or
 * update, the fields to provision, the tag and note calls, and the HighLevel calls it costs —
 * for `ghl-bridge backfill --dry-run`, which writes nothing.
 */
import { customerKey } from './bookingEvent.js';
import { applyBookingVersion, type LedgerBooking } from './ledger.js';
import type { FieldIds } from './customFields.js';
import { planContactSync } from './plan.js';
import { syncNaming, type SyncNaming } from './naming.js';
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
 * The plan of a backfill: `events` folded into a `BackfillPlanner`.
 *
 * @example
 * const plan = planBackfill(events, { ledger, customers, fieldIds });
 * console.log(`${plan.estimatedCalls} HighLevel calls, about ${plan.estimatedSeconds} s`);
 */
export function planBackfill(
  events: Iterable<LedgerBooking>,
  state: BackfillState,
  options: BackfillPlanOptions = {},
): BackfillPlan {
  const planner = new BackfillPlanner(state, options);
  for (const event of events) planner.add(event);
  return planner.plan();
}

export interface BackfillPlanOptions {
  requestsPerSecond?: number;
  locationId?: string;
  naming?: SyncNaming;
}

/**
 * The plan, one event at a time, so a file of any size can be planned as it is read. The ledger
 * of the planned events is kept by booking id and by customer (never copied per event), so a
 * plan takes time in proportion to the events.
 *
 * @example
 * const planner = new BackfillPlanner(state, { naming });
 * for await (const event of events) planner.add(event);
 * planner.plan().estimatedCalls;
 */
export class BackfillPlanner {
  private readonly naming: SyncNaming;
  private readonly ledger: Map<string, LedgerBooking>;
  /** Customer key -> booking id -> its current version. */
  private readonly byCustomer = new Map<string, Map<string, LedgerBooking>>();
  private readonly contacts: Map<string, { contactId?: string; appliedTags: string[] }>;
  // Once provisioned by the first job, every later job has the ids.
  private fieldIds: FieldIds;
  private readonly touched = new Set<string>();
  private readonly created = new Set<string>();
  private readonly counts: BackfillPlan = {
    events: 0,
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

  constructor(
    state: BackfillState,
    private readonly options: BackfillPlanOptions = {},
  ) {
    this.naming = options.naming ?? syncNaming();
    this.ledger = new Map();
    for (const booking of state.ledger.values()) this.store(booking);
    this.contacts = new Map(state.customers);
    this.fieldIds = state.fieldIds;
  }

  add(event: LedgerBooking): void {
    const plan = this.counts;
    plan.events += 1;
    const stored = this.ledger.get(event.id);
    // The pure ledger rule, over the one booking it looks at.
    const change = applyBookingVersion(new Map(stored ? [[event.id, stored]] : []), event);
    if (change.outcome === 'duplicate') plan.duplicates += 1;
    if (change.outcome === 'stale') plan.stale += 1;
    if (change.outcome === 'duplicate' || change.outcome === 'stale') return;
    plan.changes += 1;
    this.store(event);
    const naming = this.naming;
    for (const target of syncTargets(change)) {
      const key = target.customerKey;
      const cached = this.contacts.get(key) ?? { appliedTags: [] };
      const sync = planContactSync({
        locationId: this.options.locationId ?? 'location',
        customer: target.customer,
        change: { ...(target.previous ? { previous: target.previous } : {}), current: event },
        bookings: [...(this.byCustomer.get(key)?.values() ?? [])],
        fieldIds: this.fieldIds,
        fieldDefinitions: naming.fieldDefinitions,
        tagNames: naming.tagNames,
        appliedTags: cached.appliedTags,
        ...(cached.contactId ? { contactId: cached.contactId } : {}),
      });
      this.touched.add(key);
      for (const step of sync.steps) {
        if (step.kind === 'provision-fields') plan.fieldsToCreate += step.missing.length;
        if (step.kind === 'upsert-contact') this.created.add(key);
        if (step.kind === 'add-tags' || step.kind === 'remove-tags') plan.tagCalls += 1;
        if (step.kind === 'add-note') plan.notes += 1;
      }
      plan.estimatedCalls += sync.estimatedCalls;
      if (sync.steps.some((step) => step.kind === 'provision-fields')) {
        this.fieldIds = Object.fromEntries(
          naming.fieldDefinitions.map((definition) => [definition.key, 'planned']),
        );
      }
      this.contacts.set(key, {
        contactId: cached.contactId ?? 'planned',
        appliedTags: sync.tags.nextApplied,
      });
    }
  }

  plan(): BackfillPlan {
    const plan = { ...this.counts };
    plan.customers = this.touched.size;
    plan.contactsToCreate = this.created.size;
    plan.contactsToUpdate = this.touched.size - this.created.size;
    plan.estimatedSeconds = Math.ceil(plan.estimatedCalls / (this.options.requestsPerSecond ?? 10));
    return plan;
  }

  private store(booking: LedgerBooking): void {
    const before = this.ledger.get(booking.id);
    const key = customerKey(booking.customer);
    // A booking that moved to another customer is no longer one of its former customer's.
    if (before && customerKey(before.customer) !== key) {
      this.byCustomer.get(customerKey(before.customer))?.delete(booking.id);
    }
    this.ledger.set(booking.id, booking);
    let bookings = this.byCustomer.get(key);
    if (!bookings) this.byCustomer.set(key, (bookings = new Map<string, LedgerBooking>()));
    bookings.set(booking.id, booking);
  }
}
