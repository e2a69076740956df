/**
 * The HighLevel calls one booking change needs for one customer, in order, decided from plain
 * data. The worker plans once per job, runs the steps, journals each by its `key`, skips steps
 * already journaled on a retry, and does nothing the plan does not say. What it learns while it
 * runs (the field ids provisioning found, the tags the contact write returned) refines the steps
 * through `withFieldIds` and `withContactTags`; the stats, the note and the keys stay as planned.
 *
 * A repeat booking whose tag set did not change plans 2 calls: the contact write and the note.
 */
import { customerKey, type BookingCustomer } from './bookingEvent.js';
import {
  bookingFieldDefinitions,
  customFieldValues,
  type CustomFieldDefinition,
  type CustomFieldWrite,
  type FieldIds,
} from './customFields.js';
import type { LedgerBooking } from './ledger.js';
import { noteForChange, type NoteOptions } from './notes.js';
import { customerStats, type CustomerStats, type StatsOptions } from './stats.js';
import { syncStepKeys, type SyncStepKeys } from './syncStepKeys.js';
import type { ContactWriteBody, SyncStep } from './syncSteps.js';
import { desiredTags, tagDiff, type TagDiff, type TagNames } from './tags.js';

export interface ContactSyncInput {
  locationId: string;
  /** Whose contact this is: the booking's customer, or its former one if the booking moved. */
  customer: BookingCustomer;
  /** The change that started the job: the version the ledger held before (if any) and now. */
  change: { previous?: LedgerBooking; current: LedgerBooking };
  /** The current version of every booking of `customer`, from the ledger. */
  bookings: readonly LedgerBooking[];
  /** Cached HighLevel field ids by definition key. */
  fieldIds: FieldIds;
  fieldDefinitions?: readonly CustomFieldDefinition[];
  /** Tags ghl-bridge applied to this contact and has not removed. */
  appliedTags: readonly string[];
  /** The contact's tags, if known without a call (e.g. returned by the last contact write). */
  contactTags?: readonly string[];
  /** Cached HighLevel contact id. */
  contactId?: string;
  stats?: StatsOptions;
  tagNames?: Partial<TagNames>;
  note?: NoteOptions;
}

export interface ContactSyncPlan {
  customerKey: string;
  stats: CustomerStats;
  /** The change's note (null when it earns none). */
  note: { body: string; marker: string } | null;
  desiredTags: string[];
  tags: TagDiff;
  steps: SyncStep[];
  /** Sum over the steps: HighLevel calls this job should cost. */
  estimatedCalls: number;
  /** The journal key of every step the job may take, planned or not. */
  keys: SyncStepKeys;
  /** What the steps are made from; `withFieldIds` and `withContactTags` remake them from it. */
  basis: PlanBasis;
}

/** The input as known now, and what was computed from the customer's bookings once. */
export interface PlanBasis {
  input: ContactSyncInput;
  definitions: readonly CustomFieldDefinition[];
  customerKey: string;
  keys: SyncStepKeys;
  stats: CustomerStats;
  note: { body: string; marker: string } | null;
  desiredTags: string[];
}

/**
 * The steps for one customer after one booking change.
 *
 * The note belongs to the booking's own customer: when a new version moved the booking to
 * another email/phone, the former customer's job refreshes stats and tags only.
 *
 * @example
 * const plan = planContactSync({ locationId, customer: current.customer, change, bookings,
 *   fieldIds, appliedTags, contactId });
 * for (const step of plan.steps) if (!journal.done(step.key)) await run(step);
 */
export function planContactSync(input: ContactSyncInput): ContactSyncPlan {
  const { current, previous } = input.change;
  const key = customerKey(input.customer);
  const ownBooking = customerKey(current.customer) === key;
  const stats = customerStats(input.bookings, input.stats);
  const note = ownBooking ? noteForChange(previous, current, input.note) : null;
  return planSteps({
    input,
    definitions: input.fieldDefinitions ?? bookingFieldDefinitions(),
    customerKey: key,
    keys: syncStepKeys(current, { formerCustomer: !ownBooking }),
    stats,
    note: note ? { body: note.body, marker: note.marker } : null,
    desiredTags: desiredTags(stats, input.bookings, input.tagNames),
  });
}

/**
 * The plan once provisioning found the field ids: the contact step carries them in its
 * `customFields`, and no step provisions any more.
 *
 * @example plan = withFieldIds(plan, await provisionFields());
 */
export function withFieldIds(plan: ContactSyncPlan, fieldIds: FieldIds): ContactSyncPlan {
  return planSteps({ ...plan.basis, input: { ...plan.basis.input, fieldIds } });
}

/**
 * The plan once the contact's tags are known (the contact write returned them): the tag steps add
 * only what is missing and remove only what is there.
 *
 * @example plan = withContactTags(plan, contact.tags ?? []);
 */
export function withContactTags(
  plan: ContactSyncPlan,
  contactTags: readonly string[],
): ContactSyncPlan {
  return planSteps({ ...plan.basis, input: { ...plan.basis.input, contactTags } });
}

function planSteps(basis: PlanBasis): ContactSyncPlan {
  const { input, definitions, keys, stats, note } = basis;
  const steps: SyncStep[] = [];

  const missing = definitions.filter((d) => !input.fieldIds[d.key]).map((d) => d.key);
  if (missing.length > 0) {
    steps.push({
      kind: 'provision-fields',
      key: keys.provisionFields,
      missing,
      estimatedCalls: 1 + missing.length,
    });
  }

  const body = contactBody(input.customer, customFieldValues(stats, input.fieldIds, definitions));
  const upsertBody = { locationId: input.locationId, ...body };
  steps.push(
    input.contactId
      ? {
          kind: 'update-contact',
          key: keys.updateContact,
          contactId: input.contactId,
          body,
          upsertBody,
          estimatedCalls: 1,
        }
      : { kind: 'upsert-contact', key: keys.upsertContact, body: upsertBody, estimatedCalls: 1 },
  );

  const tags = tagDiff({
    desired: basis.desiredTags,
    appliedByUs: input.appliedTags,
    ...(input.contactTags ? { onContact: input.contactTags } : {}),
  });
  if (tags.add.length > 0) {
    steps.push({
      kind: 'add-tags',
      key: keys.addTags,
      tags: tags.add,
      // Until the removal has run, the tags it will remove are still ours and still there.
      appliedAfter: [...new Set([...tags.nextApplied, ...tags.remove])].sort(),
      estimatedCalls: 1,
    });
  }
  if (tags.remove.length > 0) {
    steps.push({
      kind: 'remove-tags',
      key: keys.removeTags,
      tags: tags.remove,
      appliedAfter: tags.nextApplied,
      estimatedCalls: 1,
    });
  }

  if (note) {
    steps.push({
      kind: 'add-note',
      key: keys.addNote,
      body: note.body,
      marker: note.marker,
      estimatedCalls: 1,
    });
  }

  return {
    customerKey: basis.customerKey,
    stats,
    note,
    desiredTags: basis.desiredTags,
    tags,
    steps,
    estimatedCalls: steps.reduce((sum, step) => sum + step.estimatedCalls, 0),
    keys,
    basis,
  };
}

/**
 * Only what the booking gave: an absent name is left alone on HighLevel, not blanked. Never
 * `tags`: HighLevel replaces all of a contact's tags when a contact body carries them
 * (docs/highlevel-behaviour.md#tags; the `tags` description of `UpsertContactDto` in
 * https://github.com/GoHighLevel/highlevel-api-docs/blob/main/apps/contacts.json).
 */
function contactBody(
  customer: BookingCustomer,
  customFields: CustomFieldWrite[],
): ContactWriteBody {
  return {
    ...(customer.firstName ? { firstName: customer.firstName } : {}),
    ...(customer.lastName ? { lastName: customer.lastName } : {}),
    ...(customer.email ? { email: customer.email } : {}),
    ...(customer.phone ? { phone: customer.phone } : {}),
    customFields,
  };
}
